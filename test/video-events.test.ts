import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvents } from './helpers/event-stream.js';
import { startTestServer, type TestServer } from './helpers/kinora-server.js';

/** Live progress over Server-Sent Events: a client follows a render without polling. */
let server: TestServer;
let adminVideoId = '';
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe('video events', () => {
  it('streams rising progress and ends with the completed video', async () => {
    const headers = { authorization: `Bearer ${server.adminKey}` };
    const created = (await (await fetch(`${server.url}/v1/videos`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'a rocket flying through space', size: '1280x720', seconds: '4' }),
    })).json()) as { id: string };
    adminVideoId = created.id;
    const streamed = await readEvents<{ status: string; progress: number }>(`${server.url}/v1/videos/${created.id}/events`, headers);
    // Besides the video objects, one `preview` event announces the first-frame still (test/video-preview.test.ts).
    expect(streamed.map((e) => e.event).filter((name) => name !== 'video')).toEqual(['preview']);
    const events = streamed.filter((e) => e.event === 'video');
    const progress = events.map((e) => e.data.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.filter((p) => p > 0 && p < 100).length).toBeGreaterThan(1);
    expect(events.at(-1)!.data).toMatchObject({ status: 'completed', progress: 100 });
  });

  it("answers 404 for another key's video", async () => {
    const { secret } = await server.catalog.keys.create('other', ['videos:read']);
    const response = await fetch(`${server.url}/v1/videos/${adminVideoId}/events`, { headers: { authorization: `Bearer ${secret}` } });
    expect(response.status).toBe(404);
  });
});
