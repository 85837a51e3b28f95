import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSessionCookies } from '../src/api/studio-session.js';
import { installSecurityHeaders } from '../src/policy/response-headers.js';
import { startTestServer, tempDataDir, type TestServer } from './helpers/kinora-server.js';
import { apiRequest } from './helpers/api-request.js';
import { signIn } from './helpers/studio-session.js';

/** The headers of every answer, API and studio, over real HTTP: framing, sniffing, referrers, CORS, HSTS, a 500. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, { workers: 0 });
});
afterAll(async () => server?.close());

const evil = 'https://evil.example';

function expectSecurityHeaders(response: Response, what: string): void {
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('x-frame-options'), what).toBe('DENY');
  expect(response.headers.get('referrer-policy'), what).toBe('same-origin');
  expect(response.headers.get('x-powered-by'), what).toBeNull();
  // Plain http: HSTS would mean nothing (browsers ignore it there) and must not be claimed.
  expect(response.headers.get('strict-transport-security'), what).toBeNull();
  // Never granted to another origin, and never "*" (with credentials or without).
  expect(response.headers.get('access-control-allow-origin'), what).toBeNull();
  expect(response.headers.get('access-control-allow-credentials'), what).toBeNull();
}

describe('every response', () => {
  it('carries nosniff, DENY framing and a same-origin referrer policy, success or error, API or studio', async () => {
    const bearer = { authorization: `Bearer ${server.adminKey}` };
    const page = await fetch(`${server.url}/`);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
    expect(script, 'the studio page names its bundle').toBeDefined();
    const requests: Array<[string, string, RequestInit?]> = [
      ['a list', '/v1/videos', { headers: bearer }],
      ['no key', '/v1/videos'],
      ['a wrong key', '/v1/videos', { headers: { authorization: 'Bearer kin_00000000000000000000000000000000_000000' } }],
      ['an unknown video', '/v1/videos/video_000000000000000000000000', { headers: bearer }],
      ['an unknown URL', '/v1/nothing-here', { headers: bearer }],
      ['a malformed URL', '/v1/videos/%zz', { headers: bearer }],
      ['bad JSON', '/v1/videos', { method: 'POST', headers: { ...bearer, 'content-type': 'application/json' }, body: '{' }],
      ['the models', '/v1/models', { headers: bearer }],
      ['health', '/healthz'],
      ['the studio session', '/studio/session'],
      ['a studio bundle', script!],
      ['a cross-site read', '/v1/videos', { headers: { ...bearer, origin: evil } }],
      ['a CORS preflight', '/v1/videos', { method: 'OPTIONS', headers: { origin: evil, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } }],
    ];
    for (const [what, route, init] of requests) expectSecurityHeaders(await fetch(`${server.url}${route}`, init), what);
  });

  it('carries them on answers written to the socket before any route runs (broken HTTP)', async () => {
    const { port } = new URL(server.url);
    const answer = await new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/\r\nx-content-type-options: nosniff\r\n/i);
    expect(head).toMatch(/\r\nx-frame-options: DENY\r\n/i);
    expect(head).toMatch(/\r\nreferrer-policy: same-origin\r\n/i);
    expect((JSON.parse(body) as { error: { code: string } }).error.code).toBe('malformed_request');
  });

  it('carries them on the event stream too, whose reply is written by hand', async () => {
    const { json } = await apiRequest<{ id: string }>(server, 'POST', '/v1/videos', { body: { prompt: 'a red kite over the hills', size: '854x480', seconds: '1' } });
    const stop = new AbortController();
    const stream = await fetch(`${server.url}/v1/videos/${json.id}/events`, { headers: { authorization: `Bearer ${server.adminKey}` }, signal: stop.signal });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expectSecurityHeaders(stream, 'the event stream');
    expect(stream.headers.get('x-request-id')).toMatch(/^req_/);
    stop.abort();
  });

  it('frames no studio page, by CSP and by X-Frame-Options', async () => {
    for (const route of ['/', '/library', '/gallery']) {
      const response = await fetch(`${server.url}${route}`);
      expect(response.status).toBe(200);
      expectSecurityHeaders(response, route);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  it('grants no CORS to a signed-in studio session read from another site', async () => {
    const session = await signIn(server);
    const response = await fetch(`${server.url}/v1/videos`, { headers: { cookie: session.cookie, origin: evil } });
    expectSecurityHeaders(response, 'a cookie read with a foreign Origin');
  });
});

describe('a server fault', () => {
  it('answers a generic 500 in the error shape: no message, stack or path of the fault', async () => {
    const videos = server.catalog.videos;
    const findOwned = videos.findOwned.bind(videos);
    videos.findOwned = () => Promise.reject(new Error('catalog exploded reading /srv/kinora/secret.db'));
    try {
      const response = await fetch(`${server.url}/v1/videos/video_000000000000000000000000`, { headers: { authorization: `Bearer ${server.adminKey}` } });
      expect(response.status).toBe(500);
      expectSecurityHeaders(response, 'a 500');
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: 'server_error' },
      });
      for (const leak of ['exploded', 'secret.db', '/srv', 'at ', '.ts:', '.js:']) expect(text).not.toContain(leak);
    } finally {
      videos.findOwned = findOwned;
    }
  });
});

describe('over https', () => {
  // Kinora itself listens on plain http (TLS ends at a proxy); these headers follow request.protocol, so a real TLS
  // listener with the same hook and cookie code shows what a browser gets once the request is https.
  const dir = tempDataDir('tls');
  const trusting = new Agent({ connect: { rejectUnauthorized: false } });
  let url = '';
  let closeTls = (): Promise<void> => Promise.resolve();

  beforeAll(async () => {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=localhost', '-days', '1', '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' });
    const tls = Fastify({ https: { key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) } });
    closeTls = () => tls.close();
    await tls.register(cookie);
    installSecurityHeaders(tls);
    tls.post('/sign-in', (request, reply) => {
      setSessionCookies(request, reply, { secret: 'a-session-secret', session: {} as never });
      return reply.send({ ok: true });
    });
    url = await tls.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await closeTls();
    await trusting.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('adds HSTS and marks both session cookies Secure, HttpOnly for the secret, SameSite=Strict', async () => {
    const response = await undiciFetch(`${url}/sign-in`, { method: 'POST', dispatcher: trusting });
    expect(response.status).toBe(200);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const cookies = response.headers.getSetCookie();
    const sessionLine = cookies.find((line) => line.startsWith('kinora_session=')) ?? '';
    const csrfLine = cookies.find((line) => line.startsWith('kinora_csrf=')) ?? '';
    expect(sessionLine).toMatch(/; Secure/);
    expect(sessionLine).toMatch(/; HttpOnly/);
    expect(sessionLine).toMatch(/; SameSite=Strict/);
    expect(csrfLine).toMatch(/; Secure/);
    expect(csrfLine).toMatch(/; SameSite=Strict/);
  });
});

describe('behind a TLS proxy named in KINORA_TRUST_PROXY', () => {
  let proxied: TestServer;
  beforeAll(async () => {
    proxied = await startTestServer({ KINORA_TRUST_PROXY: '127.0.0.1' }, { workers: 0 });
  });
  afterAll(async () => proxied?.close());

  it("takes the proxy's word that the request came over https, and only the proxy's", async () => {
    const forwarded = await fetch(`${proxied.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(forwarded.headers.get('strict-transport-security')).toBe('max-age=31536000');
    // The plain server (no proxy trusted) ignores the same header: a client cannot claim https for itself.
    const direct = await fetch(`${server.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(direct.headers.get('strict-transport-security')).toBeNull();
  });
});
