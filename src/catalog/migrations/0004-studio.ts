import type { Kysely } from 'kysely';

/**
 * The studio: browser sessions (only a hash of the cookie's secret is kept, tied to the key that signed in, or to a
 * guest key made for one visitor) and the opt-in publication of a video to the public gallery.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('key_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('guest', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_key').on('sessions').column('key_id').execute();

  await db.schema.alterTable('videos').addColumn('published_at', 'bigint').execute();
  await db.schema.createIndex('videos_published').on('videos').columns(['published_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('videos_published').execute();
  await db.schema.alterTable('videos').dropColumn('published_at').execute();
  await db.schema.dropTable('sessions').execute();
}
