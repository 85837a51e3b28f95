import { describe, expect, it } from 'vitest';
import { catalogPerTest } from '../../test/helpers/catalog-per-test.js';
import type { NewVideo } from '../catalog/videos-repository.js';
import type { ApiKey } from '../domain/api-key.js';
import type { ApiError } from '../domain/errors.js';
import { DailyQuota } from './daily-quota.js';

const hourMs = 60 * 60 * 1000;
const start = Date.UTC(2026, 0, 1);

const video = (id: string, owner: string, seconds: number, createdAt: number): NewVideo => ({
  id, ownerKeyId: owner, model: 'kinora-1', prompt: 'a cat', seed: 1, size: '854x480', seconds,
  remixedFromVideoId: null, inputReference: null, plan: null, options: null, operation: null, requestFingerprint: `fp-${id}`, createdAt,
});
const key = (id: string, secondsPerDay: number | null): ApiKey => ({
  id, name: id, prefix: 'kin_x', scopes: ['videos:write'], createdAt: 0, lastUsedAt: null, revokedAt: null,
  expiresAt: null, rateLimitPerMinute: null, secondsPerDay, watermark: false,
} as ApiKey);

describe.each(['sqlite', 'postgres'] as const)('daily video-seconds quota on %s', (dialect) => {
  const catalog = catalogPerTest(dialect);

  /** A quota over the real catalog, with a clock the test moves. */
  function quota(defaultSecondsPerDay: number) {
    let now = start;
    const daily = new DailyQuota({ videos: catalog().videos, defaultSecondsPerDay, now: () => now });
    const refusal = (k: ApiKey, seconds: number) => daily.check(k, video('new', k.id, seconds, now)).then(() => undefined, (e: unknown) => e as ApiError);
    const made = (k: ApiKey, id: string, seconds: number) => catalog().videos.insert(video(id, k.id, seconds, now));
    return { refusal, made, advance: (ms: number) => (now += ms) };
  }

  it('counts the last 24 hours (rolling) and says when enough seconds free up', async () => {
    const { refusal, made, advance } = quota(10);
    const alice = key('alice', null);
    await made(alice, 'a1', 4);
    advance(2 * hourMs);
    await made(alice, 'a2', 4);
    await catalog().videos.insert(video('b1', 'bob', 8, start)); // another key's videos do not count
    expect(await refusal(alice, 2)).toBeUndefined();

    advance(hourMs);
    const refused = await refusal(alice, 6);
    expect(refused).toMatchObject({ status: 429, code: 'daily_quota_exceeded', type: 'rate_limit_error' });
    // 8 used + 6 asked > 10: the first video (4 s) must leave the window, 21 hours from now.
    expect(refused?.headers).toEqual({
      'retry-after': String(21 * 3600),
      'x-ratelimit-limit-video-seconds': '10',
      'x-ratelimit-remaining-video-seconds': '2',
      'x-ratelimit-reset-video-seconds': '21h0m0s',
    });
    expect(refused?.message).toBe('Daily quota exceeded: this API key may make 10 video-seconds in any 24 hours and has used 8 in the last 24 hours; this 6 s video fits in 21h0m0s.');

    advance(21 * hourMs);
    expect(await refusal(alice, 6)).toBeUndefined();
  });

  it('tells a video larger than the whole quota never to retry', async () => {
    const refused = await quota(10).refusal(key('alice', null), 12);
    expect(refused).toMatchObject({ status: 429, code: 'daily_quota_exceeded', param: 'seconds' });
    expect(refused?.headers['x-should-retry']).toBe('false');
    expect(refused?.headers['retry-after']).toBeUndefined();
  });

  it("uses the key's own quota over the default; 0 is unlimited; failed videos do not count", async () => {
    const { refusal, made } = quota(0);
    expect(await refusal(key('free', null), 20)).toBeUndefined();
    const small = key('small', 5);
    await made(small, 's1', 4);
    expect((await refusal(small, 2))?.code).toBe('daily_quota_exceeded');
    await catalog().videos.fail('s1', 0, { code: 'render_failed', message: 'boom' });
    expect(await refusal(small, 2)).toBeUndefined();
    expect(await quota(3).refusal(key('unlimited', 0), 20)).toBeUndefined();
  });
});
