import fs from 'node:fs';
import path from 'node:path';
import OpenAI, { toFile } from 'openai';
import type { VideoSeconds, VideoSize } from 'openai/resources/videos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMediaTools } from '../src/media/ffmpeg-binaries.js';
import { makeClip } from './helpers/clips.js';
import { startTestServer, type TestServer } from './helpers/kinora-server.js';
import { downloadedVideo, finished, sdkClient, type KinoraVideo } from './helpers/video-client.js';

/** The SDK's `videos.edit` and `videos.extend` (always multipart), by video id and by upload. */
const size = (s: string) => s as VideoSize;
const seconds = (s: string) => s as VideoSeconds;

let server: TestServer;
let client: OpenAI;
let source: KinoraVideo;

beforeAll(async () => {
  server = await startTestServer({ KINORA_MAX_SECONDS: '6' });
  client = sdkClient(server);
  const created = await client.videos.create({ prompt: 'a red fox running across a meadow at noon', size: size('854x480'), seconds: seconds('2') });
  source = await finished(client, created.id);
  expect(source.status).toBe('completed');
});
afterAll(async () => server?.close());

/** A clip as a phone might send it: its own size and rate, with sound, under a hostile file name. */
async function uploadClip(name: string, spec: { size: string; seconds: number; fps?: number }) {
  const file = path.join(server.dataDir, `${spec.size}-${spec.seconds}.mp4`);
  await makeClip(await resolveMediaTools(), file, { ...spec, colour: 'teal', tone: 330 });
  return toFile(fs.readFileSync(file), name, { type: 'video/mp4' });
}

describe('edits', () => {
  it('edits a video by id: same seed, size and length, the plan changed by the prompt', async () => {
    const edit = (await client.videos.edit({ prompt: 'make it snow', video: { id: source.id } })) as KinoraVideo;
    expect(edit).toMatchObject({ status: 'queued', remixed_from_video_id: source.id, size: '854x480', seconds: '2', seed: source.seed });
    expect(edit.operation).toEqual({ type: 'edit', source_video_id: source.id, input_video: null });
    const done = await finished(client, edit.id);
    expect(done.status).toBe('completed');
    expect(done.plan?.weather).toBe('snow');
    expect(done.plan?.subjects[0]?.noun).toBe('fox');
    const file = await downloadedVideo(client, server, edit.id);
    expect(file.video).toMatchObject({ codec: 'h264', width: 854, height: 480 });
    expect(Math.abs(file.duration - 2)).toBeLessThanOrEqual(0.1);
  });

  it('edits an uploaded clip: probed, stored under its own name, and drawn over at the closest served size', async () => {
    const video = await uploadClip('../../etc/passwd', { size: '320x180', seconds: 1, fps: 30 });
    const edit = (await client.videos.edit({ prompt: 'rain falling at night', video })) as KinoraVideo;
    expect(edit).toMatchObject({ size: '854x480', seconds: '1', remixed_from_video_id: null });
    expect(edit.operation).toEqual({ type: 'edit', source_video_id: null, input_video: { size: '320x180', seconds: 1, fps: 30, has_audio: true } });
    const done = await finished(client, edit.id);
    expect(done.status).toBe('completed');
    const file = await downloadedVideo(client, server, edit.id);
    expect(file.video).toMatchObject({ width: 854, height: 480 });
    expect(Math.abs(file.duration - 1)).toBeLessThanOrEqual(0.1);
    // The upload was kept under a name the server made, never the one it was sent with.
    const stored = fs.readdirSync(path.join(server.dataDir, 'blobs', 'videos', edit.id)).sort();
    expect(stored).toContain('input-video');
    expect(stored.every((name) => !name.includes('passwd'))).toBe(true);
  });

  it('refuses an upload that is not a video, one that is too long, and a model for a video by id', async () => {
    const text = await toFile(Buffer.from('#!/bin/sh\necho hi\n'), 'clip.mp4', { type: 'video/mp4' });
    await expect(client.videos.edit({ prompt: 'rain', video: text })).rejects.toMatchObject({ status: 400, param: 'video', code: 'invalid_video' });
    const long = await uploadClip('long.mp4', { size: '64x64', seconds: 7 });
    await expect(client.videos.edit({ prompt: 'rain', video: long })).rejects.toMatchObject({ status: 400, param: 'video', code: 'video_too_long' });
    const withModel = { prompt: 'rain', video: { id: source.id }, model: 'kinora-1' };
    await expect(client.videos.edit(withModel)).rejects.toMatchObject({ status: 400, param: 'model' });
    await expect(client.videos.edit({ prompt: '  ', video: { id: source.id } })).rejects.toMatchObject({ status: 400, param: 'prompt' });
  });
});

describe('extensions', () => {
  it('continues the story: the source, then the new seconds, one MP4 whose seconds is the stitched total', async () => {
    const extension = (await client.videos.extend({ prompt: 'then it starts to rain', seconds: seconds('1'), video: { id: source.id } })) as KinoraVideo;
    expect(extension).toMatchObject({ status: 'queued', seconds: '3', size: '854x480', remixed_from_video_id: source.id, seed: source.seed });
    expect(extension.operation).toEqual({ type: 'extension', source_video_id: source.id, input_video: null, source_seconds: 2, extension_seconds: 1 });
    const done = await finished(client, extension.id);
    expect(done.status).toBe('completed');
    // The continuation picks up the source's scene, changed by the new prompt.
    expect(done.plan?.weather).toBe('rain');
    expect(done.plan?.subjects[0]?.noun).toBe('fox');
    const file = await downloadedVideo(client, server, extension.id);
    expect(file.video).toMatchObject({ codec: 'h264', width: 854, height: 480, pixFmt: 'yuv420p' });
    expect(file.audio?.codec).toBe('aac');
    expect(Math.abs(file.duration - 3)).toBeLessThanOrEqual(0.1);
  });

  it('extends an uploaded clip, fitted into the closest served size', async () => {
    const video = await uploadClip('clip.mov', { size: '480x854', seconds: 1 });
    const extension = (await client.videos.extend({ prompt: 'a balloon floats up', seconds: seconds('1'), video })) as KinoraVideo;
    expect(extension).toMatchObject({ size: '480x854', seconds: '2', remixed_from_video_id: null });
    const done = await finished(client, extension.id);
    expect(done.status).toBe('completed');
    const file = await downloadedVideo(client, server, extension.id);
    expect(file.video).toMatchObject({ width: 480, height: 854 });
    expect(Math.abs(file.duration - 2)).toBeLessThanOrEqual(0.1);
  });

  it('refuses a total past the configured maximum, and lengths that are not whole seconds', async () => {
    await expect(client.videos.extend({ prompt: 'more', seconds: seconds('5'), video: { id: source.id } })).rejects.toMatchObject({
      status: 400, param: 'seconds', code: 'video_too_long',
    });
    await expect(client.videos.extend({ prompt: 'more', seconds: seconds('0'), video: { id: source.id } })).rejects.toMatchObject({ status: 400, param: 'seconds' });
    await expect(client.videos.extend({ prompt: 'more', seconds: seconds('1.5'), video: { id: source.id } })).rejects.toMatchObject({ status: 400, param: 'seconds' });
  });
});

describe('sources', () => {
  it('answers 404 for another key’s video, as retrieve does', async () => {
    const { secret } = await server.catalog.keys.create('stranger', ['videos:read', 'videos:write']);
    const stranger = sdkClient(server, secret);
    await expect(stranger.videos.edit({ prompt: 'mine now', video: { id: source.id } })).rejects.toMatchObject({
      constructor: OpenAI.NotFoundError, param: 'video.id', code: 'video_not_found',
    });
    await expect(stranger.videos.extend({ prompt: 'mine now', seconds: seconds('1'), video: { id: source.id } })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(stranger.videos.retrieve(source.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });
});
