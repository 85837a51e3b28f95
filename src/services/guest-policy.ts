import type { VideosRepository } from '../catalog/videos-repository.js';
import type { GuestConfig } from '../config.js';
import { ApiError, badRequest } from '../domain/errors.js';
import { defaultSeconds } from '../domain/sizes.js';
import type { RequestCounter } from '../policy/request-counter.js';

const hourMs = 60 * 60 * 1000;
/** New guest sessions one address may start in an hour: clearing cookies must not reset the limits for long. */
export const guestSessionsPerAddressPerHour = 10;

const tooMany = (message: string, retryAfterMs: number): ApiError =>
  new ApiError(429, message, { code: 'rate_limit_exceeded', headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) } });

/** The length a create body asks for: its `seconds`, or its storyboard's shots, or the API's default. */
function requestedSeconds(body: unknown): number {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as { seconds?: unknown; storyboard?: { shots?: Array<{ seconds?: unknown }> } };
  if (fields.seconds !== undefined) return Number(fields.seconds);
  const shots = fields.storyboard?.shots;
  if (Array.isArray(shots)) return shots.reduce((sum, shot) => sum + Number(shot.seconds), 0);
  return defaultSeconds;
}

/**
 * What a guest (a studio visitor without a key, in guest mode) may do: short videos, a few an hour, and guest
 * sessions from one address only now and then. Everything else a guest asks for goes through the usual checks.
 */
export class GuestPolicy {
  constructor(
    private readonly deps: {
      guest: GuestConfig;
      maxSeconds: number;
      videos: VideosRepository;
      /** New guest sessions per address, an hour from the first: shared by the API nodes when they share a Redis. */
      sessionStarts: RequestCounter;
    },
  ) {}

  get maxSeconds(): number {
    return Math.min(this.deps.guest.maxSeconds, this.deps.maxSeconds);
  }

  checkLength(body: unknown): void {
    const seconds = requestedSeconds(body);
    if (!(seconds <= this.maxSeconds)) {
      throw badRequest(`Guests make videos of at most ${this.maxSeconds} s (this one asks for ${seconds} s). Sign in with an API key for longer ones.`, 'seconds', 'guest_limit');
    }
  }

  async checkQuota(keyId: string, now = Date.now()): Promise<void> {
    const { videosPerHour } = this.deps.guest;
    const times = await this.deps.videos.creationTimesSince(keyId, now - hourMs);
    if (times.length >= videosPerHour) {
      const freeAt = times[times.length - videosPerHour]! + hourMs;
      throw tooMany(`Guests make at most ${videosPerHour} videos an hour.`, freeAt - now);
    }
  }

  /** Counts a new guest session from `address`; refused past the hourly allowance of that address. */
  async admitSession(address: string, now = Date.now()): Promise<void> {
    const { count, resetAt } = await this.deps.sessionStarts.hit(address, hourMs, now);
    if (count > guestSessionsPerAddressPerHour) {
      throw tooMany('Too many guest sessions from this address: try again later, or sign in with an API key.', resetAt - now);
    }
  }
}
