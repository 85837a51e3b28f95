import type { Kysely, Selectable } from 'kysely';
import type { ApiKey, Scope } from '../domain/api-key.js';
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
  };
}

/** API keys: only the SHA-256 of a secret is stored; the secret is returned once, by `create`. */
export class KeysRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(name: string, scopes: Scope[]): Promise<{ key: ApiKey; secret: string }> {
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
    };
    await this.db.insertInto('api_keys').values(row).execute();
    return { key: toApiKey(row), secret };
  }

  /** The active key with this secret, or undefined (unknown or revoked). */
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
