import dgram from 'node:dgram';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMediaTools } from '../src/media/ffmpeg-binaries.js';
import { apiRequest } from './helpers/api-request.js';
import { makeClip } from './helpers/clips.js';
import { startTestServer, waitFor, type TestServer } from './helpers/kinora-server.js';

/**
 * Uploads and requests made to hurt the server: decompression bombs, polyglots, traversal file names, media that
 * names other files or addresses, bodies of 100 MB, clients that send one byte at a time, huge and invisible-ink
 * prompts. Each is refused (or made harmless) with a 4xx in OpenAI's error shape, within bounded memory.
 */

type ErrorJson = { error: { message: string; type: string; param: string | null; code: string | null } };

// ---- hostile files, made here -----------------------------------------------------------------------------------

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A greyscale PNG whose pixels are all zero: `bitDepth` 1 makes a 20000x20000 one about 50 KB that decodes to 1.6 GB of RGBA. */
function zeroPng(width: number, height: number, bitDepth: 1 | 8): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(bitDepth, 8); // colour type 0 (grey), compression, filter, interlace all 0
  const row = 1 + Math.ceil((width * bitDepth) / 8);
  const pixels = zlib.deflateSync(Buffer.alloc(row * height), { level: 9 });
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), pngChunk('IHDR', header), pngChunk('IDAT', pixels), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A GIF whose screen and only frame are 65535x65535 (4 G pixels), in a few dozen bytes. */
function hugeFrameGif(): Buffer {
  const side = Buffer.alloc(2);
  side.writeUInt16LE(0xffff);
  const screen = Buffer.concat([Buffer.from('GIF89a', 'latin1'), side, side, Buffer.from([0x80, 0, 0]), Buffer.from([0, 0, 0, 255, 255, 255])]);
  const frame = Buffer.concat([Buffer.from([0x2c, 0, 0, 0, 0]), side, side, Buffer.from([0]), Buffer.from([2, 2, 0x4c, 0x01, 0]), Buffer.from(';', 'latin1')]);
  return Buffer.concat([screen, frame]);
}

/** The start of a ZIP archive (a local file header naming a script). */
const zipTail = Buffer.concat([Buffer.from('504b0304140000000000', 'hex'), Buffer.alloc(16), Buffer.from([9, 0, 0, 0]), Buffer.from('evil.html<script>alert(1)</script>', 'latin1')]);
const htmlTail = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>', 'latin1');

// ---- requests ---------------------------------------------------------------------------------------------------

async function postForm(server: TestServer, route: string, fields: Array<[string, string | Blob, string?]>) {
  const form = new FormData();
  for (const [name, value, filename] of fields) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, filename);
  }
  const response = await fetch(`${server.url}${route}`, { method: 'POST', headers: { authorization: `Bearer ${server.adminKey}` }, body: form, signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', text, json: JSON.parse(text) as ErrorJson & Record<string, unknown> };
}

function expectRefusal(result: { status: number; json: Partial<ErrorJson> }, statuses: number[], param?: string): void {
  expect(statuses, JSON.stringify(result.json)).toContain(result.status);
  expect(Object.keys(result.json.error ?? {}).sort()).toEqual(['code', 'message', 'param', 'type']);
  if (param !== undefined) expect(result.json.error?.param).toBe(param);
}

/** The server runs in this process: its resident memory is ours. */
const rssMb = (): number => process.memoryUsage().rss / 1048576;

interface StreamedAnswer {
  /** 0 when the server hung up before its answer could be read (it closes a connection whose body it will not read). */
  status: number;
  json: Partial<ErrorJson>;
  bytesSent: number;
}

/**
 * Streams `total` bytes after `head` (chunked when no length is declared), and resolves with the status as soon as
 * the server answers or hangs up, whatever is left unsent; nothing is buffered whole on this side.
 */
function streamBody(server: TestServer, route: string, options: { contentType: string; head: Buffer; total: number; declareLength: boolean }) {
  return new Promise<StreamedAnswer>((resolve, reject) => {
    let sent = 0;
    const chunk = Buffer.alloc(1 << 20, 0x41);
    const source = new Readable({
      read() {
        if (sent === 0) {
          sent += options.head.length;
          this.push(options.head);
        } else if (sent >= options.total) {
          this.push(null);
        } else {
          const piece = chunk.subarray(0, Math.min(chunk.length, options.total - sent));
          sent += piece.length;
          this.push(piece);
        }
      },
    });
    const outgoing = http.request(`${server.url}${route}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.adminKey}`,
        'content-type': options.contentType,
        ...(options.declareLength && { 'content-length': options.total }),
      },
    });
    outgoing.on('response', (response) => {
      const parts: Buffer[] = [];
      response.on('data', (data: Buffer) => parts.push(data));
      response.on('end', () => {
        source.destroy();
        outgoing.destroy();
        resolve({ status: response.statusCode ?? 0, json: JSON.parse(Buffer.concat(parts).toString()) as ErrorJson, bytesSent: sent });
      });
    });
    // The server may close the connection while this side is still writing (and a reset can overtake its answer).
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
      source.destroy();
      resolve({ status: 0, json: {}, bytesSent: sent });
    });
    source.pipe(outgoing);
  });
}

let server: TestServer;
let clip: Buffer;

beforeAll(async () => {
  server = await startTestServer({ KINORA_MAX_UPLOAD_MB: '20', KINORA_RATE_LIMIT_PER_MINUTE: '0' }, { workers: 0 });
  const file = path.join(server.dataDir, 'clip.mp4');
  await makeClip(await resolveMediaTools(), file, { size: '160x90', seconds: 1 });
  clip = fs.readFileSync(file);
});
afterAll(async () => server?.close());

describe('decompression bombs', () => {
  const bomb = zeroPng(20_000, 20_000, 1);
  const gif = hugeFrameGif();

  it('a 20000x20000 PNG and a 65535x65535 GIF are refused on every image route without being decoded', async () => {
    expect(bomb.length).toBeLessThan(200_000);
    const before = rssMb();
    for (const [name, bytes] of [['bomb.png', bomb], ['bomb.gif', gif]] as const) {
      const blob = new Blob([bytes], { type: name.endsWith('png') ? 'image/png' : 'image/gif' });
      expectRefusal(await postForm(server, '/v1/videos', [['prompt', 'a cat'], ['input_reference', blob, name]]), [400, 413, 422], 'input_reference');
      expectRefusal(await postForm(server, '/v1/files', [['purpose', 'vision'], ['file', blob, name]]), [400, 413, 422], 'file');
      const dataUrl = `data:image/png;base64,${bytes.toString('base64')}`;
      expectRefusal(await apiRequest(server, 'POST', '/v1/videos', { body: { prompt: 'a cat', input_reference: { image_url: dataUrl } } }), [400, 413, 422], 'input_reference');
      // Uploaded as a "video", the image is looked at by ffprobe (header only) and refused.
      expectRefusal(await postForm(server, '/v1/videos/extensions', [['prompt', 'on'], ['seconds', '1'], ['video', blob, name]]), [400, 422], 'video');
    }
    // Decoding the PNG alone would take 1.6 GB.
    expect(rssMb() - before).toBeLessThan(100);
  });
});

describe('polyglots', () => {
  it('an image that is also HTML and a ZIP is kept as an image (never served back), or refused', async () => {
    const polyglot = Buffer.concat([zeroPng(2, 2, 8), htmlTail, zipTail]);
    const upload = await postForm(server, '/v1/files', [['purpose', 'vision'], ['file', new Blob([polyglot], { type: 'text/html' }), 'page.html']]);
    expect([200, 400]).toContain(upload.status);
    if (upload.status === 200) {
      // The Files API answers what it stored, never its bytes: there is no route that would serve them as a page.
      const id = String(upload.json.id);
      const content = await fetch(`${server.url}/v1/files/${id}/content`, { headers: { authorization: `Bearer ${server.adminKey}` } });
      expect(content.status).toBe(404);
      expect(content.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });

  it('HTML or a script behind an image signature is refused', async () => {
    const fakes = [Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), htmlTail]), Buffer.concat([Buffer.from('GIF89a/*', 'latin1'), Buffer.from('*/=1;alert(1)//', 'latin1')])];
    for (const bytes of fakes) {
      const result = await postForm(server, '/v1/videos', [['prompt', 'a cat'], ['input_reference', new Blob([bytes], { type: 'image/png' }), 'x.png']]);
      expectRefusal(result, [400], 'input_reference');
      expect(result.json.error.code).toBe('invalid_image');
    }
  });
});

describe('file names', () => {
  it("a video named '../../etc/passwd' is stored under a server id, and no answer repeats the name", async () => {
    const result = await postForm(server, '/v1/videos/extensions', [['prompt', 'it flies on'], ['seconds', '1'], ['video', new Blob([clip], { type: 'video/mp4' }), '../../etc/passwd']]);
    expect(result.status, result.text).toBe(200);
    const id = String(result.json.id);
    expect(fs.readFileSync(path.join(server.dataDir, 'blobs', 'videos', id, 'input-video')).equals(clip)).toBe(true);
    const listing = await fetch(`${server.url}/v1/videos`, { headers: { authorization: `Bearer ${server.adminKey}` } });
    const text = await listing.text();
    expect(text).toContain(id);
    expect(text).not.toMatch(/passwd|\.\.\//);
    // Nothing was written beside or above the data folder under the given name.
    expect(fs.readdirSync(server.dataDir, { recursive: true }).map(String).filter((name) => name.includes('passwd'))).toEqual([]);
  });

  it('an image named with folders and a right-to-left override is listed under its bare, cleaned name', async () => {
    const png = new Blob([zeroPng(2, 2, 8)], { type: 'image/png' });
    const traversal = await postForm(server, '/v1/files', [['purpose', 'vision'], ['file', png, '../../etc/passwd']]);
    expect(traversal.json.filename).toBe('passwd');
    const spoofed = await postForm(server, '/v1/files', [['purpose', 'vision'], ['file', png, 'folder/cat\u202Egnp.exe']]);
    expect(spoofed.json.filename).toBe('catgnp.exe');
  });
});

describe('media that names other files or addresses', () => {
  let tcpHits = 0;
  let udpHits = 0;
  const canary = net.createServer((socket) => {
    tcpHits++;
    socket.destroy();
  });
  const udpCanary = dgram.createSocket('udp4', () => udpHits++);
  let port = 0;

  beforeAll(async () => {
    await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
    port = (canary.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => udpCanary.bind(port, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    udpCanary.close();
    await new Promise((resolve) => canary.close(resolve));
  });

  it('HLS, concat and SDP files sent as videos are refused, and the canary hears nothing', async () => {
    const payloads: Array<[string, string]> = [
      ['list.m3u8', `#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\nhttp://127.0.0.1:${port}/segment.ts\n#EXT-X-ENDLIST\n`],
      ['list.m3u8', '#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:1,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n'],
      ['list.txt', `ffconcat version 1.0\nfile 'http://127.0.0.1:${port}/a.mp4'\nfile '/etc/passwd'\n`],
      ['stream.sdp', `v=0\no=- 0 0 IN IP4 127.0.0.1\ns=x\nc=IN IP4 127.0.0.1\nt=0 0\nm=video ${port} RTP/AVP 96\na=rtpmap:96 H264/90000\n`],
      ['clip.mp4', `${clip.toString('latin1')}\n#EXTM3U\n#EXTINF:1,\nhttp://127.0.0.1:${port}/tail.ts\n`],
    ];
    for (const [name, text] of payloads) {
      const blob = new Blob([Buffer.from(text, 'latin1')], { type: 'video/mp4' });
      const isClip = name === 'clip.mp4';
      const extension = await postForm(server, '/v1/videos/extensions', [['prompt', 'on'], ['seconds', '1'], ['video', blob, name]]);
      const edit = await postForm(server, '/v1/videos/edits', [['prompt', 'rain'], ['video', blob, name]]);
      for (const result of [extension, edit]) {
        // A real MP4 with a playlist after its end is a real MP4: accepted, and the playlist is never read.
        if (isClip) expect(result.status, result.text).toBe(200);
        else expectRefusal(result, [400], 'video');
        expect(result.text).not.toContain('root:');
      }
      const verify = await postForm(server, '/v1/verify', [['file', blob, name]]);
      expect(verify.status, verify.text).toBeLessThan(500);
      expect(verify.text).not.toContain('root:');
      expectRefusal(await postForm(server, '/v1/videos', [['prompt', 'a cat'], ['input_reference', blob, name]]), [400], 'input_reference');
    }
    expect({ tcpHits, udpHits }).toEqual({ tcpHits: 0, udpHits: 0 });
  });
});

describe('oversized requests', () => {
  const hundredMb = 100 * 1024 * 1024;

  /** A 413, or (when the hang-up overtook it) a connection the server closed long before the body was all sent. */
  function expectTooLarge(answer: StreamedAnswer): void {
    if (answer.status === 0) expect(answer.bytesSent).toBeLessThan(hundredMb / 2);
    else expectRefusal(answer, [413]);
  }

  it('a 100 MB body is refused with 413 before it is read, declared or chunked, JSON or multipart', async () => {
    const before = rssMb();
    const json = { contentType: 'application/json', head: Buffer.from('{"prompt":"'), total: hundredMb };
    expectTooLarge(await streamBody(server, '/v1/videos', { ...json, declareLength: true }));
    expectTooLarge(await streamBody(server, '/v1/videos', { ...json, declareLength: false }));
    const form = {
      contentType: 'multipart/form-data; boundary=kinora',
      head: Buffer.from('--kinora\r\nContent-Disposition: form-data; name="input_reference"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n'),
      total: hundredMb,
    };
    expectTooLarge(await streamBody(server, '/v1/videos', { ...form, declareLength: true }));
    expectTooLarge(await streamBody(server, '/v1/files', { ...form, declareLength: false }));
    // At most one upload's worth (20 MB here) is ever held, never the 100 MB sent.
    expect(rssMb() - before).toBeLessThan(100);
  });

  it('a prompt of 100,000 characters is a 400 naming prompt, in JSON and in a form', async () => {
    const prompt = 'a cat on a hill '.repeat(6250);
    const json = await apiRequest(server, 'POST', '/v1/videos', { body: { prompt } });
    expectRefusal(json, [400], 'prompt');
    expect(json.json.error?.code).toBe('prompt_too_long');
    const form = await postForm(server, '/v1/videos', [['prompt', prompt]]);
    expectRefusal(form, [400], 'prompt');
    expect(form.json.error.code).toBe('prompt_too_long');
  });
});

describe('slow clients', () => {
  let slow: TestServer;
  beforeAll(async () => {
    slow = await startTestServer({ KINORA_REQUEST_TIMEOUT_SECONDS: '2' }, { workers: 0 });
  });
  afterAll(async () => slow?.close());

  /** Sends `head` and then one byte every 500 ms, for ever; resolves with what the server said once it hangs up. */
  function dribble(head: string, byte: string): Promise<{ answer: string; bytesSent: number }> {
    const { port } = new URL(slow.url);
    return new Promise((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1');
      let answer = '';
      let bytesSent = head.length;
      socket.write(head);
      const timer = setInterval(() => {
        socket.write(byte);
        bytesSent++;
      }, 500);
      socket.on('data', (data) => (answer += data.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ answer, bytesSent });
      });
    });
  }

  it('a client that sends its headers a byte at a time is cut off by the server', async () => {
    const { answer, bytesSent } = await dribble(`GET /v1/videos HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${slow.adminKey}\r\nX-Slow: `, 'a');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    const error = (JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as ErrorJson).error;
    expect(error.code).toBe('request_timeout');
    // It hung up long before a client this slow could have finished anything.
    expect(bytesSent).toBeLessThan(200);
  });

  it('a client that sends its body a byte at a time is cut off too, and the server keeps serving', async () => {
    const head = `POST /v1/videos HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${slow.adminKey}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"prompt":"`;
    const { bytesSent } = await dribble(head, 'a');
    expect(bytesSent).toBeLessThan(head.length + 100);
    expect((await fetch(`${slow.url}/healthz`)).status).toBe(200);
  });
});

describe('invisible and direction-changing characters in prompts', () => {
  let rendering: TestServer;
  beforeAll(async () => {
    rendering = await startTestServer({}, { workers: 1 });
  });
  afterAll(async () => rendering?.close());

  it('are kept as sent in the API, the same from JSON and from a form, and never reach the share page raw', async () => {
    const prompt = 'a red kite \u202Eevil\u202C over a \u0007 hill \u2066isolated\u2069';
    const created = await apiRequest(rendering, 'POST', '/v1/videos', { body: { prompt, size: '854x480', seconds: 1 } });
    expect(created.status).toBe(200);
    expect(created.json.prompt).toBe(prompt);
    // (On the server without workers: one render is enough.)
    const fromForm = await postForm(server, '/v1/videos', [['prompt', prompt], ['size', '854x480'], ['seconds', '1']]);
    expect(fromForm.json.prompt).toBe(prompt);

    const id = String(created.json.id);
    await waitFor(async () => {
      const video = await apiRequest(rendering, 'GET', `/v1/videos/${id}`);
      if (video.json.status === 'failed') throw new Error(JSON.stringify(video.json));
      return video.json.status === 'completed' ? true : undefined;
    }, 'the render', 120_000, 200);
    expect((await apiRequest(rendering, 'POST', `/v1/videos/${id}/publish`)).status).toBe(200);
    const page = await (await fetch(`${rendering.url}/v/${id}`)).text();
    expect(page).toContain('a red kite evil over a  hill isolated');
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(page).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
  });
});
