import type OpenAI from 'openai';
import type { VideoCreateParams, VideoSeconds, VideoSize } from 'openai/resources/videos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/kinora-server.js';
import { downloadedVideo, finished, postJson, sdkClient, type KinoraVideo } from './helpers/video-client.js';

/**
 * Kinora's options beside OpenAI's create fields (`audio`, `loop`, `storyboard`): the SDK passes them through in
 * its multipart body, they are stored with the video and returned under `options`.
 */
let server: TestServer;
let client: OpenAI;

beforeAll(async () => {
  server = await startTestServer({ KINORA_MAX_SECONDS: '6' });
  client = sdkClient(server);
});
afterAll(async () => server?.close());

/** The SDK's create, with fields its types do not list (a user's script casts the same way). */
const create = async (body: Record<string, unknown>) => (await client.videos.create(body as unknown as VideoCreateParams)) as KinoraVideo;
const small = { size: '854x480' as VideoSize, seconds: '1' as VideoSeconds };

describe('create options', () => {
  it('defaults to sound on, no loop, no storyboard', async () => {
    const video = await create({ prompt: 'a cat sleeping in a garden', ...small });
    expect(video.options).toEqual({ audio: true, loop: false, storyboard: null });
  });

  it('makes a silent video when audio is false', async () => {
    const video = await create({ prompt: 'waves crash on a beach', ...small, audio: false, loop: true });
    expect(video.options).toEqual({ audio: false, loop: true, storyboard: null });
    const done = await finished(client, video.id);
    expect(done.status).toBe('completed');
    expect(done.has_audio).toBe(false);
    const file = await downloadedVideo(client, server, video.id);
    expect(file.audio).toBeUndefined();
    expect(file.video).toMatchObject({ width: 854, height: 480 });
  });

  it('plans a storyboard as its shots, with their lengths, sent as SDK multipart fields', async () => {
    const storyboard = { shots: [{ prompt: 'a fox in a snowy forest', seconds: 1.5 }, { prompt: 'an owl flying at night', seconds: 0.5 }], transition: 'crossfade' };
    const video = await create({ size: '854x480', storyboard });
    expect(video).toMatchObject({ seconds: '2', options: { audio: true, loop: false, storyboard } });
    expect(video.plan?.shots.map((shot) => shot.seconds)).toEqual([1.5, 0.5]);
    expect(video.prompt).toBe('Shot 1: a fox in a snowy forest\nShot 2: an owl flying at night');
    const done = await finished(client, video.id);
    expect(done.status).toBe('completed');
    expect(Math.abs((await downloadedVideo(client, server, video.id)).duration - 2)).toBeLessThanOrEqual(0.1);
  });

  it('takes a storyboard as JSON too, with a prompt said of every shot, and keeps its timing through a remix', async () => {
    const storyboard = { shots: [{ prompt: 'it walks', seconds: 0.5 }, { prompt: 'it sleeps', seconds: 1.5 }] };
    const { status, json } = await postJson(server, '/v1/videos', { prompt: 'a dog on a beach', size: '854x480', seconds: 2, storyboard });
    expect(status).toBe(200);
    expect(json.options?.storyboard).toEqual({ ...storyboard, transition: 'cut' });
    expect(json.plan?.shots.map((shot) => shot.seconds)).toEqual([0.5, 1.5]);
    expect((await finished(client, json.id)).status).toBe('completed');
    const remix = (await client.videos.remix(json.id, { prompt: 'at sunset' })) as KinoraVideo;
    expect(remix.plan?.shots.map((shot) => shot.seconds)).toEqual([0.5, 1.5]);
    expect(remix.options).toEqual(json.options);
  });

  it('gives a repeated request with the same Idempotency-Key the same video, and a different one a 409', async () => {
    const headers = { headers: { 'Idempotency-Key': 'options-1' } };
    const first = await client.videos.create({ prompt: 'a red kite', ...small, audio: false } as unknown as VideoCreateParams, headers);
    const again = await client.videos.create({ prompt: 'a red kite', ...small, audio: false } as unknown as VideoCreateParams, headers);
    expect(again.id).toBe(first.id);
    await expect(client.videos.create({ prompt: 'a red kite', ...small, audio: true } as unknown as VideoCreateParams, headers)).rejects.toMatchObject({ status: 409 });
  });

  it('answers bad options with the parameter at fault', async () => {
    const bad = async (body: Record<string, unknown>, param: string) => {
      const { status, json } = await postJson(server, '/v1/videos', { size: '854x480', ...body });
      expect({ status, param: json.error?.param }).toEqual({ status: 400, param });
      expect(json.error?.message.length).toBeGreaterThan(10);
    };
    await bad({ prompt: 'a cat', audio: 'maybe' }, 'audio');
    await bad({ prompt: 'a cat', loop: 1 }, 'loop');
    await bad({ storyboard: { shots: [] } }, 'storyboard.shots');
    await bad({ storyboard: { shots: [{ prompt: 'a cat' }] } }, 'storyboard.shots[0].seconds');
    await bad({ storyboard: { shots: [{ prompt: 'a cat', seconds: 1.5 }] } }, 'storyboard.shots');
    await bad({ seconds: 3, storyboard: { shots: [{ prompt: 'a cat', seconds: 2 }] } }, 'storyboard.shots');
    await bad({ storyboard: { shots: [{ prompt: ' ', seconds: 1 }] } }, 'storyboard.shots[0].prompt');
    await bad({ storyboard: { shots: [{ prompt: 'a cat', seconds: 1 }], transition: 'wipe' } }, 'storyboard.transition');
    await bad({ storyboard: { shots: [{ prompt: 'a cat', seconds: 7 }] } }, 'storyboard.shots');
    await bad({ storyboard: { shots: [{ prompt: 'a cat', seconds: 1, camera: 'pan' }] } }, 'storyboard.shots[0].camera');
    await expect(create({ prompt: 'a cat', ...small, audio: 'loud' })).rejects.toMatchObject({ status: 400, param: 'audio' });
  });
});
