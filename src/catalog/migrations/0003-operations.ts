import type { Kysely } from 'kysely';

/**
 * Video operations: Kinora's generation options and the recipe of a video made from other videos, stored with the
 * video so a retried job makes the same thing; the exact length of a video that is not whole seconds (a recut);
 * and the kind of each job, so a worker knows what to run (and a future worker can take only the kinds it can).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('videos').addColumn('options', 'text').execute();
  await db.schema.alterTable('videos').addColumn('operation', 'text').execute();
  await db.schema.alterTable('videos').addColumn('duration', 'double precision').execute();
  await db.schema.alterTable('jobs').addColumn('kind', 'varchar(20)', (c) => c.notNull().defaultTo('generate')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('jobs').dropColumn('kind').execute();
  for (const column of ['duration', 'operation', 'options']) await db.schema.alterTable('videos').dropColumn(column).execute();
}
