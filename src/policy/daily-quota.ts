import type { NewVideo, VideosRepository } from '../catalog/videos-repository.js';
import type { ApiKey } from '../domain/api-key.js';
import { ApiError } from '../domain/errors.js';
import type { Admission } from '../services/admission.js';
import { formatResetDuration, retryAfterSeconds } from './rate-limit.js';

const dayMs = 24 * 60 * 60 * 1000;

export interface DailyQuotaOptions {
  videos: Pick<VideosRepository, 'secondsRequestedAfter'>;
  /** For keys without their own quota; 0 means unlimited. */
  defaultSecondsPerDay: number;
  now?: () => number;
}

/**
 * Video-seconds per key in any 24 hours (a rolling window, so there is no midnight rush): the seconds of the key's
 * videos made in the last day plus the new one must fit its quota. A refusal says when enough seconds free up, or
 * that this video can never fit.
 */
export class DailyQuota implements Admission {
  private readonly now: () => number;

  constructor(private readonly options: DailyQuotaOptions) {
    this.now = options.now ?? Date.now;
  }

  async check(key: ApiKey, video: NewVideo): Promise<void> {
    const limit = key.secondsPerDay ?? this.options.defaultSecondsPerDay;
    if (limit === 0) return;
    const at = this.now();
    const recent = await this.options.videos.secondsRequestedAfter(key.id, at - dayMs);
    const used = recent.reduce((sum, v) => sum + v.seconds, 0);
    // Whole seconds rounded up, as the catalog counts the videos already made.
    const asked = Math.ceil(video.seconds);
    if (used + asked <= limit) return;

    const headers = {
      'x-ratelimit-limit-video-seconds': String(limit),
      'x-ratelimit-remaining-video-seconds': String(Math.max(0, limit - used)),
      'x-ratelimit-reset-video-seconds': formatResetDuration(recent[0] ? recent[0].createdAt + dayMs - at : 0),
    };
    const quota = `this API key may make ${limit} video-seconds in any 24 hours`;
    if (asked > limit) {
      throw new ApiError(429, `Daily quota exceeded: ${quota}, and this video asks for ${asked} s, more than the whole quota.`, {
        code: 'daily_quota_exceeded',
        param: 'seconds',
        headers: { ...headers, 'x-should-retry': 'false' },
      });
    }
    const freeAt = whenFits(recent, used + asked - limit);
    throw new ApiError(
      429,
      `Daily quota exceeded: ${quota} and has used ${used} in the last 24 hours; this ${asked} s video fits in ${formatResetDuration(freeAt - at)}.`,
      { code: 'daily_quota_exceeded', headers: { ...headers, 'retry-after': retryAfterSeconds(freeAt - at) } },
    );
  }
}

/** When the oldest videos have left the window with at least `excess` seconds between them. */
function whenFits(recent: ReadonlyArray<{ createdAt: number; seconds: number }>, excess: number): number {
  let toFree = excess;
  for (const video of recent) {
    toFree -= video.seconds;
    if (toFree <= 0) return video.createdAt + dayMs;
  }
  throw new Error('a video no larger than the quota always fits once the window is empty');
}
