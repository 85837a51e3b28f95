import { z } from 'zod';
import type { KeyChanges, KeysRepository } from '../catalog/keys-repository.js';
import { scopes, type ApiKey } from '../domain/api-key.js';
import { ApiError } from '../domain/errors.js';
import { parseInput } from './video-request.js';
import { unixSeconds } from '../domain/unix-time.js';

const dayMs = 24 * 60 * 60 * 1000;
const maxDays = 3650;

/** A per-key limit: null falls back to the server's default, 0 means unlimited. */
const limitSchema = (max: number) => z.number().int().min(0).max(max).nullable();

const keyFieldsSchema = {
  name: z.string().trim().min(1).max(200),
  scopes: z
    .array(z.enum(scopes))
    .min(1)
    .refine((list) => new Set(list).size === list.length, { error: 'each scope at most once' }),
  /** Unix seconds, like every time on this API; null clears the expiry. */
  expires_at: z.number().int().positive().nullable(),
  expires_in_days: z.number().int().min(1).max(maxDays),
  rate_limit_per_minute: limitSchema(1_000_000),
  seconds_per_day: limitSchema(100_000_000),
  watermark: z.boolean(),
};
const oneExpiry = (body: { expires_at?: unknown; expires_in_days?: unknown }) => body.expires_at === undefined || body.expires_in_days === undefined;
const oneExpiryMessage = { error: 'give expires_at or expires_in_days, not both', path: ['expires_in_days'] };

const createKeySchema = z
  .object({ ...keyFieldsSchema, scopes: keyFieldsSchema.scopes.default(['videos:read', 'videos:write']) })
  .partial({ expires_at: true, expires_in_days: true, rate_limit_per_minute: true, seconds_per_day: true, watermark: true })
  .strict()
  .refine(oneExpiry, oneExpiryMessage);
const updateKeySchema = z.object(keyFieldsSchema).partial().strict().refine(oneExpiry, oneExpiryMessage);

/** The wire form of a key: never its secret (only at creation) nor its hash. */
export const toKeyObject = (key: ApiKey) => ({
  id: key.id,
  object: 'api_key' as const,
  name: key.name,
  prefix: key.prefix,
  scopes: key.scopes,
  created_at: unixSeconds(key.createdAt),
  last_used_at: unixSeconds(key.lastUsedAt),
  expires_at: unixSeconds(key.expiresAt),
  revoked_at: unixSeconds(key.revokedAt),
  rate_limit_per_minute: key.rateLimitPerMinute,
  seconds_per_day: key.secondsPerDay,
  watermark: key.watermark,
  suspension: key.suspension && { reason: key.suspension.reason, since: unixSeconds(key.suspension.since), suspended_by: key.suspension.by },
});

export const keyNotFound = (id: string): ApiError => new ApiError(404, `No API key found with id '${id}'.`, { param: 'key_id', code: 'api_key_not_found' });

const lastAdmin = (what: string): ApiError =>
  new ApiError(409, `This is the last active admin key: ${what} would leave nobody able to manage keys. Create another admin key first.`, {
    param: 'key_id',
    code: 'last_admin_key',
    headers: { 'x-should-retry': 'false' },
  });

/** The expiry a body asks for, in milliseconds; undefined when it says nothing about expiry. */
function expiryOf(body: { expires_at?: number | null | undefined; expires_in_days?: number | undefined }, now: number): number | null | undefined {
  if (body.expires_in_days !== undefined) return now + body.expires_in_days * dayMs;
  if (body.expires_at === undefined || body.expires_at === null) return body.expires_at;
  const at = body.expires_at * 1000;
  if (at <= now) throw new ApiError(400, "Invalid value for 'expires_at': it is in the past; revoke the key to stop it now.", { param: 'expires_at', code: 'invalid_value' });
  return at;
}

function changesOf(body: z.output<typeof updateKeySchema>, now: number): KeyChanges {
  const expiresAt = expiryOf(body, now);
  return {
    ...(body.name !== undefined && { name: body.name }),
    ...(body.scopes !== undefined && { scopes: body.scopes }),
    ...(body.rate_limit_per_minute !== undefined && { rateLimitPerMinute: body.rate_limit_per_minute }),
    ...(body.seconds_per_day !== undefined && { secondsPerDay: body.seconds_per_day }),
    ...(body.watermark !== undefined && { watermark: body.watermark }),
    ...(expiresAt !== undefined && { expiresAt }),
  };
}

/**
 * Key management for operators, shared by the admin API and the CLI: bodies validated like the API's, and one
 * rule the store alone cannot keep: there is always an active admin key left to manage the others.
 */
export class KeyService {
  constructor(private readonly keys: KeysRepository) {}

  async create(input: unknown, now = Date.now()): Promise<{ key: ApiKey; secret: string }> {
    const body = parseInput(createKeySchema, input);
    return this.keys.create(body.name, body.scopes, changesOf(body, now));
  }

  list(): Promise<ApiKey[]> {
    return this.keys.list();
  }

  get(id: string): Promise<ApiKey> {
    return found(this.keys, id);
  }

  async update(id: string, input: unknown, now = Date.now()): Promise<ApiKey> {
    const changes = changesOf(parseInput(updateKeySchema, input), now);
    return this.keys.transaction(async (keys) => {
      const key = await found(keys, id);
      if (key.revokedAt !== null) throw new ApiError(409, `API key '${id}' is revoked; a revoked key cannot be changed.`, { param: 'key_id', code: 'api_key_revoked' });
      const losesAdmin = key.scopes.includes('admin') && changes.scopes !== undefined && !changes.scopes.includes('admin');
      if (losesAdmin && (await keys.countActiveAdmins(id, now)) === 0) throw lastAdmin("removing its 'admin' scope");
      await keys.update(id, changes);
      return found(keys, id);
    });
  }

  /** Revokes at once; revoking a revoked key again changes nothing. */
  async revoke(id: string, now = Date.now()): Promise<ApiKey> {
    return this.keys.transaction(async (keys) => {
      const key = await found(keys, id);
      if (key.revokedAt !== null) return key;
      if (key.scopes.includes('admin') && (await keys.countActiveAdmins(id, now)) === 0) throw lastAdmin('revoking it');
      await keys.revoke(id, now);
      return found(keys, id);
    });
  }
}

async function found(keys: KeysRepository, id: string): Promise<ApiKey> {
  const key = await keys.find(id);
  if (!key) throw keyNotFound(id);
  return key;
}
