import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/kinora-server.js';
import { postJson } from './helpers/video-client.js';

/**
 * Bad requests to the video operations, on a server with no workers: every video stays queued, so "not finished
 * yet" is certain. Each answer is OpenAI's error JSON naming the parameter at fault.
 */
let server: TestServer;
let queued: string;

beforeAll(async () => {
  server = await startTestServer({}, { workers: 0 });
  queued = (await postJson(server, '/v1/videos', { prompt: 'a kite', size: '854x480', seconds: 1 })).json.id;
});
afterAll(async () => server?.close());

async function postForm(route: string, fields: Array<[string, string | Blob, string?]>) {
  const form = new FormData();
  for (const [name, value, filename] of fields) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, filename);
  }
  const response = await fetch(`${server.url}${route}`, { method: 'POST', headers: { authorization: `Bearer ${server.adminKey}` }, body: form });
  return { status: response.status, json: (await response.json()) as { error?: { param: string | null; code: string | null; message: string } } };
}

const errorOf = (result: { status: number; json: { error?: { param: string | null; code: string | null } } }) => ({
  status: result.status,
  param: result.json.error?.param,
  code: result.json.error?.code,
});

describe('video operations: bad input', () => {
  it('a source that has not finished is refused by every operation', async () => {
    const notReady = { status: 400, code: 'video_not_ready' };
    expect(errorOf(await postForm('/v1/videos/edits', [['prompt', 'rain'], ['video[id]', queued]]))).toEqual({ ...notReady, param: 'video.id' });
    expect(errorOf(await postForm('/v1/videos/extensions', [['prompt', 'rain'], ['seconds', '1'], ['video[id]', queued]]))).toEqual({ ...notReady, param: 'video.id' });
    expect(errorOf(await postJson(server, '/v1/videos/blends', { video_a: queued, video_b: queued }))).toEqual({ ...notReady, param: 'video_a' });
    expect(errorOf(await postJson(server, `/v1/videos/${queued}/recut`, { end: 0.5 }))).toEqual({ ...notReady, param: 'video_id' });
  });

  it('an unknown video is 404 in the same words as retrieve', async () => {
    const id = 'video_000000000000000000000000';
    const retrieve = await fetch(`${server.url}/v1/videos/${id}`, { headers: { authorization: `Bearer ${server.adminKey}` } });
    const expected = ((await retrieve.json()) as { error: { message: string } }).error.message;
    const edit = await postForm('/v1/videos/edits', [['prompt', 'rain'], ['video[id]', id]]);
    expect(edit).toMatchObject({ status: 404, json: { error: { message: expected, code: 'video_not_found' } } });
    expect(errorOf(await postJson(server, `/v1/videos/${id}/recut`, {}))).toMatchObject({ status: 404, code: 'video_not_found' });
  });

  it('missing and malformed parameters', async () => {
    expect(errorOf(await postForm('/v1/videos/edits', [['prompt', 'rain']]))).toMatchObject({ status: 400, param: 'video', code: 'missing_required_parameter' });
    expect(errorOf(await postForm('/v1/videos/extensions', [['prompt', 'rain'], ['video[id]', queued]]))).toMatchObject({ status: 400, param: 'seconds' });
    expect(errorOf(await postForm('/v1/videos/edits', [['prompt', 'rain'], ['video', 'video_123']]))).toMatchObject({ status: 400, param: 'video' });
    expect(errorOf(await postForm('/v1/videos/edits', [['prompt', 'rain'], ['video[id]', queued], ['video[id]', queued]]))).toMatchObject({ status: 400, param: 'video[id]' });
    expect(errorOf(await postForm('/v1/videos/edits', [['prompt', 'rain'], ['video[__proto__]', 'x']]))).toMatchObject({ status: 400, param: 'video[__proto__]' });
    expect(errorOf(await postForm('/v1/videos/edits', [['prompt', 'rain'], ['video[id][]', 'x']]))).toMatchObject({ status: 400 });
    expect(errorOf(await postJson(server, '/v1/videos/blends', { video_a: queued, video_b: queued, transition_seconds: 'long' }))).toMatchObject({ status: 400, param: 'transition_seconds' });
  });

  it('uploads that are not videos, whatever they claim to be', async () => {
    const cases: Array<[Blob, string]> = [
      [new Blob(['#!/bin/sh\nrm -rf /\n'], { type: 'video/mp4' }), '../../etc/passwd'],
      [new Blob([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')], { type: 'video/mp4' }), 'frame.mp4'],
      [new Blob(['#EXTM3U\n#EXTINF:1,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n'], { type: 'video/mp4' }), 'list.m3u8'],
    ];
    for (const [blob, name] of cases) {
      const result = await postForm('/v1/videos/extensions', [['prompt', 'on'], ['seconds', '1'], ['video', blob, name]]);
      expect(errorOf(result)).toEqual({ status: 400, param: 'video', code: 'invalid_video' });
      expect(result.json.error?.message).not.toContain('passwd');
    }
  });

  it('a file in a field that takes none', async () => {
    const result = await postForm('/v1/videos/blends', [['video_a', new Blob(['x']), 'a.mp4']]);
    expect(errorOf(result)).toMatchObject({ status: 400, param: 'video_a', code: 'unknown_parameter' });
  });
});
