import OpenAI, { RateLimitError } from 'openai';
import type { VideoSeconds, VideoSize } from 'openai/resources/videos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest } from './helpers/api-request.js';
import { startTestServer, type TestServer } from './helpers/kinora-server.js';

interface KeyObject {
  id: string;
  object: string;
  name: string;
  prefix: string;
  scopes: string[];
  expires_at: number | null;
  revoked_at: number | null;
  rate_limit_per_minute: number | null;
  seconds_per_day: number | null;
  watermark: boolean;
  secret?: string;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, { workers: 0 });
});
afterAll(async () => server?.close());

const createKey = async (body: Record<string, unknown>) => {
  const response = await apiRequest<KeyObject>(server, 'POST', '/v1/keys', { body });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json as KeyObject & { secret: string };
};
const sdk = (apiKey: string) => new OpenAI({ baseURL: `${server.url}/v1`, apiKey, maxRetries: 0 });
/** What the SDK threw, for assertions on its class, status, code and headers. */
const thrown = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

describe('admin key routes', () => {
  it('create answers the secret once; get and list never show a secret or hash', async () => {
    const before = Math.floor(Date.now() / 1000);
    const created = await createKey({ name: 'alice', scopes: ['videos:read'], expires_in_days: 30, rate_limit_per_minute: 100, seconds_per_day: 60, watermark: true });
    expect(created).toMatchObject({ object: 'api_key', name: 'alice', scopes: ['videos:read'], rate_limit_per_minute: 100, seconds_per_day: 60, watermark: true, revoked_at: null });
    expect(created.secret).toMatch(/^kin_[0-9A-Za-z]{32}_[0-9A-Za-z]{6}$/);
    expect(created.secret.startsWith(created.prefix)).toBe(true);
    expect(created.expires_at! - before).toBeGreaterThanOrEqual(30 * 86400 - 1);
    expect(created.expires_at! - before).toBeLessThanOrEqual(30 * 86400 + 5);

    // The secret works as a key...
    expect((await apiRequest(server, 'GET', '/v1/videos', { key: created.secret })).status).toBe(200);
    // ...and is never shown again.
    const fetched = await apiRequest<KeyObject>(server, 'GET', `/v1/keys/${created.id}`);
    expect(fetched.json).toEqual({ ...created, secret: undefined, last_used_at: expect.any(Number) as number });
    const listed = await apiRequest<{ object: string; data: KeyObject[]; has_more: boolean }>(server, 'GET', '/v1/keys');
    expect(listed.json).toMatchObject({ object: 'list', has_more: false });
    expect(listed.json.data.map((k) => k.id)).toContain(created.id);
    const text = JSON.stringify(listed.json);
    expect(text).not.toContain(created.secret);
    expect(text).not.toMatch(/"(secret|hash)"/);
    expect(text).not.toContain(server.adminKey);
  });

  it('patch changes name, scopes, expiry, limits and watermark; null returns a limit to the default', async () => {
    const key = await createKey({ name: 'bob', scopes: ['videos:read'] });
    expect(key).toMatchObject({ expires_at: null, rate_limit_per_minute: null, seconds_per_day: null, watermark: false });
    const expiresAt = Math.floor(Date.now() / 1000) + 3600;
    const patched = await apiRequest<KeyObject>(server, 'PATCH', `/v1/keys/${key.id}`, {
      body: { name: 'bob (ci)', scopes: ['videos:read', 'videos:write'], expires_at: expiresAt, rate_limit_per_minute: 0, seconds_per_day: 30, watermark: true },
    });
    expect(patched.json).toMatchObject({ id: key.id, name: 'bob (ci)', scopes: ['videos:read', 'videos:write'], expires_at: expiresAt, rate_limit_per_minute: 0, seconds_per_day: 30, watermark: true });
    const reset = await apiRequest<KeyObject>(server, 'PATCH', `/v1/keys/${key.id}`, { body: { expires_at: null, seconds_per_day: null } });
    expect(reset.json).toMatchObject({ name: 'bob (ci)', expires_at: null, rate_limit_per_minute: 0, seconds_per_day: null });
    // The new scope works at once.
    const made = await apiRequest(server, 'POST', '/v1/videos', { key: key.secret, body: { prompt: 'a cat', seconds: '1', size: '854x480' } });
    expect(made.status).toBe(200);
  });

  it('refuses bad bodies and unknown ids with OpenAI error JSON', async () => {
    const cases: Array<[string, string, unknown, number, string | null, string]> = [
      ['POST', '/v1/keys', { name: 'x', colour: 'red' }, 400, 'colour', 'unknown_parameter'],
      ['POST', '/v1/keys', { scopes: ['videos:read'] }, 400, 'name', 'missing_required_parameter'],
      ['POST', '/v1/keys', { name: 'x', scopes: ['root'] }, 400, 'scopes[0]', 'invalid_value'],
      ['POST', '/v1/keys', { name: 'x', scopes: [] }, 400, 'scopes', 'invalid_value'],
      ['POST', '/v1/keys', { name: 'x', rate_limit_per_minute: -1 }, 400, 'rate_limit_per_minute', 'invalid_value'],
      ['POST', '/v1/keys', { name: 'x', seconds_per_day: 1.5 }, 400, 'seconds_per_day', 'invalid_value'],
      ['POST', '/v1/keys', { name: 'x', expires_at: 1000 }, 400, 'expires_at', 'invalid_value'],
      ['POST', '/v1/keys', { name: 'x', expires_at: 4_000_000_000, expires_in_days: 3 }, 400, 'expires_in_days', 'invalid_value'],
      ['POST', '/v1/keys', { name: 'x', watermark: 'yes' }, 400, 'watermark', 'invalid_value'],
      ['PATCH', '/v1/keys/key_missing', { name: 'x' }, 404, 'key_id', 'api_key_not_found'],
      ['GET', '/v1/keys/key_missing', undefined, 404, 'key_id', 'api_key_not_found'],
      ['DELETE', '/v1/keys/key_missing', undefined, 404, 'key_id', 'api_key_not_found'],
    ];
    for (const [method, route, body, status, param, code] of cases) {
      const response = await apiRequest(server, method, route, { body });
      expect({ method, route, body, status: response.status, param: response.json.error?.param, code: response.json.error?.code }).toEqual({ method, route, body, status, param, code });
      expect(Object.keys(response.json.error!).sort()).toEqual(['code', 'message', 'param', 'type']);
    }
  });

  it('revoke takes effect on the very next request, for a bearer key and a studio session alike', async () => {
    const key = await createKey({ name: 'carol', scopes: ['videos:read'] });
    expect((await apiRequest(server, 'GET', '/v1/videos', { key: key.secret })).status).toBe(200);
    const signIn = await fetch(`${server.url}/studio/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ api_key: key.secret }) });
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    expect((await fetch(`${server.url}/v1/videos`, { headers: { cookie } })).status).toBe(200);

    const revoked = await apiRequest(server, 'DELETE', `/v1/keys/${key.id}`);
    expect(revoked.json).toEqual({ id: key.id, object: 'api_key.deleted', deleted: true });
    const refused = await apiRequest(server, 'GET', '/v1/videos', { key: key.secret });
    expect(refused.status).toBe(401);
    expect(refused.json.error?.code).toBe('invalid_api_key');
    expect((await fetch(`${server.url}/v1/videos`, { headers: { cookie } })).status).toBe(401);
    expect((await apiRequest<KeyObject>(server, 'GET', `/v1/keys/${key.id}`)).json.revoked_at).toEqual(expect.any(Number));
    // Revoking again changes nothing; changing a revoked key is refused.
    expect((await apiRequest(server, 'DELETE', `/v1/keys/${key.id}`)).status).toBe(200);
    expect((await apiRequest(server, 'PATCH', `/v1/keys/${key.id}`, { body: { name: 'back' } })).json.error?.code).toBe('api_key_revoked');
  });

  it('never revokes or strips admin from the last active admin key', async () => {
    const admins = (await apiRequest<{ data: KeyObject[] }>(server, 'GET', '/v1/keys')).json.data.filter((k) => k.scopes.includes('admin') && k.revoked_at === null);
    expect(admins).toHaveLength(1);
    const first = admins[0]!;
    for (const [method, body, what] of [['DELETE', undefined, 'revoking it'], ['PATCH', { scopes: ['videos:read'] }, "removing its 'admin' scope"]] as const) {
      const refused = await apiRequest(server, method, `/v1/keys/${first.id}`, { body });
      expect(refused.status).toBe(409);
      expect(refused.json.error).toMatchObject({ code: 'last_admin_key', type: 'conflict_error', param: 'key_id' });
      expect(refused.json.error?.message).toContain(`last active admin key: ${what}`);
    }
    expect((await apiRequest(server, 'GET', '/v1/keys')).status).toBe(200);

    // With a second admin key, the first may go; then the second is the last one.
    const second = await createKey({ name: 'second admin', scopes: ['admin'] });
    expect((await apiRequest(server, 'DELETE', `/v1/keys/${first.id}`, { key: second.secret })).status).toBe(200);
    expect((await apiRequest(server, 'GET', '/v1/keys', { key: server.adminKey })).status).toBe(401);
    expect((await apiRequest(server, 'DELETE', `/v1/keys/${second.id}`, { key: second.secret })).status).toBe(409);
    server.adminKey = second.secret;
  });

  it('are for admin keys only', async () => {
    const reader = await createKey({ name: 'reader', scopes: ['videos:read', 'videos:write', 'gallery:publish'] });
    const refused = await apiRequest(server, 'GET', '/v1/keys', { key: reader.secret });
    expect(refused.status).toBe(403);
    expect(refused.json.error?.code).toBe('insufficient_scope');
  });
});

describe('key expiry', () => {
  it('refuses a key past its expiry with 401 api_key_expired, over the API and at studio sign-in', async () => {
    const key = await createKey({ name: 'temp', scopes: ['videos:read'], expires_in_days: 1 });
    expect((await apiRequest(server, 'GET', '/v1/videos', { key: key.secret })).status).toBe(200);
    await server.catalog.keys.update(key.id, { expiresAt: Date.now() - 1000 });

    const refused = await apiRequest(server, 'GET', '/v1/videos', { key: key.secret });
    expect(refused.status).toBe(401);
    expect(refused.json.error).toMatchObject({ code: 'api_key_expired', type: 'authentication_error' });
    expect(refused.json.error?.message).toMatch(/^This API key expired at \d{4}-\d\d-\d\dT/);
    const error = await thrown(sdk(key.secret).videos.list());
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((error as InstanceType<typeof OpenAI.AuthenticationError>).code).toBe('api_key_expired');

    const signIn = await fetch(`${server.url}/studio/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ api_key: key.secret }) });
    expect(signIn.status).toBe(401);
    expect(((await signIn.json()) as { error: { code: string } }).error.code).toBe('api_key_expired');
  });
});

describe('per-key rate limit', () => {
  it('sends the x-ratelimit headers on every keyed response, and a 429 the SDK raises as RateLimitError', async () => {
    const key = await createKey({ name: 'limited', scopes: ['videos:read'], rate_limit_per_minute: 3 });
    const first = await apiRequest(server, 'GET', '/v1/videos', { key: key.secret });
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-limit-requests')).toBe('3');
    expect(first.headers.get('x-ratelimit-remaining-requests')).toBe('2');
    expect(first.headers.get('x-ratelimit-reset-requests')).toMatch(/^(\d+s|1m0s)$/);
    // Error responses carry them too (a scope refusal still counts).
    const forbidden = await apiRequest(server, 'POST', '/v1/videos', { key: key.secret, body: { prompt: 'a cat' } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('x-ratelimit-remaining-requests')).toBe('1');

    const client = sdk(key.secret);
    await client.videos.list();
    const error = await thrown(client.videos.list());
    expect(error).toBeInstanceOf(RateLimitError);
    const limited = error as RateLimitError;
    expect(limited.status).toBe(429);
    expect(limited.code).toBe('rate_limit_exceeded');
    expect(limited.message).toMatch(/this API key may make 3 requests a minute\. The limit resets in (\d+s|1m0s)\./);
    const retryAfter = Number(limited.headers?.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers?.get('x-ratelimit-limit-requests')).toBe('3');
    expect(limited.headers?.get('x-ratelimit-remaining-requests')).toBe('0');

    // Other keys are not held back by this one.
    expect((await apiRequest(server, 'GET', '/v1/videos')).status).toBe(200);
  });

  it('sends them on the event stream too, whose reply bypasses the usual hooks', async () => {
    const key = await createKey({ name: 'watcher', rate_limit_per_minute: 50 });
    const made = await apiRequest<{ id: string }>(server, 'POST', '/v1/videos', { key: key.secret, body: { prompt: 'a cat', seconds: '1', size: '854x480' } });
    const stop = new AbortController();
    const events = await fetch(`${server.url}/v1/videos/${made.json.id}/events`, { headers: { authorization: `Bearer ${key.secret}` }, signal: stop.signal });
    stop.abort();
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    expect(events.headers.get('x-ratelimit-limit-requests')).toBe('50');
    expect(events.headers.get('x-ratelimit-remaining-requests')).toBe('48');
  });
});

describe('daily video-seconds quota', () => {
  it('refuses a video past the quota with retry-after, and one larger than the quota with x-should-retry: false', async () => {
    const key = await createKey({ name: 'quota', scopes: ['videos:read', 'videos:write'], seconds_per_day: 5 });
    const client = sdk(key.secret);
    const seconds = (s: string) => s as VideoSeconds;
    const size = '854x480' as VideoSize;
    await client.videos.create({ model: 'kinora-1', prompt: 'a red fox', seconds: seconds('4'), size });

    const over = await thrown(client.videos.create({ model: 'kinora-1', prompt: 'a blue fox', seconds: seconds('2'), size }));
    expect(over).toBeInstanceOf(RateLimitError);
    const refused = over as RateLimitError;
    expect(refused.code).toBe('daily_quota_exceeded');
    expect(refused.message).toContain('may make 5 video-seconds in any 24 hours and has used 4');
    const retryAfter = Number(refused.headers?.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(86_400 - 120);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    expect(refused.headers?.get('x-should-retry')).toBeNull();
    expect(refused.headers?.get('x-ratelimit-remaining-video-seconds')).toBe('1');

    const never = (await thrown(client.videos.create({ model: 'kinora-1', prompt: 'a green fox', seconds: seconds('8'), size }))) as RateLimitError;
    expect(never).toBeInstanceOf(RateLimitError);
    expect(never.headers?.get('x-should-retry')).toBe('false');
    expect(never.message).toContain('more than the whole quota');
  });
});
