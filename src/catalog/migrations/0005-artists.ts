import type { Kysely } from 'kysely';

/**
 * The artist consent registry, and the artists each video was made with (recorded when it was requested, so a
 * later change of policy does not rewrite who a finished video credits).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('artists')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('style_keywords', 'text', (c) => c.notNull())
    .addColumn('policy', 'varchar(16)', (c) => c.notNull())
    .addColumn('fee_per_second', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('videos').addColumn('credits', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('videos').dropColumn('credits').execute();
  await db.schema.dropTable('artists').execute();
}
