import type { VideoSeconds, VideoSize } from 'openai/resources/videos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, type ApiResponse } from './helpers/api-request.js';
import { startTestServer, type TestServer } from './helpers/kinora-server.js';
import { finished, sdkClient } from './helpers/video-client.js';

/**
 * Key A must learn nothing of key B's videos: every way of naming one of B's videos answers A exactly as if it did
 * not exist (same status, same body but for the id), and changes nothing.
 */
let server: TestServer;
let keyA: string;
let keyB: string;
let videoB: string;
const absent = 'video_00000000000000000000dead';

beforeAll(async () => {
  server = await startTestServer({}, { workers: 1 });
  const scopes = ['videos:read', 'videos:write', 'gallery:publish'] as const;
  keyA = (await server.catalog.keys.create('A', [...scopes])).secret;
  keyB = (await server.catalog.keys.create('B', [...scopes])).secret;
  const clientB = sdkClient(server, keyB);
  const made = await clientB.videos.create({ model: 'kinora-1', prompt: 'a red kite over a hill', seconds: '1' as VideoSeconds, size: '854x480' as VideoSize });
  expect((await finished(clientB, made.id)).status).toBe('completed');
  videoB = made.id;
});
afterAll(async () => server?.close());

/** Each request A could make about a video, given its id. */
const attempts: Array<[string, (id: string) => [method: string, route: string, body?: unknown]]> = [
  ['retrieve', (id) => ['GET', `/v1/videos/${id}`]],
  ['download', (id) => ['GET', `/v1/videos/${id}/content`]],
  ['download a thumbnail', (id) => ['GET', `/v1/videos/${id}/content?variant=thumbnail`]],
  ['stream events', (id) => ['GET', `/v1/videos/${id}/events`]],
  ['remix', (id) => ['POST', `/v1/videos/${id}/remix`, { prompt: 'a blue kite' }]],
  ['edit', (id) => ['POST', '/v1/videos/edits', { prompt: 'a blue kite', video: { id } }]],
  ['extend', (id) => ['POST', '/v1/videos/extensions', { prompt: 'the kite flies on', seconds: 2, video: { id } }]],
  ['blend', (id) => ['POST', '/v1/videos/blends', { video_a: id, video_b: id }]],
  ['recut', (id) => ['POST', `/v1/videos/${id}/recut`, { start: 0, end: 0.5 }]],
  ['publish', (id) => ['POST', `/v1/videos/${id}/publish`]],
  ['unpublish', (id) => ['POST', `/v1/videos/${id}/unpublish`]],
  ['delete', (id) => ['DELETE', `/v1/videos/${id}`]],
];

const asA = (id: string, attempt: (id: string) => [string, string, unknown?]): Promise<ApiResponse> => {
  const [method, route, body] = attempt(id);
  return apiRequest(server, method, route, { key: keyA, body });
};
/** The answer with the asked-for id written out, so answers about two ids can be compared. */
const shape = (response: ApiResponse, id: string) => ({ status: response.status, body: JSON.stringify(response.json).replaceAll(id, '<id>') });

describe("another key's videos", () => {
  it.each(attempts)('A cannot %s B’s video: 404, exactly as if it were absent', async (_what, attempt) => {
    const theirs = await asA(videoB, attempt);
    expect(theirs.status).toBe(404);
    expect(theirs.json.error?.code).toBe('video_not_found');
    expect(shape(theirs, videoB)).toEqual(shape(await asA(absent, attempt), absent));
  });

  it("A's list never shows B's videos, and B's video is untouched by all of A's attempts", async () => {
    const listA = await apiRequest<{ data: Array<{ id: string }> }>(server, 'GET', '/v1/videos', { key: keyA });
    expect(listA.json.data).toEqual([]);
    const listB = await apiRequest<{ data: Array<{ id: string }> }>(server, 'GET', '/v1/videos', { key: keyB });
    expect(listB.json.data.map((v) => v.id)).toEqual([videoB]);

    const ownView = await apiRequest<{ status: string; published_at?: unknown }>(server, 'GET', `/v1/videos/${videoB}`, { key: keyB });
    expect(ownView.json.status).toBe('completed');
    expect((await apiRequest(server, 'GET', `/v1/gallery/${videoB}`, { key: null })).status).toBe(404);
    const download = await fetch(`${server.url}/v1/videos/${videoB}/content`, { headers: { authorization: `Bearer ${keyB}` } });
    expect(download.status).toBe(200);
    expect((await download.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });
});
