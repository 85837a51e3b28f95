import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';

/** A JSON message of ComfyUI's `/ws` (`{type, data}`): status, execution_start, executing, progress, executed… */
export interface ComfyMessage {
  type: string;
  data: Record<string, unknown>;
}

const guid = '258EAFA5-E914-47A5-95CA-C5AB0DC85B11';
/** ComfyUI's JSON messages are small; a frame announcing more is not one of them (previews are binary and skipped). */
const maxFrameBytes = 16 * 1024 * 1024;

/**
 * Listens to a ComfyUI server's `/ws?clientId=…` for the progress of our prompts. Node 20 has no WebSocket client
 * without a flag and no npm package may be added, so this reads the few frames ComfyUI sends (RFC 6455: unmasked
 * text, binary, ping, close; never fragmented by aiohttp) and answers pings. It only ever listens: the job's fate is
 * read from /history, so a socket that fails costs the live progress, nothing else.
 */
export function openComfySocket(baseUrl: string, clientId: string, onMessage: (message: ComfyMessage) => void, signal: AbortSignal): void {
  const url = new URL(`/ws?clientId=${encodeURIComponent(clientId)}`, baseUrl);
  const key = randomBytes(16).toString('base64');
  const request = (url.protocol === 'https:' ? https : http).request(url, {
    headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': key },
    signal,
  });
  request.on('error', () => undefined);
  request.on('response', (response) => response.resume());
  request.on('upgrade', (response, socket, head) => {
    if (response.headers['sec-websocket-accept'] !== createHash('sha1').update(key + guid).digest('base64')) return socket.destroy();
    signal.addEventListener('abort', () => socket.destroy(), { once: true });
    readFrames(socket, head, onMessage);
  });
  request.end();
}

function readFrames(socket: Duplex, head: Buffer, onMessage: (message: ComfyMessage) => void): void {
  let buffer = head;
  socket.on('error', () => undefined);
  const take = (chunk: Buffer): void => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (buffer.length < 2) return;
      const opcode = buffer[0]! & 0x0f;
      let length = buffer[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) return;
        length = buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffer.length < 10) return;
        length = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (length > maxFrameBytes) return void socket.destroy();
      if (buffer.length < offset + length) return;
      const payload = buffer.subarray(offset, offset + length);
      buffer = buffer.subarray(offset + length);
      if (opcode === 0x1) parseMessage(payload, onMessage);
      else if (opcode === 0x9) socket.write(clientFrame(0xa, payload));
      else if (opcode === 0x8) return void socket.end(clientFrame(0x8, Buffer.alloc(0)));
    }
  };
  if (head.length) take(Buffer.alloc(0));
  socket.on('data', take);
}

function parseMessage(payload: Buffer, onMessage: (message: ComfyMessage) => void): void {
  try {
    const message = JSON.parse(payload.toString('utf8')) as Partial<ComfyMessage>;
    if (typeof message.type === 'string' && message.data && typeof message.data === 'object') onMessage(message as ComfyMessage);
  } catch {
    // Not JSON: not a message this client understands.
  }
}

/** A client frame (always masked, RFC 6455 §5.3) with a payload under 126 bytes: a pong or a close. */
function clientFrame(opcode: number, payload: Buffer): Buffer {
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.subarray(0, 125).map((byte, index) => byte ^ mask[index % 4]!));
  return Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | masked.length]), mask, masked]);
}
