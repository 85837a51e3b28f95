import http from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/kinora-server.js';

/** A create that is sent twice (a retry, a replay) must not start a second render. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, { workers: 0 });
});
afterAll(async () => server?.close());

async function create(body: object, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/v1/videos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminKey}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { id: string; error?: { code: string } }, headers: response.headers };
}
const jobCount = async () => (await server.catalog.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

describe('duplicate creates', () => {
  it('an Idempotency-Key replay returns the same video; a different body with that key is a 409', async () => {
    const before = Number(await jobCount());
    const first = await create({ prompt: 'a dog running on a beach' }, { 'idempotency-key': 'order-1' });
    const again = await create({ prompt: 'a dog running on a beach' }, { 'idempotency-key': 'order-1' });
    expect(again.body.id).toBe(first.body.id);
    const other = await create({ prompt: 'a cat' }, { 'idempotency-key': 'order-1' });
    expect(other.status).toBe(409);
    expect(other.headers.get('x-should-retry')).toBe('false');
    expect(Number(await jobCount())).toBe(before + 1);
  });

  it('concurrent replays of one key make one video', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => create({ prompt: 'a bird flying over a city' }, { 'idempotency-key': 'burst-7' })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
  });

  it("the SDK's blind retry (no key, retry count set) returns the video the first try made", async () => {
    const body = { prompt: 'a horse galloping across a desert', size: '854x480', seconds: '2' };
    const first = await create(body, { 'x-stainless-retry-count': '0' });
    const retry = await create(body, { 'x-stainless-retry-count': '1' });
    expect(retry.body.id).toBe(first.body.id);
    // Without the retry marker the same words are a new request (a new seed, a new video).
    const fresh = await create(body);
    expect(fresh.body.id).not.toBe(first.body.id);
  });

  it('the SDK itself gets one video when its first attempt is answered too late', async () => {
    // A proxy holds back the answer to the first POST past the SDK's timeout, so the SDK retries the create
    // exactly as it would over a slow network. The first request did reach Kinora and made a video.
    let posts = 0;
    const proxy = http.createServer((req, res) => {
      const delay = req.method === 'POST' && posts++ === 0 ? 1500 : 0;
      const upstream = http.request(`${server.url}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        setTimeout(() => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        }, delay);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = proxy.address() as AddressInfo;
      const client = new OpenAI({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: server.adminKey, maxRetries: 2, timeout: 700 });
      const before = Number(await jobCount());
      const video = await client.videos.create({ prompt: 'a submarine under the sea' });
      expect(posts).toBe(2);
      expect(video.status).toBe('queued');
      expect(Number(await jobCount())).toBe(before + 1);
    } finally {
      proxy.closeAllConnections();
      proxy.close();
    }
  });
});
