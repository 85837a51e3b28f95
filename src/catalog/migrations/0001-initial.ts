import type { Kysely } from 'kysely';

/** The first schema: keys, videos, the embedded job table and idempotency records. Portable SQL types only. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('prefix', 'varchar(32)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();

  await db.schema
    .createTable('videos')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('owner_key_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('model', 'varchar(100)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('prompt', 'text', (c) => c.notNull())
    .addColumn('seed', 'bigint', (c) => c.notNull())
    .addColumn('size', 'varchar(20)', (c) => c.notNull())
    .addColumn('seconds', 'integer', (c) => c.notNull())
    .addColumn('remixed_from_video_id', 'varchar(64)')
    .addColumn('input_reference', 'text')
    .addColumn('plan', 'text')
    .addColumn('error_code', 'varchar(100)')
    .addColumn('error_message', 'text')
    .addColumn('outputs', 'text')
    .addColumn('has_audio', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('request_fingerprint', 'varchar(64)')
    .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('started_at', 'bigint')
    .addColumn('completed_at', 'bigint')
    .addColumn('expires_at', 'bigint')
    .addColumn('deleted_at', 'bigint')
    .execute();
  await db.schema.createIndex('videos_owner_created').on('videos').columns(['owner_key_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('videos_owner_fingerprint').on('videos').columns(['owner_key_id', 'request_fingerprint']).execute();

  await db.schema
    .createTable('jobs')
    .addColumn('video_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'varchar(200)')
    .addColumn('lease_until', 'bigint')
    .addColumn('available_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('jobs_claim').on('jobs').columns(['status', 'priority', 'available_at']).execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('idempotency_key', 'varchar(255)', (c) => c.notNull())
    .addColumn('fingerprint', 'varchar(64)', (c) => c.notNull())
    .addColumn('video_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['key_id', 'idempotency_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['idempotency_keys', 'jobs', 'videos', 'api_keys']) await db.schema.dropTable(table).execute();
}
