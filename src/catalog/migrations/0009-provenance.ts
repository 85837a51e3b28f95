import type { Kysely } from 'kysely';

/**
 * Provenance of each video: whether it carries a visible corner mark (decided when it is requested, so a retry or a
 * later change of the key's setting draws the same picture), what its C2PA signature said once signed, and a small
 * perceptual fingerprint of its picture (to recognise a copy that lost its manifest).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('videos').addColumn('watermark', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('videos').addColumn('provenance', 'text').execute();
  await db.schema.alterTable('videos').addColumn('fingerprint', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('videos').dropColumn('fingerprint').execute();
  await db.schema.alterTable('videos').dropColumn('provenance').execute();
  await db.schema.alterTable('videos').dropColumn('watermark').execute();
}
