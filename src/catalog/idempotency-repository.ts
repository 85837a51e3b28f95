import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

export interface IdempotencyRecord {
  keyId: string;
  idempotencyKey: string;
  fingerprint: string;
  videoId: string;
}

/** Idempotency-Key records, scoped to the API key that sent them; the primary key makes a replay race lose cleanly. */
export class IdempotencyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(keyId: string, idempotencyKey: string): Promise<IdempotencyRecord | undefined> {
    const row = await this.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('key_id', '=', keyId)
      .where('idempotency_key', '=', idempotencyKey)
      .executeTakeFirst();
    return row && { keyId: row.key_id, idempotencyKey: row.idempotency_key, fingerprint: row.fingerprint, videoId: row.video_id };
  }

  async insert(record: IdempotencyRecord, executor: Kysely<Database> | Transaction<Database> = this.db): Promise<void> {
    await executor
      .insertInto('idempotency_keys')
      .values({ key_id: record.keyId, idempotency_key: record.idempotencyKey, fingerprint: record.fingerprint, video_id: record.videoId, created_at: Date.now() })
      .execute();
  }
}
