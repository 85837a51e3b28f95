import fs from 'node:fs';
import path from 'node:path';
import { Canvas, loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMediaTools } from '../src/media/ffmpeg-binaries.js';
import { readEvents } from './helpers/event-stream.js';
import { decodeFrames, frameDiff, meanLuminance } from './helpers/frames.js';
import { startTestServer, type TestServer } from './helpers/kinora-server.js';
import { postJson } from './helpers/video-client.js';

/** The first-frame preview: stored while the render runs, announced over the events stream, served as a variant. */
let rendering: TestServer;
let idle: TestServer;
beforeAll(async () => {
  [rendering, idle] = await Promise.all([startTestServer(), startTestServer({}, { workers: 0 })]);
});
afterAll(async () => {
  await Promise.all([rendering?.close(), idle?.close()]);
});

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

async function create(server: TestServer, body: unknown): Promise<string> {
  const { status, json } = await postJson(server, '/v1/videos', body);
  expect(status).toBe(200);
  return json.id;
}

describe('first-frame preview', () => {
  it('is announced while the video is made and is a small still of its first frame, in its aspect', async () => {
    const id = await create(rendering, { prompt: 'a red car driving fast along a road through the desert, the camera zooms in', size: '480x854', seconds: '2' });
    const events = await readEvents(`${rendering.url}/v1/videos/${id}/events`, bearer(rendering.adminKey));
    const kinds = events.map((e) => e.event);
    // Announced once, before the stream's final (completed) video.
    expect(kinds.filter((kind) => kind === 'preview')).toHaveLength(1);
    expect(kinds.indexOf('preview')).toBeLessThan(kinds.lastIndexOf('video'));
    expect(events.at(-1)!.data).toMatchObject({ status: 'completed' });
    const preview = events.find((e) => e.event === 'preview')!.data;
    expect(preview.url).toBe(`/v1/videos/${id}/content?variant=preview`);

    const response = await fetch(`${rendering.url}${String(preview.url)}`, { headers: bearer(rendering.adminKey) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    const image = await loadImage(Buffer.from(await response.arrayBuffer()));
    // Portrait like the video (480x854), and no larger than the video.
    expect(image.width).toBeLessThanOrEqual(480);
    expect(image.height / image.width).toBeCloseTo(854 / 480, 1);
    const canvas = new Canvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const still = ctx.getImageData(0, 0, image.width, image.height).data;
    // A picture, not an empty canvas, and the video's own first frame: JPEG-close to it, far from where the zoom ends.
    expect(meanLuminance(still)).toBeGreaterThan(40);
    const mp4 = path.join(rendering.dataDir, `${id}.mp4`);
    fs.writeFileSync(mp4, Buffer.from(await (await fetch(`${rendering.url}/v1/videos/${id}/content`, { headers: bearer(rendering.adminKey) })).arrayBuffer()));
    const frames = await decodeFrames(await resolveMediaTools(), mp4, { width: image.width, height: image.height, fps: 24 });
    const fromFirst = frameDiff(still, frames[0]!);
    expect(fromFirst).toBeLessThan(4);
    expect(frameDiff(still, frames.at(-1)!)).toBeGreaterThan(3 * fromFirst);
  });

  it("answers 404 with OpenAI's error JSON until a preview exists, and keeps other keys' previews hidden", async () => {
    const queued = await create(idle, { prompt: 'a red balloon over a city', size: '854x480', seconds: '1' });
    const response = await fetch(`${idle.url}/v1/videos/${queued}/content?variant=preview`, { headers: bearer(idle.adminKey) });
    expect(response.status).toBe(404);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('preview_not_ready');
    expect(error.message).toContain('no preview frame');

    const { secret } = await idle.catalog.keys.create('other', ['videos:read']);
    const stranger = await fetch(`${idle.url}/v1/videos/${queued}/content?variant=preview`, { headers: bearer(secret) });
    expect(stranger.status).toBe(404);
    expect(((await stranger.json()) as { error: { code: string } }).error.code).not.toBe('preview_not_ready');

    const bad = await fetch(`${idle.url}/v1/videos/${queued}/content?variant=poster`, { headers: bearer(idle.adminKey) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { param: string } }).error.param).toBe('variant');
  });
});
