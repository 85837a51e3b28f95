import { ApiError } from '../domain/errors.js';
import type { KeyGuard } from './access-control.js';
import type { RequestCounter } from './request-counter.js';
import { noteResponseHeaders } from './response-headers.js';

const minuteMs = 60_000;

/** A wait in OpenAI's header format (Go's duration): `250ms`, `1s`, `6m0s`, `1h0m5s`. */
export function formatResetDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.ceil(ms))}ms`;
  const total = Math.ceil(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${hours}h${minutes}m${seconds}s`;
  return minutes > 0 ? `${minutes}m${seconds}s` : `${seconds}s`;
}

/** Whole seconds to wait, at least 1: what `retry-after` carries. */
export const retryAfterSeconds = (ms: number): string => String(Math.max(1, Math.ceil(ms / 1000)));

export interface RateLimitOptions {
  counter: RequestCounter;
  /** For keys without their own limit; 0 means unlimited. */
  defaultPerMinute: number;
  now?: () => number;
}

/**
 * Requests a minute per key. Every keyed response says where the key stands (OpenAI's `x-ratelimit-*-requests`
 * headers), so a client can slow down before it is refused; past the limit it gets a 429 saying when to come back.
 */
export function rateLimitGuard(options: RateLimitOptions): KeyGuard {
  const now = options.now ?? Date.now;
  return async (request, key) => {
    const limit = key.rateLimitPerMinute ?? options.defaultPerMinute;
    if (limit === 0) return;
    const at = now();
    const { count, resetAt } = await options.counter.hit(key.id, minuteMs, at);
    const resetIn = resetAt - at;
    noteResponseHeaders(request, {
      'x-ratelimit-limit-requests': String(limit),
      'x-ratelimit-remaining-requests': String(Math.max(0, limit - count)),
      'x-ratelimit-reset-requests': formatResetDuration(resetIn),
    });
    if (count <= limit) return;
    throw new ApiError(429, `Rate limit reached: this API key may make ${limit} requests a minute. The limit resets in ${formatResetDuration(resetIn)}.`, {
      code: 'rate_limit_exceeded',
      headers: { 'retry-after': retryAfterSeconds(resetIn) },
    });
  };
}
