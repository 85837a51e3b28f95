import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import OpenAI from 'openai';
import type { VideoCreateParams } from 'openai/resources/videos';
import { pino } from 'pino';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startKinora } from '../src/runtime/start-kinora.js';
import { apiRequest } from './helpers/api-request.js';
import { startTestServer, tempDataDir, waitFor, type TestServer } from './helpers/kinora-server.js';
import { openTestBackend } from './helpers/test-backend.js';
import { finished, sdkClient } from './helpers/video-client.js';

/**
 * Webhooks end to end: a real server, real renders, and a real HTTP receiver on 127.0.0.1 (allowed by
 * KINORA_ALLOW_PRIVATE_URLS=1; without it registration is refused, see ssrf.test.ts). Every delivery is checked with
 * the openai SDK's `webhooks.unwrap` and with standardwebhooks' own `verify`.
 */
interface Hit {
  headers: Record<string, string>;
  body: string;
  at: number;
}

/** An HTTP receiver: records every POST by path and answers each path's queued statuses, then 200. */
class Receiver {
  readonly hits = new Map<string, Hit[]>();
  readonly statuses = new Map<string, number[]>();
  private readonly server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const path = request.url ?? '/';
      const list = this.hits.get(path) ?? [];
      list.push({ headers: request.headers as Record<string, string>, body, at: Date.now() });
      this.hits.set(path, list);
      response.writeHead(this.statuses.get(path)?.shift() ?? 200).end('thanks');
    });
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  of(path: string): Hit[] {
    return this.hits.get(path) ?? [];
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

interface WebhookObject {
  id: string;
  secret: string;
  url: string;
  events: string[];
  all_keys: boolean;
}
interface DeliveryObject {
  id: string;
  event_id: string;
  event_type: string;
  video_id: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: number | null;
}

const receiver = new Receiver();
const logLines: string[] = [];
const small = { prompt: 'a red fox running through a forest', size: '854x480', seconds: '1' } as unknown as VideoCreateParams;
const fastRetries = { KINORA_ALLOW_PRIVATE_URLS: '1', KINORA_WEBHOOK_RETRY_BASE_SECONDS: '0.2' };
let server: TestServer;

beforeAll(async () => {
  await receiver.start();
  const logs = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  server = await startTestServer(fastRetries, { workers: 1, logger: pino({ level: 'info' }, logs) });
});
afterAll(async () => {
  await server?.close();
  await receiver.stop();
});

async function newKey(name: string): Promise<{ id: string; secret: string }> {
  const { key, secret } = await server.catalog.keys.create(name, ['videos:read', 'videos:write']);
  return { id: key.id, secret };
}

async function register(target: TestServer, key: string, body: Record<string, unknown>): Promise<WebhookObject> {
  const response = await apiRequest<WebhookObject>(target, 'POST', '/v1/webhooks', { key, body });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json;
}

async function deliveries(target: TestServer, key: string, webhookId: string): Promise<DeliveryObject[]> {
  const response = await apiRequest<{ data: DeliveryObject[] }>(target, 'GET', `/v1/webhooks/${webhookId}/deliveries`, { key });
  expect(response.status).toBe(200);
  return response.json.data;
}

const hitsAt = (path: string, count: number): Promise<Hit[]> =>
  waitFor(() => Promise.resolve(receiver.of(path).length >= count ? receiver.of(path) : undefined), `${count} deliveries at ${path}`, 60_000, 20);

/** Verified as a receiver would: the openai SDK's unwrap (which throws on a bad signature), and standardwebhooks. */
async function verified(hit: Hit, secret: string): Promise<{ id: string; object: string; created_at: number; type: string; data: { id: string } }> {
  const event = await new OpenAI({ apiKey: 'unused', webhookSecret: secret }).webhooks.unwrap(hit.body, hit.headers);
  expect(new Webhook(secret).verify(hit.body, hit.headers)).toEqual(event);
  return event as unknown as Awaited<ReturnType<typeof verified>>;
}

describe('webhooks', () => {
  it('a completed video sends video.completed in OpenAI\'s shape, signed so the openai SDK and standardwebhooks verify it', async () => {
    const alice = await newKey('alice');
    const endpoint = await register(server, alice.secret, { url: receiver.url('/alice'), description: 'my app' });
    expect(endpoint).toMatchObject({ id: expect.stringMatching(/^webhook_/) as string, url: receiver.url('/alice'), events: ['video.completed', 'video.failed'], all_keys: false });
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const listed = await apiRequest<{ data: Array<Record<string, unknown>> }>(server, 'GET', '/v1/webhooks', { key: alice.secret });
    expect(listed.json.data.map((w) => w.id)).toEqual([endpoint.id]);
    expect(listed.json.data[0]).not.toHaveProperty('secret'); // shown once, at creation

    const video = await finished(sdkClient(server, alice.secret), (await sdkClient(server, alice.secret).videos.create(small)).id);
    expect(video.status).toBe('completed');
    const [hit] = await hitsAt('/alice', 1);
    const event = await verified(hit!, endpoint.secret);
    expect(event).toEqual({ id: expect.stringMatching(/^evt_/) as string, object: 'event', created_at: expect.any(Number) as number, type: 'video.completed', data: { id: video.id } });
    expect(hit!.headers['webhook-id']).toBe(event.id);
    expect(hit!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(Math.abs(Number(hit!.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(300);
    const forged = new OpenAI({ apiKey: 'unused', webhookSecret: `whsec_${Buffer.alloc(32, 1).toString('base64')}` }).webhooks.unwrap(hit!.body, hit!.headers);
    await expect(forged).rejects.toThrow(/signature/i);

    expect(await deliveries(server, alice.secret, endpoint.id)).toEqual([
      expect.objectContaining({ event_id: event.id, event_type: 'video.completed', video_id: video.id, status: 'delivered', attempts: 1, last_status_code: 200, last_error: null }),
    ]);
  });

  it("a key's endpoint receives only its own videos' events; an admin's all_keys endpoint receives every key's", async () => {
    const owner = await newKey('owner');
    const other = await newKey('other');
    const ownerHook = await register(server, owner.secret, { url: receiver.url('/owner') });
    const otherHook = await register(server, other.secret, { url: receiver.url('/other') });
    const operatorHook = await register(server, server.adminKey, { url: receiver.url('/operator'), all_keys: true, events: ['video.completed'] });
    expect(operatorHook.all_keys).toBe(true);
    const refused = await apiRequest(server, 'POST', '/v1/webhooks', { key: owner.secret, body: { url: receiver.url('/sneaky'), all_keys: true } });
    expect(refused).toMatchObject({ status: 403, json: { error: { code: 'insufficient_scope', param: 'all_keys' } } });
    // Another key's endpoint is not found, exactly like one that does not exist.
    const foreign = await apiRequest(server, 'GET', `/v1/webhooks/${ownerHook.id}/deliveries`, { key: other.secret });
    expect(foreign).toMatchObject({ status: 404, json: { error: { code: 'webhook_not_found' } } });

    const client = sdkClient(server, owner.secret);
    const video = await finished(client, (await client.videos.create(small)).id);
    const [ownerHit] = await hitsAt('/owner', 1);
    expect((await verified(ownerHit!, ownerHook.secret)).data.id).toBe(video.id);
    const [operatorHit] = await hitsAt('/operator', 1);
    expect((await verified(operatorHit!, operatorHook.secret)).data.id).toBe(video.id);
    // The rows are queued together when the video ends: the other key's endpoint has none, and got nothing.
    expect(await deliveries(server, other.secret, otherHook.id)).toEqual([]);
    expect(receiver.of('/other')).toEqual([]);
  });

  it('a receiver answering 500 twice then 200 gets three attempts, further apart each time, all in the delivery log and the server log', async () => {
    const flaky = await newKey('flaky');
    const endpoint = await register(server, flaky.secret, { url: receiver.url('/flaky') });
    receiver.statuses.set('/flaky', [500, 500]);
    const client = sdkClient(server, flaky.secret);
    const video = await finished(client, (await client.videos.create(small)).id);

    const hits = await hitsAt('/flaky', 3);
    for (const hit of hits) expect((await verified(hit, endpoint.secret)).data.id).toBe(video.id);
    expect(new Set(hits.map((hit) => hit.headers['webhook-id'])).size).toBe(1); // one message, retried
    const [first, second, third] = hits.map((hit) => hit.at);
    expect(third! - second!).toBeGreaterThan(second! - first!);
    const [delivery] = await deliveries(server, flaky.secret, endpoint.id);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, last_status_code: 200, last_error: null, delivered_at: expect.any(Number) as number });

    // One line per attempt, found by the delivery's id (the operator's all_keys endpoint gets the same event).
    const attemptLines = logLines.map((line) => JSON.parse(line) as { msg: string; delivery?: string; attempt?: number; status?: number }).filter((line) => line.delivery === delivery!.id);
    expect(attemptLines.map((line) => [line.msg, line.attempt, line.status])).toEqual([
      ['webhook attempt failed; will retry', 1, 500],
      ['webhook attempt failed; will retry', 2, 500],
      ['webhook delivered', 3, 200],
    ]);
    expect(logLines.join('\n')).not.toContain(endpoint.secret.slice('whsec_'.length));
  });

  it('validates what it is given, and forgets a deleted endpoint', async () => {
    const key = await newKey('careful');
    const bad = async (body: unknown) => (await apiRequest(server, 'POST', '/v1/webhooks', { key: key.secret, body })).json.error;
    expect(await bad({})).toMatchObject({ param: 'url', code: 'missing_required_parameter' });
    expect(await bad({ url: 'ftp://example.com/' })).toMatchObject({ param: 'url', code: 'invalid_url' });
    expect(await bad({ url: receiver.url('/x'), events: ['video.exploded'] })).toMatchObject({ param: 'events[0]', code: 'invalid_value' });
    expect(await bad({ url: receiver.url('/x'), secret: 'mine' })).toMatchObject({ param: 'secret', code: 'unknown_parameter' });
    const endpoint = await register(server, key.secret, { url: receiver.url('/gone') });
    const removed = await apiRequest(server, 'DELETE', `/v1/webhooks/${endpoint.id}`, { key: key.secret });
    expect(removed).toMatchObject({ status: 200, json: { id: endpoint.id, object: 'webhook_endpoint.deleted', deleted: true } });
    expect((await apiRequest(server, 'GET', `/v1/webhooks/${endpoint.id}`, { key: key.secret })).status).toBe(404);
    for (let i = 0; i < 10; i++) await register(server, key.secret, { url: receiver.url(`/many-${i}`) });
    expect(await bad({ url: receiver.url('/eleventh') })).toMatchObject({ param: 'url', code: 'webhook_limit_reached' });
  });

  it('a failed video sends video.failed; a delivery due at a restart, or an event a crash kept from being queued, is sent by the next start', async () => {
    const dataDir = tempDataDir('webhooks-restart');
    const backend = await openTestBackend();
    const start = async () => {
      const config = loadConfig({ KINORA_LOG_LEVEL: 'silent', ...backend.env, ...fastRetries }, { dataDir, port: 0, host: '127.0.0.1', workers: 0 });
      return backend.whileMigrating(() => startKinora(config, pino({ level: 'silent' })));
    };
    try {
      const first = await start();
      const adminKey = first.firstAdminKey!;
      const asServer = (running: typeof first): TestServer => Object.assign(running, { adminKey, dataDir, backend });
      const endpoint = await register(asServer(first), adminKey, { url: receiver.url('/down') });
      receiver.statuses.set('/down', Array<number>(1000).fill(503));
      const create = () => apiRequest<{ id: string }>(asServer(first), 'POST', '/v1/videos', { body: { prompt: 'a cat', size: '854x480', seconds: '1' } });
      const video = await create();
      // A worker that recorded this video's failure, then died before it could queue the event (two writes).
      const crashed = (await create()).json.id;
      await first.catalog.db.updateTable('videos').set({ status: 'failed', error_code: 'generation_failed', error_message: 'crashed', completed_at: Date.now() }).where('id', '=', crashed).execute();
      await first.catalog.db.updateTable('jobs').set({ status: 'failed' }).where('video_id', '=', crashed).execute();
      // No worker: the halt ends the queued video as failed.
      expect((await apiRequest(asServer(first), 'POST', '/v1/admin/halt', { body: { reason: 'maintenance', cancel_queued: true } })).status).toBe(200);
      const [refusedHit] = await hitsAt('/down', 1);
      expect(await verified(refusedHit!, endpoint.secret)).toMatchObject({ type: 'video.failed', data: { id: video.json.id } });
      await first.close();

      receiver.statuses.set('/down', []);
      const restartedAt = Date.now();
      const second = asServer(await start());
      try {
        const log = await waitFor(async () => {
          const list = await deliveries(second, adminKey, endpoint.id);
          return list.length === 2 && list.every((delivery) => delivery.status === 'delivered') ? list : undefined;
        }, 'both deliveries after the restart');
        const retried = log.find((delivery) => delivery.video_id === video.json.id)!;
        expect(retried).toMatchObject({ event_type: 'video.failed', last_status_code: 200 });
        expect(retried.attempts).toBeGreaterThanOrEqual(2);
        expect(log.find((delivery) => delivery.video_id === crashed)).toMatchObject({ event_type: 'video.failed', attempts: 1, last_status_code: 200 });
        const after = receiver.of('/down').filter((hit) => hit.at >= restartedAt);
        expect(after.map((hit) => JSON.parse(hit.body) as { data: { id: string } }).map((event) => event.data.id).sort()).toEqual([video.json.id, crashed].sort());
        expect(after.map((hit) => hit.headers['webhook-id'])).toContain(refusedHit!.headers['webhook-id']);
      } finally {
        await second.close();
      }
    } finally {
      await backend.remove();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
