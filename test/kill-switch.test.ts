import { APIError } from 'openai';
import type { VideoCreateParams } from 'openai/resources/videos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest } from './helpers/api-request.js';
import { kinoraCli } from './helpers/kinora-cli.js';
import { startTestServer, waitFor, type TestServer } from './helpers/kinora-server.js';
import { finished, sdkClient } from './helpers/video-client.js';

/** The kill switch through the real server, the real CLI in its own process and the real SDK. */
let server: TestServer;
let keyA: { id: string; secret: string };
let keyB: { id: string; secret: string };
beforeAll(async () => {
  server = await startTestServer({}, { workers: 1 });
  const make = async (name: string) => {
    const { key, secret } = await server.catalog.keys.create(name, ['videos:read', 'videos:write']);
    return { id: key.id, secret };
  };
  keyA = await make('app-a');
  keyB = await make('app-b');
});
afterAll(async () => server?.close());

/** Kinora accepts shorter and smaller videos than the SDK's types list; a user's script casts the same way. */
const small = { prompt: 'a red fox running through a forest', size: '854x480', seconds: '1' } as unknown as VideoCreateParams;
const halted = async () => ((await apiRequest(server, 'GET', '/healthz', { key: null })).json as { generation_halted: boolean }).generation_halted;
const status = async (id: string, key = keyA.secret) => (await apiRequest<{ status: string; error: { code: string; message: string } | null }>(server, 'GET', `/v1/videos/${id}`, { key })).json;

/** Waits for every API node (here one) to see the catalog's halt state; answers how long that took. */
async function untilHealthSays(state: boolean): Promise<number> {
  const from = Date.now();
  await waitFor(async () => ((await halted()) === state ? true : undefined), `healthz to say halted=${state}`, 5000, 20);
  return Date.now() - from;
}

describe('kill switch', () => {
  it('a CLI halt refuses new videos of every kind with 503 within a second, reads keep working, and resume restores', async () => {
    const client = sdkClient(server, keyA.secret);
    const earlier = await finished(client, (await client.videos.create(small)).id);
    expect(earlier.status).toBe('completed');

    expect((await kinoraCli(server, 'halt', '--reason', 'incident 42: upstream abuse')).stdout).toMatch(/generation HALTED .*incident 42/);
    expect(await untilHealthSays(true)).toBeLessThan(1000);

    const refused = await client.videos.create(small).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(APIError);
    expect(refused).toMatchObject({ status: 503, code: 'generation_halted', message: expect.stringMatching(/halted by the operator: incident 42: upstream abuse/) as string });
    const remix = await apiRequest(server, 'POST', `/v1/videos/${earlier.id}/remix`, { key: keyA.secret, body: { prompt: 'the fox at night' } });
    expect(remix).toMatchObject({ status: 503, json: { error: { code: 'generation_halted' } } });
    expect(remix.headers.get('x-should-retry')).toBe('false');

    expect((await client.videos.retrieve(earlier.id)).status).toBe('completed');
    expect((await client.videos.list()).data.map((v) => v.id)).toContain(earlier.id);
    expect((await apiRequest(server, 'GET', '/v1/admin/halt')).json).toMatchObject({ object: 'generation.control', halted: true, reason: 'incident 42: upstream abuse', halted_by: expect.stringMatching(/^cli:/) as string });

    await kinoraCli(server, 'resume');
    expect(await untilHealthSays(false)).toBeLessThan(1000);
    expect((await client.videos.create(small)).status).toBe('queued');
  });

  it('holds queued jobs while halted, ends one key\'s with --cancel-queued, suspends that key alone, and starts the rest on resume', async () => {
    const long = await apiRequest<{ id: string }>(server, 'POST', '/v1/videos', { key: keyA.secret, body: { prompt: 'a train driving through a city at night', size: '1920x1080', seconds: '12' } });
    await waitFor(async () => ((await status(long.json.id)).status === 'in_progress' ? true : undefined), 'the long render to start');
    const queuedA = (await apiRequest<{ id: string }>(server, 'POST', '/v1/videos', { key: keyA.secret, body: small })).json.id;
    const queuedB = (await apiRequest<{ id: string }>(server, 'POST', '/v1/videos', { key: keyB.secret, body: small })).json.id;

    await kinoraCli(server, 'halt', '--reason', 'maintenance');
    await untilHealthSays(true);
    // The worker is freed, but while halted it starts nothing: two idle polls later both are still queued.
    expect((await apiRequest(server, 'DELETE', `/v1/videos/${long.json.id}`, { key: keyA.secret })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect([(await status(queuedA)).status, (await status(queuedB, keyB.secret)).status]).toEqual(['queued', 'queued']);

    const cancelled = await kinoraCli(server, 'halt', '--key', keyB.id, '--reason', 'key leaked on a forum', '--cancel-queued', '--json');
    expect(JSON.parse(cancelled.stdout)).toMatchObject({ halted: true, cancelled_video_ids: [queuedB], suspended_keys: [{ id: keyB.id, reason: 'key leaked on a forum', suspended_by: 'operator' }] });
    expect(await status(queuedA)).toMatchObject({ status: 'queued' });

    // A suspended key is refused everything, reads too; the other key only new videos, while the halt lasts.
    const suspended = await apiRequest(server, 'GET', `/v1/videos/${queuedB}`, { key: keyB.secret });
    expect(suspended).toMatchObject({ status: 403, json: { error: { code: 'key_suspended', message: 'This API key is suspended: key leaked on a forum' } } });
    expect((await apiRequest(server, 'POST', '/v1/videos', { key: keyB.secret, body: small })).json.error?.code).toBe('key_suspended');
    expect((await apiRequest(server, 'GET', '/v1/videos', { key: keyA.secret })).status).toBe(200);
    expect((await apiRequest(server, 'GET', `/v1/keys/${keyB.id}`)).json).toMatchObject({ suspension: { reason: 'key leaked on a forum', suspended_by: 'operator' } });

    await kinoraCli(server, 'resume');
    await waitFor(async () => ((await status(queuedA)).status === 'completed' ? true : undefined), 'the held video to be made after resume');
    expect((await apiRequest(server, 'GET', '/v1/videos', { key: keyB.secret })).status).toBe(403);
    await kinoraCli(server, 'resume', '--key', keyB.id);
    expect(await status(queuedB, keyB.secret)).toMatchObject({ status: 'failed', error: { code: 'generation_halted', message: 'key leaked on a forum' } });
  });

  it('halts and resumes through the admin API, ending everything queued, and refuses non-admin keys', async () => {
    expect((await apiRequest(server, 'POST', '/v1/admin/halt', { key: keyA.secret, body: { reason: 'x' } })).json.error?.code).toBe('insufficient_scope');
    expect((await apiRequest(server, 'POST', '/v1/admin/halt', { body: { reason: '' } })).status).toBe(400);
    expect((await apiRequest(server, 'POST', '/v1/admin/halt', { body: { reason: 'x', key_id: 'key_missing' } })).json.error?.code).toBe('api_key_not_found');

    const long = await apiRequest<{ id: string }>(server, 'POST', '/v1/videos', { key: keyA.secret, body: { prompt: 'a storm over the sea', size: '1920x1080', seconds: '12' } });
    await waitFor(async () => ((await status(long.json.id)).status === 'in_progress' ? true : undefined), 'the long render to start');
    const credits = async () => (await apiRequest<{ credits: number }>(server, 'GET', '/v1/ledger/balance', { key: keyA.secret })).json.credits;
    const beforeQueued = await credits();
    const queued = (await apiRequest<{ id: string }>(server, 'POST', '/v1/videos', { key: keyA.secret, body: small })).json.id;
    expect(await credits()).toBeLessThan(beforeQueued);

    const halt = await apiRequest(server, 'POST', '/v1/admin/halt', { body: { reason: 'stop everything', cancel_queued: true } });
    expect(halt).toMatchObject({ status: 200, json: { halted: true, reason: 'stop everything', cancelled_video_ids: [queued] } });
    // The node that halted sees it at once: no cache delay.
    expect((await apiRequest(server, 'POST', '/v1/videos', { key: keyA.secret, body: small })).status).toBe(503);
    expect(await status(queued)).toMatchObject({ status: 'failed', error: { code: 'generation_halted', message: 'stop everything' } });
    // Ended by the halt, so its charge came back.
    expect(await credits()).toBe(beforeQueued);
    expect((await status(long.json.id)).status).toBe('in_progress');
    await apiRequest(server, 'DELETE', `/v1/videos/${long.json.id}`, { key: keyA.secret });

    expect((await apiRequest(server, 'POST', '/v1/admin/resume', { body: {} })).json).toMatchObject({ halted: false, reason: null, suspended_keys: [] });
    expect((await apiRequest(server, 'POST', '/v1/videos', { key: keyA.secret, body: small })).status).toBe(200);
  });

  it('wrote every halt, resume and refused generation to the audit log, readable with the admin API and `kinora audit`', async () => {
    const audit = async (query: string) =>
      (await apiRequest<{ data: Array<Record<string, unknown>>; has_more: boolean }>(server, 'GET', `/v1/admin/audit?${query}`)).json;
    const cli = (await audit('action=halt')).data;
    expect(cli.map((e) => e.detail)).toEqual([
      { reason: 'key leaked on a forum', key_id: keyB.id, cancel_queued: true, cancelled_videos: 1 },
      { reason: 'maintenance', cancel_queued: false, cancelled_videos: 0 },
      { reason: 'incident 42: upstream abuse', cancel_queued: false, cancelled_videos: 0 },
    ]);
    expect(cli[0]).toMatchObject({ object: 'audit.entry', actor: expect.stringMatching(/^cli:/) as string, key_id: keyB.id, decision: 'accepted' });
    expect((await audit('action=resume')).data).toHaveLength(3);

    const api = (await audit(`action=${encodeURIComponent('POST /v1/admin/')}`)).data;
    expect(api.map((e) => [e.action, e.decision, e.error_code])).toEqual([
      ['POST /v1/admin/resume', 'accepted', null],
      ['POST /v1/admin/halt', 'accepted', null],
      ['POST /v1/admin/halt', 'refused', 'api_key_not_found'],
      ['POST /v1/admin/halt', 'refused', 'invalid_value'],
      ['POST /v1/admin/halt', 'refused', 'insufficient_scope'],
    ]);
    expect(api[1]).toMatchObject({ detail: { reason: 'stop everything', cancel_queued: true, cancelled_videos: 1 }, address: '127.0.0.1' });

    const generations = (await audit(`key_id=${keyA.id}&action=${encodeURIComponent('POST /v1/videos')}&limit=100`)).data;
    expect(generations.filter((e) => e.error_code === 'generation_halted').map((e) => e.action)).toEqual([
      'POST /v1/videos',
      'POST /v1/videos/:video_id/remix',
      'POST /v1/videos',
    ]);
    expect(generations.find((e) => e.decision === 'accepted')).toMatchObject({ key_id: keyA.id, target: expect.stringMatching(/^video_/) as string, address: '127.0.0.1' });
    // Reads are not audited (a poll a second would drown the log); the suspended key's attempt to generate is.
    expect((await audit(`key_id=${keyB.id}&action=POST`)).data.map((e) => [e.action, e.error_code])).toContainEqual(['POST /v1/videos', 'key_suspended']);

    const page = await audit('limit=2');
    expect(page).toMatchObject({ has_more: true, data: [{}, {}] });
    expect((await audit(`limit=2&after=${String(page.data[1]!.id)}`)).data[0]!.id).not.toBe(page.data[1]!.id);

    const lines = (await kinoraCli(server, 'audit', '--key', keyB.id, '--action', 'halt')).stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/cli:\S+ {2}halt on key_\w+ {2}accepted {2}\{"reason":"key leaked on a forum"/);
    expect(JSON.parse((await kinoraCli(server, 'audit', '--since', '1h', '--limit', '1', '--json')).stdout)).toHaveLength(1);
  });
});
