import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Artist } from '../domain/artist.js';
import { newId } from '../domain/ids.js';
import type { ArtistTable, Database } from './schema.js';

/** The fields an operator sets; the id and times are the registry's. */
export type ArtistFields = Pick<Artist, 'name' | 'aliases' | 'styleKeywords' | 'policy' | 'feePerSecond'>;

function toArtist(row: Selectable<ArtistTable>): Artist {
  return {
    id: row.id,
    name: row.name,
    aliases: JSON.parse(row.aliases) as string[],
    styleKeywords: JSON.parse(row.style_keywords) as string[],
    policy: row.policy,
    feePerSecond: row.fee_per_second,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const columnsOf = (fields: ArtistFields) => ({
  name: fields.name,
  aliases: JSON.stringify(fields.aliases),
  style_keywords: JSON.stringify(fields.styleKeywords),
  policy: fields.policy,
  fee_per_second: fields.feePerSecond,
});

/** The artist consent registry. */
export class ArtistsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(fields: ArtistFields, now = Date.now()): Promise<Artist> {
    const row = { id: newId('artist'), ...columnsOf(fields), created_at: now, updated_at: now };
    await this.db.insertInto('artists').values(row).execute();
    return toArtist(row);
  }

  async find(id: string): Promise<Artist | undefined> {
    const row = await this.db.selectFrom('artists').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toArtist(row);
  }

  /** Every registered artist, oldest first: the registry is small enough to screen a prompt against in full. */
  async list(): Promise<Artist[]> {
    const rows = await this.db.selectFrom('artists').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toArtist);
  }

  /** The artist with all of `fields` replaced, or undefined when there is no such artist. */
  async update(id: string, fields: ArtistFields, now = Date.now()): Promise<Artist | undefined> {
    const result = await this.db.updateTable('artists').set({ ...columnsOf(fields), updated_at: now }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0 ? this.find(id) : undefined;
  }

  /** The fee per second of each of these artists whose policy is `license` now (read in the caller's transaction, if any). */
  async licenseFees(ids: readonly string[], executor: Kysely<Database> | Transaction<Database> = this.db): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await executor
      .selectFrom('artists')
      .select(['id', 'fee_per_second'])
      .where('id', 'in', ids)
      .where('policy', '=', 'license')
      .where('fee_per_second', 'is not', null)
      .execute();
    return new Map(rows.map((row) => [row.id, Number(row.fee_per_second)]));
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('artists').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
