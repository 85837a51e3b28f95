import type { Kysely } from 'kysely';

/**
 * The worker nodes that are alive: each worker process writes its row on start and refreshes `last_seen` every few
 * seconds, so any node (or `/metrics`) can count the workers of a whole deployment, and which models they run, without
 * asking them. A row whose `last_seen` is old belongs to a worker that died; it is ignored, then pruned.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workers')
    .addColumn('id', 'varchar(128)', (c) => c.primaryKey())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('pid', 'integer', (c) => c.notNull())
    .addColumn('models', 'text', (c) => c.notNull())
    .addColumn('concurrency', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workers').execute();
}
