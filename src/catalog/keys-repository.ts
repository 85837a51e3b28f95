import type { Kysely, Selectable, Updateable } from 'kysely';
import type { ApiKey, KeyLimits, Scope } from '../domain/api-key.js';
import { newId } from '../domain/ids.js';
import { generateKeySecret, hashKeySecret, keyDisplayPrefix } from '../policy/key-format.js';
import type { ApiKeyTable, Database } from './schema.js';

export function toApiKey(row: Selectable<ApiKeyTable>): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: JSON.parse(row.scopes) as Scope[],
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
    rateLimitPerMinute: row.rate_limit_per_minute,
    secondsPerDay: row.seconds_per_day,
    watermark: row.watermark === 1,
    suspension: row.suspended_at === null ? null : { reason: row.suspension_reason ?? '', since: row.suspended_at, by: row.suspended_by ?? 'operator' },
  };
}

/** What `update` may change; a field left out stays as it is. */
export type KeyChanges = Partial<{ name: string; scopes: Scope[] } & KeyLimits>;

function toColumns(changes: KeyChanges): Updateable<ApiKeyTable> {
  return {
    ...(changes.name !== undefined && { name: changes.name }),
    ...(changes.scopes !== undefined && { scopes: JSON.stringify(changes.scopes) }),
    ...(changes.expiresAt !== undefined && { expires_at: changes.expiresAt }),
    ...(changes.rateLimitPerMinute !== undefined && { rate_limit_per_minute: changes.rateLimitPerMinute }),
    ...(changes.secondsPerDay !== undefined && { seconds_per_day: changes.secondsPerDay }),
    ...(changes.watermark !== undefined && { watermark: changes.watermark ? 1 : 0 }),
  };
}

/** API keys: only the SHA-256 of a secret is stored; the secret is returned once, by `create`. */
export class KeysRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(name: string, scopes: Scope[], limits: Partial<KeyLimits> = {}): Promise<{ key: ApiKey; secret: string }> {
    const secret = generateKeySecret();
    const row = {
      id: newId('key'),
      name,
      prefix: keyDisplayPrefix(secret),
      hash: hashKeySecret(secret),
      scopes: JSON.stringify(scopes),
      created_at: Date.now(),
      last_used_at: null,
      revoked_at: null,
      expires_at: limits.expiresAt ?? null,
      rate_limit_per_minute: limits.rateLimitPerMinute ?? null,
      seconds_per_day: limits.secondsPerDay ?? null,
      watermark: limits.watermark ? 1 : 0,
      suspended_at: null,
      suspension_reason: null,
      suspended_by: null,
    };
    await this.db.insertInto('api_keys').values(row).execute();
    return { key: toApiKey(row), secret };
  }

  /** The unrevoked key with this secret, or undefined (unknown or revoked); an expired one is returned, to be told so. */
  async findActiveBySecret(secret: string): Promise<ApiKey | undefined> {
    const row = await this.db
      .selectFrom('api_keys')
      .selectAll()
      .where('hash', '=', hashKeySecret(secret))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row && toApiKey(row);
  }

  /** Records use, at most once a minute per key, so a busy key does not turn every read into a write. */
  async touch(key: ApiKey, now = Date.now()): Promise<void> {
    if (key.lastUsedAt !== null && now - key.lastUsedAt < 60_000) return;
    await this.db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', key.id).execute();
  }

  async find(id: string): Promise<ApiKey | undefined> {
    const row = await this.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toApiKey(row);
  }

  async update(id: string, changes: KeyChanges): Promise<void> {
    const columns = toColumns(changes);
    if (Object.keys(columns).length > 0) await this.db.updateTable('api_keys').set(columns).where('id', '=', id).execute();
  }

  /** Keys holding `admin` that can act now (not revoked, not expired), leaving out `exceptId`. */
  async countActiveAdmins(exceptId: string, now = Date.now()): Promise<number> {
    const { n } = await this.db
      .selectFrom('api_keys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      // Scopes are a JSON list of fixed words, so the quoted word matches exactly that scope.
      .where('scopes', 'like', '%"admin"%')
      .where('id', '!=', exceptId)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  /** Runs `work` on this repository bound to one transaction, so a check and the write it guards commit together. */
  transaction<T>(work: (keys: KeysRepository) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(new KeysRepository(trx)));
  }

  async list(): Promise<ApiKey[]> {
    const rows = await this.db.selectFrom('api_keys').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toApiKey);
  }

  async count(): Promise<number> {
    const { n } = await this.db.selectFrom('api_keys').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(n);
  }

  /** Revokes by id or by the displayed prefix; answers whether a key was revoked. */
  async revoke(idOrPrefix: string, now = Date.now()): Promise<boolean> {
    const result = await this.db
      .updateTable('api_keys')
      .set({ revoked_at: now })
      .where((eb) => eb.or([eb('id', '=', idOrPrefix), eb('prefix', '=', idOrPrefix)]))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
