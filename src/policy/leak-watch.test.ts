import type { FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRedisKeys, freshRedisPrefix, redisUrl } from '../../test/helpers/redis-prefix.js';
import type { AuditEvent } from '../catalog/audit-repository.js';
import type { ControlRepository } from '../catalog/control-repository.js';
import type { NewVideo } from '../catalog/videos-repository.js';
import type { ApiKey, KeySuspension } from '../domain/api-key.js';
import type { AlertEvent } from './alert-webhook.js';
import { MemoryUsageBaseline, type UsageBaseline, type UsageWindows } from './leak-baseline.js';
import { LeakWatch, leakReason, type LeakWatchSettings } from './leak-watch.js';
import { openCounterConnection } from './redis-request-counter.js';
import { RedisUsageBaseline } from './redis-usage-baseline.js';

const settings: LeakWatchSettings = { factor: 10, floors: { requests: 100, videoSeconds: 120, addresses: 8 }, windowSeconds: 60 };
const key = { id: 'key_1', name: 'app' } as ApiKey;
const request = (ip: string) => ({ ip }) as FastifyRequest;

/** A leak watch over a clock the test moves, recording what it suspends, audits and alerts. */
function watch() {
  let now = 1_000_000_000_000;
  const suspensions: KeySuspension[] = [];
  const audits: AuditEvent[] = [];
  const alerts: AlertEvent[] = [];
  let stored: KeySuspension | null = null;
  const control = {
    suspendKey: (_id: string, s: KeySuspension) => {
      suspensions.push(s);
      if (stored) return Promise.resolve('already');
      stored = s;
      return Promise.resolve('suspended');
    },
    suspensionOf: () => Promise.resolve(stored),
  } as unknown as ControlRepository;
  const clock = () => now;
  const leakWatch = new LeakWatch(
    { control, audit: { append: (e: AuditEvent) => Promise.resolve(void audits.push(e)) } as never, baseline: new MemoryUsageBaseline({ windowMs: 60_000, baselineWindows: 60, clock }), alert: (e) => alerts.push(e), clock },
    settings,
  );
  const requests = async (n: number, ip = '10.0.0.1'): Promise<number> => {
    let refused = 0;
    for (let i = 0; i < n; i++) await leakWatch.guard(request(ip), key).catch(() => refused++);
    return refused;
  };
  return { leakWatch, suspensions, audits, alerts, requests, advance: (ms: number) => (now += ms), lift: () => (stored = null) };
}

describe('leak watch', () => {
  it('names the measure that jumped and by how much', () => {
    const usual = { requests: 20, videoSeconds: 8, addresses: 1 };
    expect(leakReason({ requests: 600, videoSeconds: 8, addresses: 1 }, usual, settings)).toBe('leak watch: 600 requests in 60 s, 30× its usual 20');
    expect(leakReason({ requests: 150, videoSeconds: 8, addresses: 1 }, usual, settings)).toBeUndefined();
    expect(leakReason({ requests: 5, videoSeconds: 0, addresses: 9 }, { requests: 0, videoSeconds: 0, addresses: 0 }, settings)).toBe(
      'leak watch: 9 distinct client addresses in 60 s, with no usual usage to compare',
    );
  });

  it('lets a new key\'s first normal burst and steady SDK polling through', async () => {
    const w = watch();
    // A studio session opening its gallery: thumbnails and a few polls, under the floor.
    expect(await w.requests(90)).toBe(0);
    // Then an hour of polling one video a second, from two addresses (laptop and phone).
    for (let minute = 0; minute < 60; minute++) {
      w.advance(60_000);
      expect(await w.requests(30, '10.0.0.1') + (await w.requests(30, '10.0.0.2'))).toBe(0);
    }
    expect(w.suspensions).toEqual([]);
  });

  it('suspends a burst far above the key\'s own usual window, once, with an audit line and an alert', async () => {
    const w = watch();
    for (let minute = 0; minute < 5; minute++) {
      await w.requests(20);
      w.advance(60_000);
    }
    // Ten times the usual 20 is still the key's own business; the next request is not.
    expect(await w.requests(200)).toBe(0);
    await expect(w.leakWatch.guard(request('10.0.0.1'), key)).rejects.toMatchObject({ status: 403, code: 'key_suspended', message: expect.stringMatching(/suspended: leak watch: 201 requests in 60 s, 10× its usual 20/) as string });
    expect(w.suspensions).toMatchObject([{ by: 'automatic', reason: 'leak watch: 201 requests in 60 s, 10× its usual 20' }]);
    expect(w.audits).toMatchObject([{ actor: 'leak-watch', keyId: 'key_1', action: 'key.suspend', decision: 'accepted', address: '10.0.0.1' }]);
    expect(w.alerts).toMatchObject([{ type: 'key.suspended', key_id: 'key_1', key_name: 'app', reason: w.suspensions[0]!.reason }]);

    // Requests that read the key before it was suspended, still in flight, are refused too.
    expect(await w.requests(3)).toBe(3);
    expect(w.suspensions).toHaveLength(1);
    // An operator lifts the suspension: the burst is forgotten, not held against the key in the same window.
    w.lift();
    expect(await w.requests(50)).toBe(0);
  });

  it('suspends a key used from many more addresses than usual', async () => {
    const w = watch();
    let refused = 0;
    for (let i = 1; i <= 9; i++) refused += await w.requests(1, `203.0.113.${i}`);
    expect(refused).toBe(1);
    expect(w.suspensions[0]?.reason).toBe('leak watch: 9 distinct client addresses in 60 s, with no usual usage to compare');
  });

  it('counts the video-seconds a key asks for', async () => {
    const w = watch();
    const video = (seconds: number) => ({ seconds }) as NewVideo;
    for (let i = 0; i < 10; i++) await w.leakWatch.admission.check!(key, video(12));
    await expect(w.leakWatch.admission.check!(key, video(12))).rejects.toMatchObject({ code: 'key_suspended' });
    expect(w.suspensions[0]?.reason).toBe('leak watch: 132 video-seconds requested in 60 s, with no usual usage to compare');
  });
});

/** Each test's baselines live under a Redis prefix of their own, on connections closed (and keys deleted) after. */
function redisBaselines(): (windows: UsageWindows) => UsageBaseline {
  const prefix = freshRedisPrefix();
  const connections: Redis[] = [];
  let redis: Redis;
  beforeAll(async () => {
    redis = await openCounterConnection(redisUrl, () => undefined);
    connections.push(redis);
  });
  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.quit()));
    await deleteRedisKeys(prefix);
  });
  return (windows) => new RedisUsageBaseline(redis, `${prefix}:count:leak-watch`, windows);
}

describe.each([
  ['in memory', () => (windows: UsageWindows): UsageBaseline => new MemoryUsageBaseline(windows)],
  ['in Redis', redisBaselines],
] as const)('usage baseline %s', (_where, setUp) => {
  const baselineOf = setUp();

  it('compares with the mean of the key\'s active windows in the look-back span, and forgets idle keys\' old windows', async () => {
    let now = 0;
    const baseline = baselineOf({ windowMs: 1000, baselineWindows: 3, clock: () => now });
    await baseline.record('k', { requests: 10 });
    now = 1000;
    await baseline.record('k', { requests: 30, address: 'a' });
    now = 3000; // window 2 was idle: it does not lower the usual
    expect(await baseline.record('k', { requests: 1, address: 'b' })).toEqual({ current: { requests: 1, videoSeconds: 0, addresses: 1 }, baseline: { requests: 20, videoSeconds: 0, addresses: 0.5 } });
    now = 4000; // window 0 fell out of the span
    expect((await baseline.record('k', { requests: 1 })).baseline.requests).toBe(15.5);
    await baseline.forget('k');
    expect((await baseline.record('k', { requests: 1 })).baseline.requests).toBe(0);
  });
});

describe('usage baseline in Redis, shared by the API nodes', () => {
  const baselineOf = redisBaselines();

  it('adds up the samples of every node in one window: requests, fractional video-seconds, distinct addresses', async () => {
    const now = 5_000_000;
    const windows = { windowMs: 60_000, baselineWindows: 2, clock: () => now };
    const [nodeA, nodeB] = [baselineOf(windows), baselineOf(windows)];
    await nodeA.record('shared', { requests: 1, address: '10.0.0.1' });
    await nodeB.record('shared', { requests: 1, address: '10.0.0.2' });
    await nodeA.record('shared', { videoSeconds: 2.5 });
    expect(await nodeB.record('shared', { requests: 1, address: '10.0.0.1', videoSeconds: 1.25 })).toEqual({
      current: { requests: 3, videoSeconds: 3.75, addresses: 2 },
      baseline: { requests: 0, videoSeconds: 0, addresses: 0 },
    });
  });
});
