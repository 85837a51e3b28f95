import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeySecret } from '../src/policy/key-format.js';
import { createLogger } from '../src/runtime/logger.js';
import { apiRequest } from './helpers/api-request.js';
import { startTestServer, waitFor, type TestServer } from './helpers/kinora-server.js';
import { asBrowser, cookieValue, signIn } from './helpers/studio-session.js';

/**
 * A server logging at `trace` into a buffer, through the same logger factory `kinora serve` uses, is driven through
 * everything that handles a secret: keys made and used, a studio sign-in and its cookie, refused keys, an upstream
 * engine that quotes its key back in its errors, a video webhook (its signing secret, a URL holding a token, failed
 * deliveries), an alert webhook whose URL holds a token, a server fault on a request with credentials. Then every
 * secret is looked for in the log.
 */
const upstreamKey = `sk-upstream-${generateKeySecret().slice(4, 28)}`;
const webhookToken = `tok_${generateKeySecret().slice(4, 28)}`;
const hookUrlToken = `tok_${generateKeySecret().slice(4, 28)}`;
const unknownKey = generateKeySecret();
const malformedKey = 'sk-not-a-kinora-key-0123456789abcdef';

let logs = '';
let server: TestServer;
let fake: http.Server;
let fakeUrl = '';
const alertsReceived: string[] = [];

/**
 * An upstream that quotes the Authorization it was sent in every error (as real services do, masked or not), and
 * webhook receivers that fail (the alert hook at /alert, a video webhook at any other path).
 */
function startFakeUpstream(): Promise<string> {
  fake = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url?.startsWith('/alert')) {
        alertsReceived.push(body);
        response.writeHead(500).end('webhook receiver broke');
        return;
      }
      const quoted = `Incorrect API key provided: ${request.headers.authorization ?? ''}`;
      const status = request.url?.startsWith('/v1/models') ? 401 : 500;
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: quoted, type: 'invalid_request_error', code: null } }));
    });
  });
  return new Promise((resolve) => fake.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(fake.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  fakeUrl = await startFakeUpstream();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs += chunk.toString();
      done();
    },
  });
  server = await startTestServer(
    {
      KINORA_UPSTREAM_URL: `${fakeUrl}/v1`,
      KINORA_UPSTREAM_API_KEY: upstreamKey,
      KINORA_UPSTREAM_MODELS: 'sora-2',
      KINORA_MAX_ATTEMPTS: '1',
      KINORA_ALERT_WEBHOOK_URL: `${fakeUrl}/alert?token=${webhookToken}`,
      // Low enough that one burst of a new key is taken for a leak (and alerted), high enough for the admin's calls.
      KINORA_LEAK_MIN_REQUESTS: '30',
      // The fake receivers listen on loopback.
      KINORA_ALLOW_PRIVATE_URLS: '1',
    },
    { logger: createLogger('trace', sink) },
  );
}, 120_000);
afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => fake?.close(resolve));
});

describe('the log at trace level', () => {
  it('holds no key, session cookie, upstream key or webhook token', async () => {
    const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
    const made = await apiRequest<{ secret: string }>(server, 'POST', '/v1/keys', { body: { name: 'log test' } });
    expect(made.status).toBe(200);
    const keySecret = made.json.secret;

    const session = await signIn(server, keySecret);
    expect(session.response.status).toBe(200);
    const sessionSecret = cookieValue(session.setCookies, 'kinora_session')!;
    expect((await asBrowser(server, session, '/v1/videos')).status).toBe(200);
    expect((await asBrowser(server, session, '/v1/videos', { method: 'POST', body: '{}' })).status).toBe(403); // no CSRF token

    for (const secret of [unknownKey, malformedKey]) {
      expect((await fetch(`${server.url}/v1/videos`, { headers: bearer(secret) })).status).toBe(401);
    }
    expect((await fetch(`${server.url}/v1/videos?access_token=${keySecret}`, { headers: bearer(keySecret) })).status).toBe(400);
    expect((await fetch(`${server.url}/v1/videos/${keySecret}`, { headers: bearer(keySecret) })).status).toBe(404);

    const hook = await apiRequest<{ secret: string }>(server, 'POST', '/v1/webhooks', { body: { url: `${fakeUrl}/hook?token=${hookUrlToken}` } });
    expect(hook.status).toBe(200);

    // The upstream refuses the video quoting the key: the job fails, the worker logs why, and its webhook fails too.
    const upstreamVideo = await apiRequest<{ id: string }>(server, 'POST', '/v1/videos', { body: { model: 'upstream:sora-2', prompt: 'a red kite', size: '1280x720', seconds: '4' } });
    expect(upstreamVideo.status).toBe(200);
    await waitFor(async () => ((await server.catalog.videos.findLive(upstreamVideo.json.id))?.status === 'failed' ? true : undefined), 'the upstream video to fail');
    await waitFor(() => Promise.resolve(logs.includes('webhook attempt failed') ? true : undefined), 'the webhook attempt to be logged');

    // A server fault on a request carrying a key and a cookie.
    const videos = server.catalog.videos;
    const findOwned = videos.findOwned.bind(videos);
    videos.findOwned = () => Promise.reject(new Error('the catalog broke'));
    try {
      const fault = await fetch(`${server.url}/v1/videos/video_000000000000000000000000`, { headers: { ...bearer(keySecret), cookie: session.cookie } });
      expect(fault.status).toBe(500);
    } finally {
      videos.findOwned = findOwned;
    }

    // A burst of the new key trips the leak watch: the alert goes to the log and to the webhook (which fails).
    let status = 200;
    for (let i = 0; i < 40 && status === 200; i++) status = (await fetch(`${server.url}/v1/models`, { headers: bearer(keySecret) })).status;
    expect(status).toBe(403);
    await waitFor(() => Promise.resolve(logs.includes('alert webhook answered with an error') ? true : undefined), 'the alert webhook failure to be logged');

    // The paths that handle secrets were all taken (so an empty or partial log cannot pass).
    expect(alertsReceived).toHaveLength(1);
    for (const line of ['could not list the upstream models', 'the catalog broke', 'webhook attempt failed', 'alert: key.suspended', 'alert webhook answered with an error']) {
      expect(logs).toContain(line);
    }
    const secrets = { 'admin key': server.adminKey, 'created key': keySecret, 'unknown key': unknownKey, 'malformed key': malformedKey, 'session cookie': sessionSecret, 'CSRF token': session.csrf, 'upstream key': upstreamKey, 'alert URL token': webhookToken, 'webhook URL token': hookUrlToken, 'webhook secret': hook.json.secret };
    for (const [what, secret] of Object.entries(secrets)) expect(logs.includes(secret), `${what} in the log`).toBe(false);
    expect(logs.match(/kin_[0-9A-Za-z]{32}_[0-9A-Za-z]{6}/g) ?? []).toEqual([]);
    expect(logs.match(/sk-[\w-]{12,}/g) ?? []).toEqual([]);
  });

  it('censors credentials in any object a line carries, should a request or a config ever be logged whole', () => {
    const lines = logs.length;
    server.app.log.info({ req: { headers: { authorization: `Bearer ${server.adminKey}`, cookie: `kinora_session=${webhookToken}` } }, upstream: { url: 'https://api.example', apiKey: upstreamKey } }, 'a careless line');
    const line = logs.slice(lines);
    expect(line).toContain('a careless line');
    expect(line).toContain('[redacted]');
    for (const secret of [server.adminKey, webhookToken, upstreamKey]) expect(line).not.toContain(secret);
  });
});
