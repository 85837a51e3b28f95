import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

export interface IdempotencyRecord {
  keyId: string;
  idempotencyKey: string;
  fingerprint: string;
  videoId: string;
}

/** How long an Idempotency-Key is remembered: a replay within it returns the first video, a use after it makes a new one. */
export const idempotencyKeyTtlMs = 24 * 60 * 60_000;

/**
 * Idempotency-Key records, scoped to the API key that sent them. A key is claimed by inserting first (never by
 * checking, then inserting): the primary key decides which of concurrent replays goes on.
 */
export class IdempotencyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The live record of a key; one older than the TTL is as good as gone. */
  async find(keyId: string, idempotencyKey: string, now = Date.now()): Promise<IdempotencyRecord | undefined> {
    const row = await this.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('key_id', '=', keyId)
      .where('idempotency_key', '=', idempotencyKey)
      .where('created_at', '>', now - idempotencyKeyTtlMs)
      .executeTakeFirst();
    return row && { keyId: row.key_id, idempotencyKey: row.idempotency_key, fingerprint: row.fingerprint, videoId: row.video_id };
  }

  /**
   * Claims the key for a new video, inside the transaction that records the video: a fresh row, or an expired row
   * taken over. False when a live record holds the key (PostgreSQL first waits for a concurrent claim to commit).
   */
  async claim(record: IdempotencyRecord, executor: Kysely<Database> | Transaction<Database>, now = Date.now()): Promise<boolean> {
    const values = { fingerprint: record.fingerprint, video_id: record.videoId, created_at: now };
    const result = await executor
      .insertInto('idempotency_keys')
      .values({ key_id: record.keyId, idempotency_key: record.idempotencyKey, ...values })
      .onConflict((oc) => oc.columns(['key_id', 'idempotency_key']).doUpdateSet(values).where('idempotency_keys.created_at', '<=', now - idempotencyKeyTtlMs))
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }
}
