import type { Kysely } from 'kysely';

/**
 * What a key may do beyond its scopes: when it stops working, its own request rate and daily video-seconds (null
 * means the server's default, 0 unlimited), and whether its videos carry a visible mark. One column per statement:
 * SQLite adds a single column per ALTER TABLE.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_keys').addColumn('expires_at', 'bigint').execute();
  await db.schema.alterTable('api_keys').addColumn('rate_limit_per_minute', 'integer').execute();
  await db.schema.alterTable('api_keys').addColumn('seconds_per_day', 'integer').execute();
  await db.schema.alterTable('api_keys').addColumn('watermark', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['watermark', 'seconds_per_day', 'rate_limit_per_minute', 'expires_at']) {
    await db.schema.alterTable('api_keys').dropColumn(column).execute();
  }
}
