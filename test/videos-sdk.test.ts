import fs from 'node:fs';
import path from 'node:path';
import OpenAI, { toFile } from 'openai';
import type { Video, VideoSeconds, VideoSize } from 'openai/resources/videos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeVideo } from './helpers/media-check.js';
import { startTestServer, waitFor, type TestServer } from './helpers/kinora-server.js';

/** Kinora accepts more sizes and lengths than the SDK's types list; these casts are what a user's script does too. */
const size = (s: string) => s as VideoSize;
const seconds = (s: string) => s as VideoSeconds;

let server: TestServer;
let client: OpenAI;

async function untilDone(id: string): Promise<Video> {
  return waitFor(async () => {
    const video = await client.videos.retrieve(id);
    return video.status === 'completed' || video.status === 'failed' ? video : undefined;
  }, `video ${id} to finish`, 120_000, 250);
}

async function download(id: string, variant: 'video' | 'thumbnail' | 'spritesheet'): Promise<Buffer> {
  const response = await client.videos.downloadContent(id, { variant });
  return Buffer.from(await response.arrayBuffer());
}

beforeAll(async () => {
  server = await startTestServer();
  client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: server.adminKey, maxRetries: 0 });
});
afterAll(async () => server?.close());

describe('the official openai SDK against Kinora', () => {
  let completed: Video;

  it('creates a video, reports progress, and serves an MP4 of the requested size and length', async () => {
    const created = await client.videos.create({ model: 'kinora-1', prompt: 'two red foxes running across a snowy meadow at dusk', size: size('854x480'), seconds: seconds('2') });
    expect(created).toMatchObject({ object: 'video', model: 'kinora-1', status: 'queued', progress: 0, size: '854x480', seconds: '2', remixed_from_video_id: null, error: null });
    expect(created.id).toMatch(/^video_[0-9a-f]{24}$/);
    expect(typeof (created as unknown as { seed: number }).seed).toBe('number');
    // The plan is there before rendering starts, so a client sees at once what was understood (and what was not).
    const queuedPlan = (created as unknown as { plan: { subjects: Array<{ noun: string; count: number }>; unmatched: string[] } }).plan;
    expect(queuedPlan.subjects[0]).toMatchObject({ noun: 'fox', count: 2 });
    expect(queuedPlan.unmatched).toEqual([]);

    const seen = new Set<number>();
    completed = await waitFor(async () => {
      const video = await client.videos.retrieve(created.id);
      seen.add(video.progress);
      return video.status === 'completed' || video.status === 'failed' ? video : undefined;
    }, 'completion', 120_000, 50);
    expect(completed.status).toBe('completed');
    expect(completed.progress).toBe(100);
    expect(completed.completed_at).toBeGreaterThanOrEqual(completed.created_at);
    // Progress is reported while rendering, not only at the end.
    expect([...seen].some((p) => p > 0 && p < 100)).toBe(true);
    const plan = (completed as unknown as { plan: { subjects: Array<{ noun: string; count: number }> } }).plan;
    expect(plan.subjects[0]).toMatchObject({ noun: 'fox', count: 2 });

    const file = path.join(server.dataDir, 'out.mp4');
    const mp4 = await download(created.id, 'video');
    fs.writeFileSync(file, mp4);
    // faststart: the index (moov) comes before the media data, so a browser can start playing at once.
    expect(mp4.indexOf('moov')).toBeGreaterThan(0);
    expect(mp4.indexOf('moov')).toBeLessThan(mp4.indexOf('mdat'));
    const info = await describeVideo(file);
    expect(info.video).toMatchObject({ codec: 'h264', width: 854, height: 480, pixFmt: 'yuv420p' });
    expect(info.audio?.codec).toBe('aac');
    expect(Math.abs(info.duration - 2)).toBeLessThanOrEqual(1 / 24 + 0.03);

    const thumbnail = await download(created.id, 'thumbnail');
    expect(thumbnail.subarray(0, 4).toString()).toBe('RIFF');
    expect(thumbnail.subarray(8, 12).toString()).toBe('WEBP');
    const sheet = await download(created.id, 'spritesheet');
    expect(sheet.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  it('renders vertical 1080x1920 through an OpenAI model alias and a JSON body', async () => {
    const response = await fetch(`${server.url}/v1/videos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'sora-2', prompt: 'a lighthouse on an island at night, waves crash', size: '1080x1920', seconds: 1, seed: 42 }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    const created = (await response.json()) as Video & { seed: number };
    expect(created).toMatchObject({ model: 'sora-2', size: '1080x1920', seconds: '1', seed: 42 });
    const done = await untilDone(created.id);
    expect(done.status).toBe('completed');
    const file = path.join(server.dataDir, 'vertical.mp4');
    fs.writeFileSync(file, await download(created.id, 'video'));
    const info = await describeVideo(file);
    expect(info.video).toMatchObject({ width: 1080, height: 1920 });
    expect(Math.abs(info.duration - 1)).toBeLessThanOrEqual(1 / 24 + 0.03);
  });

  it('serves byte ranges so a browser can seek', async () => {
    const url = `${server.url}/v1/videos/${completed.id}/content`;
    const auth = { authorization: `Bearer ${server.adminKey}` };
    const whole = await fetch(url, { headers: auth });
    const total = Number(whole.headers.get('content-length'));
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    const all = Buffer.from(await whole.arrayBuffer());
    const part = await fetch(url, { headers: { ...auth, range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${total}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(all.subarray(100, 200));
    const beyond = await fetch(url, { headers: { ...auth, range: `bytes=${total + 10}-` } });
    expect(beyond.status).toBe(416);
  });

  it('remixes a completed video into a new one that keeps its seed, size and length', async () => {
    const remix = await client.videos.remix(completed.id, { prompt: 'make it rain' });
    expect(remix).toMatchObject({ remixed_from_video_id: completed.id, size: completed.size, seconds: completed.seconds, status: 'queued' });
    expect((remix as unknown as { seed: number }).seed).toBe((completed as unknown as { seed: number }).seed);
    const done = await untilDone(remix.id);
    expect(done.status).toBe('completed');
    const plan = (done as unknown as { plan: { weather: string; subjects: Array<{ noun: string }> } }).plan;
    expect(plan.weather).toBe('rain');
    expect(plan.subjects[0]?.noun).toBe('fox');
  });

  it('takes an uploaded image as the reference', async () => {
    const png = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'reference.png'));
    const created = await client.videos.create({
      prompt: 'a kite flying',
      size: size('854x480'),
      seconds: seconds('1'),
      input_reference: await toFile(png, 'reference.png', { type: 'image/png' }),
    });
    const done = await untilDone(created.id);
    expect(done.status).toBe('completed');
  });

  it('takes an image as a data URL (sent by the SDK as the bracket field input_reference[image_url])', async () => {
    const png = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'reference.png'));
    const created = await client.videos.create({
      prompt: 'a paper plane gliding',
      size: size('480x854'),
      seconds: seconds('1'),
      input_reference: { image_url: `data:image/png;base64,${png.toString('base64')}` },
    });
    expect((await untilDone(created.id)).status).toBe('completed');
  });

  it('takes a file uploaded through the Files API, by file_id, and keeps it from other keys', async () => {
    const png = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'reference.png'));
    const file = await client.files.create({ file: await toFile(png, '../../etc/\u202Epasswd.png', { type: 'image/png' }), purpose: 'vision' });
    expect(file).toMatchObject({ object: 'file', purpose: 'vision', bytes: png.length, status: 'processed', filename: 'passwd.png' });
    expect(file.id).toMatch(/^file-[0-9a-f]{24}$/);
    const created = await client.videos.create({ prompt: 'a butterfly', size: size('720x720'), seconds: seconds('1'), input_reference: { file_id: file.id } });
    expect((await untilDone(created.id)).status).toBe('completed');

    const { secret } = await server.catalog.keys.create('file-stranger', ['videos:read', 'videos:write']);
    const other = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: secret, maxRetries: 0 });
    await expect(other.files.retrieve(file.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(other.videos.create({ prompt: 'a butterfly', input_reference: { file_id: file.id } })).rejects.toMatchObject({ status: 400, param: 'input_reference.file_id' });
    expect(await client.files.delete(file.id)).toMatchObject({ id: file.id, deleted: true });
    await expect(client.files.retrieve(file.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('lists with cursor pagination, newest first by default', async () => {
    const ids: string[] = [];
    for await (const video of client.videos.list({ limit: 2 })) ids.push(video.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    expect(new Set(ids).size).toBe(ids.length);
    const first = await client.videos.list({ limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.has_more).toBe(true);
    const raw = (await (await fetch(`${server.url}/v1/videos?limit=2&order=asc`, { headers: { authorization: `Bearer ${server.adminKey}` } })).json()) as {
      object: string; data: Video[]; first_id: string; last_id: string; has_more: boolean;
    };
    expect(raw).toMatchObject({ object: 'list', has_more: true, first_id: raw.data[0]!.id, last_id: raw.data[1]!.id });
    expect(raw.data[0]!.id).toBe(ids.at(-1));
  });

  it('deletes a video: answered like OpenAI, then gone', async () => {
    const created = await client.videos.create({ prompt: 'a boat sailing on a lake', size: size('854x480'), seconds: seconds('1') });
    const deleted = await client.videos.delete(created.id);
    expect(deleted).toMatchObject({ id: created.id, object: 'video.deleted', deleted: true });
    await expect(client.videos.retrieve(created.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('raises the SDK error classes for 400, 401 and 404', async () => {
    await expect(client.videos.create({ prompt: 'a cat', size: size('4000x4000') })).rejects.toMatchObject({
      constructor: OpenAI.BadRequestError, status: 400, param: 'size', type: 'invalid_request_error',
    });
    const stranger = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'kin_notakey', maxRetries: 0 });
    await expect(stranger.videos.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await expect(client.videos.retrieve('video_000000000000000000000000')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('never shows one key the videos of another', async () => {
    const { secret } = await server.catalog.keys.create('other', ['videos:read', 'videos:write']);
    const other = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: secret, maxRetries: 0 });
    const notFound = (p: Promise<unknown>) => expect(p).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await notFound(other.videos.retrieve(completed.id));
    await notFound(other.videos.downloadContent(completed.id));
    await notFound(other.videos.remix(completed.id, { prompt: 'mine now' }));
    await notFound(other.videos.delete(completed.id));
    expect((await other.videos.list()).data).toEqual([]);
    expect((await client.videos.retrieve(completed.id)).status).toBe('completed');
  });
});
