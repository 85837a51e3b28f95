import dns from 'node:dns';
import http from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboundError, outboundRequest, type OutboundPolicy } from './outbound-http.js';

/**
 * The connect-time guard, without the early check in front of it: a canary listener on 127.0.0.1 must never see a
 * connection. A "public" server is played by 127.0.0.2, which a test policy lets through, reached by a name that an
 * injected resolver answers; it redirects to private addresses, so each hop's own check is what stops them.
 */
let canaryConnections = 0;
const canary = http.createServer((_request, response) => response.end('canary'));
canary.on('connection', () => canaryConnections++);
const publicServer = http.createServer((request, response) => {
  const routes: Record<string, () => void> = {
    '/to-loopback': () => response.writeHead(302, { location: `http://127.0.0.1:${port(canary)}/` }).end(),
    '/to-localhost': () => response.writeHead(302, { location: `http://localhost:${port(canary)}/` }).end(),
    '/to-metadata': () => response.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    '/to-self': () => response.writeHead(302, { location: '/image' }).end(),
    '/loop': () => response.writeHead(302, { location: '/loop' }).end(),
    '/image': () => response.end('image bytes'),
    '/big': () => response.end(Buffer.alloc(64 * 1024)),
    '/slow': () => undefined,
  };
  (routes[request.url ?? ''] ?? (() => response.writeHead(404).end()))();
});
const port = (server: http.Server): number => (server.address() as AddressInfo).port;

/** Test DNS: `public.test` is the stand-in public server, `rebind.test` a name that resolves to loopback. */
const testLookup: LookupFunction = (hostname, options, callback) => {
  const address = { 'public.test': '127.0.0.2', 'rebind.test': '127.0.0.1' }[hostname];
  if (address === undefined) return dns.lookup(hostname, options, callback);
  if (options.all) return callback(null, [{ address, family: 4 }]);
  callback(null, address, 4);
};
const guarded: OutboundPolicy = { allowPrivate: false, lookup: testLookup, isAllowedAddress: (address) => address === '127.0.0.2' };
const limits = { maxBytes: 1024 * 1024, timeoutMs: 5000, maxRedirects: 3 };

async function failure(url: string, policy: OutboundPolicy = { allowPrivate: false }, init = limits): Promise<OutboundError> {
  const error = await outboundRequest(url, init, policy).then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(OutboundError);
  return error as OutboundError;
}

beforeAll(async () => {
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => publicServer.listen(0, '127.0.0.2', resolve));
});
afterAll(async () => {
  publicServer.closeAllConnections();
  await new Promise((resolve) => publicServer.close(resolve));
  await new Promise((resolve) => canary.close(resolve));
});

describe('outbound HTTP client (connect-time SSRF guard)', () => {
  it('refuses loopback, private, link-local, CGNAT, multicast, unspecified and IPv4-mapped addresses, written any way', async () => {
    const p = port(canary);
    const urls = [
      `http://127.0.0.1:${p}/`,
      `http://localhost:${p}/`,
      `http://[::1]:${p}/`,
      `http://2130706433:${p}/`,
      `http://0x7f000001:${p}/`,
      `http://0177.0.0.1:${p}/`,
      `http://[::ffff:127.0.0.1]:${p}/`,
      `http://0.0.0.0:${p}/`,
      'http://10.0.0.1/',
      'http://192.168.1.1/',
      'http://172.16.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://100.64.0.1/',
      'http://224.0.0.1/',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
      'http://[::ffff:169.254.169.254]/',
    ];
    for (const url of urls) expect({ url, reason: (await failure(url)).reason }).toEqual({ url, reason: 'address_refused' });
    expect(canaryConnections).toBe(0);
  });

  it('checks the address a name resolves to when connecting (DNS rebinding), not only the name', async () => {
    expect((await failure(`http://rebind.test:${port(canary)}/`, guarded)).reason).toBe('address_refused');
    expect(canaryConnections).toBe(0);
  });

  it('re-checks every redirect hop: a public URL that redirects to a private address is refused', async () => {
    const base = `http://public.test:${port(publicServer)}`;
    for (const route of ['/to-loopback', '/to-localhost', '/to-metadata']) {
      expect((await failure(`${base}${route}`, guarded)).reason).toBe('address_refused');
    }
    expect(canaryConnections).toBe(0);
    const followed = await outboundRequest(`${base}/to-self`, limits, guarded);
    expect({ status: followed.status, body: followed.body.toString(), path: followed.url.pathname }).toEqual({ status: 200, body: 'image bytes', path: '/image' });
    expect((await failure(`${base}/loop`, guarded)).reason).toBe('too_many_redirects');
    const unfollowed = await outboundRequest(`${base}/to-loopback`, { ...limits, maxRedirects: 0 }, guarded);
    expect(unfollowed.status).toBe(302);
    expect(canaryConnections).toBe(0);
  });

  it('cuts off an answer past its size or time limit', async () => {
    const base = `http://public.test:${port(publicServer)}`;
    expect((await failure(`${base}/big`, guarded, { ...limits, maxBytes: 1000 })).reason).toBe('too_large');
    expect((await failure(`${base}/slow`, guarded, { ...limits, timeoutMs: 300 })).reason).toBe('timeout');
    expect((await failure('ftp://public.test/', guarded)).reason).toBe('invalid_url');
  });

  it('reaches a private address when the operator allows it (KINORA_ALLOW_PRIVATE_URLS=1)', async () => {
    const answer = await outboundRequest(`http://127.0.0.1:${port(canary)}/`, limits, { allowPrivate: true });
    expect({ status: answer.status, body: answer.body.toString() }).toEqual({ status: 200, body: 'canary' });
    expect(canaryConnections).toBe(1);
  });
});
