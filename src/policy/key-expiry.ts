import type { ApiKey } from '../domain/api-key.js';
import { ApiError } from '../domain/errors.js';

/**
 * Refuses a key past its expiry with its own code, so its holder knows to ask for a new key rather than suspect a
 * typo (an unknown key gets `invalid_api_key`).
 */
export function assertKeyNotExpired(key: ApiKey, now = Date.now()): void {
  if (key.expiresAt === null || key.expiresAt > now) return;
  throw new ApiError(401, `This API key expired at ${new Date(key.expiresAt).toISOString()}. Ask an administrator for a new key or a later expiry.`, {
    code: 'api_key_expired',
    headers: { 'www-authenticate': 'Bearer realm="kinora", error="invalid_token"', 'x-should-retry': 'false' },
  });
}
