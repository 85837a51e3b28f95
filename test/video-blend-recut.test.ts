import type OpenAI from 'openai';
import type { VideoCreateParams } from 'openai/resources/videos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/kinora-server.js';
import { downloadedVideo, finished, postJson, sdkClient, type KinoraVideo } from './helpers/video-client.js';

/** Kinora's blends (`POST /v1/videos/blends`) and re-cuts (`POST /v1/videos/{id}/recut`), over plain HTTP. */
let server: TestServer;
let client: OpenAI;
let fox: KinoraVideo;
let boat: KinoraVideo;

beforeAll(async () => {
  server = await startTestServer({ KINORA_MAX_SECONDS: '6' });
  client = sdkClient(server);
  const withSound = await client.videos.create({ prompt: 'a red fox running across a meadow', size: '854x480', seconds: '2' } as unknown as VideoCreateParams);
  const silent = await client.videos.create({ prompt: 'a boat sailing on a lake at night', size: '854x480', seconds: '2', audio: false } as unknown as VideoCreateParams);
  [fox, boat] = await Promise.all([finished(client, withSound.id), finished(client, silent.id)]);
  expect([fox.status, boat.status]).toEqual(['completed', 'completed']);
});
afterAll(async () => server?.close());

describe('blends', () => {
  it('dissolves the end of one video into the start of another, in one MP4 with the sound crossfaded', async () => {
    const { status, json } = await postJson(server, '/v1/videos/blends', { video_a: fox.id, video_b: boat.id, transition_seconds: 0.5 });
    expect(status).toBe(200);
    expect(json).toMatchObject({ object: 'video', status: 'queued', size: '854x480', seconds: '3.5', seed: fox.seed, options: null });
    expect(json.operation).toEqual({ type: 'blend', video_a: fox.id, video_b: boat.id, transition_seconds: 0.5 });
    const done = await finished(client, json.id);
    expect(done).toMatchObject({ status: 'completed', progress: 100, has_audio: true });
    const file = await downloadedVideo(client, server, json.id);
    expect(file.video).toMatchObject({ codec: 'h264', width: 854, height: 480, pixFmt: 'yuv420p' });
    expect(file.audio?.codec).toBe('aac');
    expect(Math.abs(file.duration - 3.5)).toBeLessThanOrEqual(0.1);
  });

  it('refuses a transition as long as a video, a blend past the maximum, and videos that are not the caller’s', async () => {
    const tooLong = await postJson(server, '/v1/videos/blends', { video_a: fox.id, video_b: boat.id, transition_seconds: 2 });
    expect(tooLong).toMatchObject({ status: 400, json: { error: { param: 'transition_seconds' } } });
    // A 6 s video (a cheap re-cut held to the maximum) blended after a 2 s one would last 7 s.
    const held = await postJson(server, `/v1/videos/${boat.id}/recut`, { extend_to: 6, extend_mode: 'hold' });
    expect((await finished(client, held.json.id)).status).toBe('completed');
    const pastMax = await postJson(server, '/v1/videos/blends', { video_a: fox.id, video_b: held.json.id });
    expect(pastMax).toMatchObject({ status: 400, json: { error: { param: 'video_b', code: 'video_too_long' } } });
    const { secret } = await server.catalog.keys.create('stranger', ['videos:read', 'videos:write']);
    const theirs = await postJson(server, '/v1/videos/blends', { video_a: fox.id, video_b: boat.id }, secret);
    expect(theirs).toMatchObject({ status: 404, json: { error: { param: 'video_a', code: 'video_not_found' } } });
    const missing = await postJson(server, '/v1/videos/blends', { video_a: fox.id });
    expect(missing).toMatchObject({ status: 400, json: { error: { param: 'video_b', code: 'missing_required_parameter' } } });
  });
});

describe('re-cuts', () => {
  it('trims a video to the frame, its sound with it', async () => {
    const { status, json } = await postJson(server, `/v1/videos/${fox.id}/recut`, { start: 0.5, end: 1.5 });
    expect(status).toBe(200);
    expect(json).toMatchObject({ seconds: '1', size: '854x480', prompt: fox.prompt });
    expect(json.operation).toEqual({ type: 'recut', source_video_id: fox.id, start: 0.5, end: 1.5, extend_to: null, extend_mode: 'loop' });
    expect((await finished(client, json.id)).status).toBe('completed');
    const file = await downloadedVideo(client, server, json.id);
    expect(file.video).toMatchObject({ width: 854, height: 480 });
    expect(file.audio?.codec).toBe('aac');
    expect(Math.abs(file.duration - 1)).toBeLessThanOrEqual(0.05);
  });

  it('makes a video longer by holding its last frame, and a silent one stays silent', async () => {
    const { json } = await postJson(server, `/v1/videos/${boat.id}/recut`, { end: 1, extend_to: 2.5, extend_mode: 'hold' });
    expect(json.seconds).toBe('2.5');
    const done = await finished(client, json.id);
    expect(done).toMatchObject({ status: 'completed', has_audio: false });
    const file = await downloadedVideo(client, server, json.id);
    expect(file.audio).toBeUndefined();
    expect(Math.abs(file.duration - 2.5)).toBeLessThanOrEqual(0.05);
  });

  it('answers bad cuts with the parameter at fault, and another key’s video with 404', async () => {
    const bad = async (body: unknown, param: string) => {
      const { status, json } = await postJson(server, `/v1/videos/${fox.id}/recut`, body);
      expect({ status, param: json.error?.param }).toEqual({ status: 400, param });
    };
    await bad({ end: 3 }, 'end');
    await bad({ start: 1, end: 1 }, 'end');
    await bad({ start: -1 }, 'start');
    await bad({ start: 'soon' }, 'start');
    await bad({ extend_to: 0.5 }, 'extend_to');
    await bad({ extend_to: 7 }, 'extend_to');
    await bad({ extend_mode: 'hold' }, 'extend_mode');
    await bad({ extend_to: 3, extend_mode: 'bounce' }, 'extend_mode');
    await bad({ speed: 2 }, 'speed');
    const { secret } = await server.catalog.keys.create('stranger-recut', ['videos:read', 'videos:write']);
    const theirs = await postJson(server, `/v1/videos/${fox.id}/recut`, { end: 1 }, secret);
    expect(theirs).toMatchObject({ status: 404, json: { error: { code: 'video_not_found' } } });
  });
});
