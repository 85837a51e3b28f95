import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest } from './helpers/api-request.js';
import { kinoraCli } from './helpers/kinora-cli.js';
import { startTestServer, waitFor, type TestServer } from './helpers/kinora-server.js';

/** Leak containment through the real server: low floors so a test-sized burst counts, and a real webhook receiver. */
let server: TestServer;
let webhook: http.Server;
const alerts: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  webhook = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      alerts.push({ path: request.url, contentType: request.headers['content-type'], ...(JSON.parse(body) as Record<string, unknown>) });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  const { port } = webhook.address() as AddressInfo;
  server = await startTestServer(
    { KINORA_LEAK_MIN_REQUESTS: '40', KINORA_LEAK_MIN_ADDRESSES: '4', KINORA_LEAK_FACTOR: '10', KINORA_ALERT_WEBHOOK_URL: `http://127.0.0.1:${port}/hooks/kinora` },
    { workers: 0 },
  );
});
afterAll(async () => {
  await server?.close();
  webhook?.close();
});

const newKey = async (name: string) => {
  const { key, secret } = await server.catalog.keys.create(name, ['videos:read', 'videos:write']);
  return { id: key.id, secret };
};

describe('leak watch', () => {
  it('lets a normal pattern through: a studio-sized burst, then steady polling', async () => {
    const key = await newKey('normal');
    const created = await apiRequest<{ id: string }>(server, 'POST', '/v1/videos', { key: key.secret, body: { prompt: 'a cat on a roof', size: '854x480', seconds: '4' } });
    expect(created.status).toBe(200);
    for (let i = 0; i < 35; i++) expect((await apiRequest(server, 'GET', `/v1/videos/${created.json.id}`, { key: key.secret })).status).toBe(200);
    expect((await apiRequest(server, 'GET', '/v1/admin/halt')).json).toMatchObject({ suspended_keys: [] });
  });

  it('suspends a burst from a leaked key automatically, tells the webhook, audits it, and leaves other keys alone', async () => {
    const leaked = await newKey('leaked');
    const other = await newKey('other');
    const answers = await Promise.all(Array.from({ length: 80 }, () => apiRequest(server, 'GET', '/v1/videos', { key: leaked.secret })));
    const refused = answers.filter((a) => a.status === 403);
    // The floor's worth passes; from the first request past it, every one is refused, those already in flight too.
    expect(answers.filter((a) => a.status === 200)).toHaveLength(40);
    expect(refused).toHaveLength(40);
    expect(new Set(refused.map((a) => a.json.error?.code))).toEqual(new Set(['key_suspended']));

    const after = await apiRequest(server, 'POST', '/v1/videos', { key: leaked.secret, body: { prompt: 'a cat', size: '854x480', seconds: '1' } });
    expect(after).toMatchObject({ status: 403, json: { error: { code: 'key_suspended', message: expect.stringMatching(/^This API key is suspended: leak watch: 41 requests in 60 s, with no usual usage to compare$/) as string } } });
    expect((await apiRequest(server, 'GET', '/v1/videos', { key: other.secret })).status).toBe(200);

    const alert = await waitFor(() => Promise.resolve(alerts.find((a) => a.key_id === leaked.id)), 'the webhook to receive the alert', 5000, 20);
    expect(alert).toMatchObject({ path: '/hooks/kinora', contentType: 'application/json', type: 'key.suspended', key_name: 'leaked', reason: expect.stringMatching(/^leak watch: 41 requests/) as string });
    expect(alerts.filter((a) => a.key_id === leaked.id)).toHaveLength(1);

    const state = (await apiRequest(server, 'GET', '/v1/admin/halt')).json;
    expect(state).toMatchObject({ halted: false, suspended_keys: [{ id: leaked.id, name: 'leaked', suspended_by: 'automatic' }] });
    const audit = (await apiRequest<{ data: Array<Record<string, unknown>> }>(server, 'GET', `/v1/admin/audit?key_id=${leaked.id}`)).json.data;
    expect(audit.map((e) => [e.actor, e.action, e.decision, e.error_code])).toEqual([
      [leaked.id, 'POST /v1/videos', 'refused', 'key_suspended'],
      ['leak-watch', 'key.suspend', 'accepted', null],
    ]);
    expect(audit[1]).toMatchObject({ address: '127.0.0.1', detail: { current: { requests: 41 } } });

    // Revocation by the operator is immediate too; the burst is not held against the key once it is resumed.
    await kinoraCli(server, 'resume', '--key', leaked.id);
    for (let i = 0; i < 5; i++) expect((await apiRequest(server, 'GET', '/v1/videos', { key: leaked.secret })).status).toBe(200);
  });

  it('suspends a key used from many more client addresses than usual', async () => {
    const spread = await newKey('spread');
    const from = (address: string) =>
      server.app.inject({ method: 'GET', url: '/v1/videos', remoteAddress: address, headers: { authorization: `Bearer ${spread.secret}` } });
    for (let i = 1; i <= 4; i++) expect((await from(`198.51.100.${i}`)).statusCode).toBe(200);
    const fifth = await from('198.51.100.5');
    expect(fifth.statusCode).toBe(403);
    expect(fifth.json()).toMatchObject({ error: { code: 'key_suspended', message: expect.stringMatching(/5 distinct client addresses in 60 s/) as string } });
    const alert = await waitFor(() => Promise.resolve(alerts.find((a) => a.key_id === spread.id)), 'the webhook to receive the alert', 5000, 20);
    expect(alert).toMatchObject({ type: 'key.suspended', reason: expect.stringMatching(/distinct client addresses/) as string });
    const [line] = (await kinoraCli(server, 'audit', '--key', spread.id, '--action', 'key.suspend')).stdout.trim().split('\n');
    expect(line).toMatch(/leak-watch {2}key\.suspend on key_\w+ from 198\.51\.100\.5 {2}accepted/);
  });
});
