import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/kinora-server.js';
import { finished, sdkClient } from './helpers/video-client.js';

/** /healthz, /readyz and /metrics of a real embedded server, and who may read the metrics. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const get = (route: string, key?: string) => fetch(`${server.url}${route}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });

describe('health and metrics', () => {
  it('is alive and ready, with every check named', async () => {
    expect(await (await get('/healthz')).json()).toEqual({ status: 'ok', generation_halted: false });
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { catalog: 'ok', migrations: 'ok', queue: 'ok' } });
  });

  it('serves Prometheus metrics to admin keys only by default', async () => {
    expect((await get('/metrics')).status).toBe(401);
    const reader = (await server.catalog.keys.create('reader', ['videos:read'])).secret;
    expect((await get('/metrics', reader)).status).toBe(403);
    const response = await get('/metrics', server.adminKey);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('counts a render, the queue, the live worker and requests by route template', async () => {
    const client = sdkClient(server);
    const video = await client.videos.create({ prompt: 'a red kite over the hills', size: '854x480' as never, seconds: '1' as never });
    expect((await finished(client, video.id)).status).toBe('completed');
    const text = await (await get('/metrics', server.adminKey)).text();
    expect(text).toMatch(/^kinora_job_duration_seconds_count\{role="embedded",kind="generate",model="kinora-1",outcome="completed"\} 1$/m);
    expect(text).toMatch(/^kinora_queue_jobs\{status="queued",role="embedded"\} 0$/m);
    expect(text).toMatch(/^kinora_workers_active\{role="embedded"\} 1$/m);
    expect(text).toMatch(/^kinora_worker_slots\{role="embedded"\} 1$/m);
    expect(text).toMatch(/^kinora_renders_in_progress\{role="embedded"\} 0$/m);
    expect(text).toMatch(/^kinora_http_requests_total\{method="GET",route="\/v1\/videos\/:video_id",status="200",role="embedded"\} [1-9]\d*$/m);
    expect(text).not.toContain(video.id);
  });
});

describe.each([
  ['public', 200],
  ['off', 404],
] as const)('KINORA_METRICS=%s', (mode, status) => {
  let other: TestServer;
  beforeAll(async () => {
    other = await startTestServer({ KINORA_METRICS: mode }, { workers: 0 });
  });
  afterAll(async () => other?.close());

  it(`answers /metrics without a key with ${status}`, async () => {
    expect((await fetch(`${other.url}/metrics`)).status).toBe(status);
  });
});
