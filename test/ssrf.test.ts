import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest } from './helpers/api-request.js';
import { startTestServer, waitFor, type TestServer } from './helpers/kinora-server.js';

/**
 * Row 15 of the reliability table, through the real server without KINORA_ALLOW_PRIVATE_URLS: every URL that names
 * the server's own network is refused, as a remote image and as a webhook target, and a canary listener on 127.0.0.1
 * never sees a connection. The redirect and DNS-rebinding cases need a "public" host, which only a unit test with its
 * own resolver can fake: see src/policy/outbound-http.test.ts.
 */
let server: TestServer;
let canaryConnections = 0;
const canary = http.createServer((_request, response) => response.end('canary'));
canary.on('connection', () => canaryConnections++);

beforeAll(async () => {
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  server = await startTestServer({ KINORA_WEBHOOK_RETRY_BASE_SECONDS: '0.05' }, { workers: 0 });
});
afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => canary.close(resolve));
});

const hostile = (): string[] => {
  const p = (canary.address() as AddressInfo).port;
  return [
    `http://127.0.0.1:${p}/`,
    `http://localhost:${p}/`,
    `http://localhost.:${p}/`,
    `http://[::1]:${p}/`,
    `http://2130706433:${p}/`,
    `http://0x7f000001:${p}/`,
    `http://10.0.0.1:${p}/`,
    'http://169.254.169.254/latest/meta-data/',
    `http://[fd00::1]:${p}/`,
    `http://[::ffff:127.0.0.1]:${p}/`,
    `http://0.0.0.0:${p}/`,
    'http://100.64.0.1/',
  ];
};

describe('SSRF: URLs given by users never reach the private network', () => {
  it('refuses each private, loopback, link-local or metadata URL as a remote input_reference image, with a 400', async () => {
    for (const url of hostile()) {
      const response = await apiRequest(server, 'POST', '/v1/videos', { body: { prompt: 'a cat', size: '854x480', seconds: '1', input_reference: { image_url: url } } });
      expect({ url, status: response.status, param: response.json.error?.param }).toEqual({ url, status: 400, param: 'input_reference.image_url' });
    }
    expect(canaryConnections).toBe(0);
  });

  it('refuses to register each of them as a webhook, with a 400 naming url', async () => {
    for (const url of hostile()) {
      const response = await apiRequest(server, 'POST', '/v1/webhooks', { body: { url } });
      expect({ url, status: response.status, param: response.json.error?.param }).toEqual({ url, status: 400, param: 'url' });
      expect(['url_not_allowed', 'invalid_url']).toContain(response.json.error?.code);
    }
    expect(((await apiRequest<{ data: unknown[] }>(server, 'GET', '/v1/webhooks')).json.data)).toEqual([]);
    expect(canaryConnections).toBe(0);
  });

  it('refuses at delivery too: an endpoint that points at a private address (DNS changed since) gets no connection', async () => {
    // Written straight into the catalog, as if its name had resolved to a public address when it was registered.
    const { key, secret } = await server.catalog.keys.create('app', ['videos:read', 'videos:write']);
    const url = `http://127.0.0.1:${(canary.address() as AddressInfo).port}/hook`;
    await server.catalog.webhooks.createEndpoint({ id: 'webhook_rebound', ownerKeyId: key.id, allKeys: false, url, secret: 'whsec_AAAA', events: ['video.failed'], description: null, createdAt: Date.now() });
    const video = await apiRequest(server, 'POST', '/v1/videos', { key: secret, body: { prompt: 'a cat', size: '854x480', seconds: '1' } });
    expect(video.status).toBe(200);
    // No worker here: the halt ends the queued video as failed, which queues its video.failed event.
    expect((await apiRequest(server, 'POST', '/v1/admin/halt', { body: { reason: 'ssrf test', cancel_queued: true } })).status).toBe(200);
    const log = await waitFor(async () => {
      const { json } = await apiRequest<{ data: Array<{ attempts: number; last_error: string | null; last_status_code: number | null }> }>(server, 'GET', '/v1/webhooks/webhook_rebound/deliveries', { key: secret });
      return json.data[0] && json.data[0].attempts >= 2 ? json.data[0] : undefined;
    }, 'two refused delivery attempts');
    expect(log.last_status_code).toBeNull();
    expect(log.last_error).toMatch(/^address_refused: /);
    expect(canaryConnections).toBe(0);
    await apiRequest(server, 'POST', '/v1/admin/resume', { body: {} });
  });

  it('fetches an image from a private address when the operator allows it (KINORA_ALLOW_PRIVATE_URLS=1)', async () => {
    const png = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'reference.png'));
    const imageHost = http.createServer((_request, response) => response.writeHead(200, { 'content-type': 'image/png' }).end(png));
    await new Promise<void>((resolve) => imageHost.listen(0, '127.0.0.1', resolve));
    const allowing = await startTestServer({ KINORA_ALLOW_PRIVATE_URLS: '1' }, { workers: 0 });
    try {
      const imageUrl = `http://127.0.0.1:${(imageHost.address() as AddressInfo).port}/reference.png`;
      const response = await apiRequest(allowing, 'POST', '/v1/videos', { body: { prompt: 'a paper plane gliding', size: '480x854', seconds: '1', input_reference: { image_url: imageUrl } } });
      expect(response.status, JSON.stringify(response.json)).toBe(200);
    } finally {
      await allowing.close();
      await new Promise((resolve) => imageHost.close(resolve));
    }
  });
});
