import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../domain/api-key.js';
import { ApiError } from '../domain/errors.js';
import { formatResetDuration, rateLimitGuard } from './rate-limit.js';
import { InMemoryRequestCounter } from './request-counter.js';

const key = (id: string, rateLimitPerMinute: number | null = null): ApiKey => ({
  id, name: id, prefix: 'kin_x', scopes: ['videos:read'], createdAt: 0, lastUsedAt: null, revokedAt: null,
  expiresAt: null, rateLimitPerMinute, secondsPerDay: null, watermark: false,
} as ApiKey);

/** A guard with a clock the test moves, and a way to call it as one request would. */
function limiter(defaultPerMinute: number) {
  let now = 1_000_000;
  const guard = rateLimitGuard({ counter: new InMemoryRequestCounter(), defaultPerMinute, now: () => now });
  const call = async (k: ApiKey) => {
    const request = { notedHeaders: null } as FastifyRequest;
    const error = await guard(request, k).then(() => undefined, (e: unknown) => e);
    return { headers: request.notedHeaders, error: error as ApiError | undefined };
  };
  return { call, advance: (ms: number) => (now += ms) };
}

describe('rate limit guard', () => {
  it('counts requests per key per minute, refuses past the limit with retry-after, and resets after the minute', async () => {
    const { call, advance } = limiter(3);
    const alice = key('alice');
    expect((await call(alice)).headers).toEqual({ 'x-ratelimit-limit-requests': '3', 'x-ratelimit-remaining-requests': '2', 'x-ratelimit-reset-requests': '1m0s' });
    advance(15_000);
    await call(alice);
    const third = await call(alice);
    expect(third.error).toBeUndefined();
    expect(third.headers?.['x-ratelimit-remaining-requests']).toBe('0');

    advance(14_500);
    const refused = await call(alice);
    expect(refused.error).toBeInstanceOf(ApiError);
    expect(refused.error).toMatchObject({ status: 429, code: 'rate_limit_exceeded', type: 'rate_limit_error', headers: { 'retry-after': '31' } });
    expect(refused.error?.message).toBe('Rate limit reached: this API key may make 3 requests a minute. The limit resets in 31s.');
    expect(refused.headers).toMatchObject({ 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '31s' });

    // Another key has its own count.
    expect((await call(key('bob'))).error).toBeUndefined();

    advance(30_500); // the minute that began with alice's first request is over
    const next = await call(alice);
    expect(next.error).toBeUndefined();
    expect(next.headers).toMatchObject({ 'x-ratelimit-remaining-requests': '2', 'x-ratelimit-reset-requests': '1m0s' });
  });

  it("uses the key's own limit over the default, and 0 means unlimited (no count, no headers)", async () => {
    const { call } = limiter(1);
    const generous = key('generous', 5);
    for (let i = 0; i < 5; i++) expect((await call(generous)).error).toBeUndefined();
    expect((await call(generous)).error?.status).toBe(429);
    const unlimited = key('unlimited', 0);
    for (let i = 0; i < 20; i++) expect(await call(unlimited)).toEqual({ headers: null, error: undefined });
    expect((await limiter(0).call(key('default-unlimited'))).headers).toBeNull();
  });

  it("writes waits in OpenAI's duration format", () => {
    expect(formatResetDuration(250)).toBe('250ms');
    expect(formatResetDuration(1000)).toBe('1s');
    expect(formatResetDuration(1001)).toBe('2s');
    expect(formatResetDuration(360_000)).toBe('6m0s');
    expect(formatResetDuration(3_605_000)).toBe('1h0m5s');
  });
});
