import { describe, expect, it } from 'vitest';
import type { VideosRepository } from '../catalog/videos-repository.js';
import { ApiError } from '../domain/errors.js';
import { InMemoryRequestCounter } from '../policy/request-counter.js';
import { GuestPolicy, guestSessionsPerAddressPerHour } from './guest-policy.js';

const policy = () =>
  new GuestPolicy({ guest: { enabled: true, videosPerHour: 3, maxSeconds: 4 }, maxSeconds: 12, videos: {} as VideosRepository, sessionStarts: new InMemoryRequestCounter() });

describe('guest sessions per address', () => {
  it('admits a few an hour from one address, then answers 429 with the wait, and forgets after the hour', async () => {
    const guests = policy();
    const start = 1_000_000;
    for (let i = 0; i < guestSessionsPerAddressPerHour; i++) await guests.admitSession('203.0.113.7', start + i * 1000);
    const refusal: unknown = await guests.admitSession('203.0.113.7', start + 60_000).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).status).toBe(429);
    expect((refusal as ApiError).headers['retry-after']).toBe(String(3600 - 60));

    await expect(guests.admitSession('198.51.100.1', start + 60_000)).resolves.toBeUndefined();
    await expect(guests.admitSession('203.0.113.7', start + 3_600_001)).resolves.toBeUndefined();
  });

  it('measures a storyboard by its shots', () => {
    const guests = policy();
    expect(() => guests.checkLength({ storyboard: { shots: [{ seconds: 2 }, { seconds: 2 }] } })).not.toThrow();
    expect(() => guests.checkLength({ storyboard: { shots: [{ seconds: 3 }, { seconds: 2 }] } })).toThrow(/at most 4 s/);
    expect(() => guests.checkLength({ seconds: 'lots' })).toThrow(/at most 4 s/);
  });
});
