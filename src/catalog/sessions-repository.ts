import type { Kysely } from 'kysely';
import type { ApiKey } from '../domain/api-key.js';
import { newId } from '../domain/ids.js';
import { toApiKey } from './keys-repository.js';
import type { Database } from './schema.js';

/** A live studio session and the key it acts as. */
export interface Session {
  id: string;
  key: ApiKey;
  guest: boolean;
  expiresAt: number;
}

/**
 * Studio sessions. Rows hold the SHA-256 of the cookie's secret, never the secret, so a copy of the catalog cannot
 * be replayed as a cookie. A session is live while it has not expired and its key is not revoked.
 */
export class SessionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(input: { hash: string; keyId: string; guest: boolean; expiresAt: number }, now = Date.now()): Promise<string> {
    const id = newId('session');
    await this.db
      .insertInto('sessions')
      .values({ id, hash: input.hash, key_id: input.keyId, guest: input.guest ? 1 : 0, created_at: now, expires_at: input.expiresAt })
      .execute();
    return id;
  }

  async findLive(hash: string, now = Date.now()): Promise<Session | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('api_keys', 'api_keys.id', 'sessions.key_id')
      .selectAll('api_keys')
      .select(['sessions.id as session_id', 'sessions.guest as session_guest', 'sessions.expires_at as session_expires_at'])
      .where('sessions.hash', '=', hash)
      .where('sessions.expires_at', '>', now)
      .where('api_keys.revoked_at', 'is', null)
      .executeTakeFirst();
    return row && { id: row.session_id, key: toApiKey(row), guest: row.session_guest === 1, expiresAt: row.session_expires_at };
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  /** Expired rows are useless; removed at sign-in so the table does not grow without bound. */
  async deleteExpired(now = Date.now()): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }
}
