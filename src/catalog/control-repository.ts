import type { Kysely } from 'kysely';
import type { KeySuspension } from '../domain/api-key.js';
import type { Database } from './schema.js';

/** The global kill switch as stored: why, since when and by whom new generations are halted. */
export interface GenerationHalt {
  reason: string;
  since: number;
  by: string;
}

/** A suspended key, as the halt state lists it. */
export interface SuspendedKey extends KeySuspension {
  id: string;
  name: string;
}

const haltRowId = 'global';

/**
 * The kill switch's state in the catalog, shared by every API node, every worker and the CLI: the global halt row
 * and the suspension columns of the keys.
 */
export class ControlRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async halt(): Promise<GenerationHalt | null> {
    const row = await this.db.selectFrom('generation_halt').selectAll().where('id', '=', haltRowId).executeTakeFirst();
    return row ? { reason: row.reason, since: row.since, by: row.halted_by } : null;
  }

  /** Halts (or restates why it is halted); the first `since` is kept. */
  async setHalt(reason: string, by: string, now = Date.now()): Promise<void> {
    await this.db
      .insertInto('generation_halt')
      .values({ id: haltRowId, reason, since: now, halted_by: by })
      .onConflict((oc) => oc.column('id').doUpdateSet({ reason, halted_by: by }))
      .execute();
  }

  /** Answers whether it was halted. */
  async clearHalt(): Promise<boolean> {
    const result = await this.db.deleteFrom('generation_halt').where('id', '=', haltRowId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Suspends an unrevoked key by id. Answers 'suspended', 'already' (kept as it was: the first reason stays, so
   * concurrent automatic suspensions alert once) or 'unknown'.
   */
  async suspendKey(keyId: string, suspension: KeySuspension): Promise<'suspended' | 'already' | 'unknown'> {
    const result = await this.db
      .updateTable('api_keys')
      .set({ suspended_at: suspension.since, suspension_reason: suspension.reason, suspended_by: suspension.by })
      .where('id', '=', keyId)
      .where('revoked_at', 'is', null)
      .where('suspended_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0) return 'suspended';
    return (await this.keyExists(keyId)) ? 'already' : 'unknown';
  }

  /** Lifts a key's suspension. Answers 'resumed', 'not_suspended' or 'unknown'. */
  async resumeKey(keyId: string): Promise<'resumed' | 'not_suspended' | 'unknown'> {
    const result = await this.db
      .updateTable('api_keys')
      .set({ suspended_at: null, suspension_reason: null, suspended_by: null })
      .where('id', '=', keyId)
      .where('suspended_at', 'is not', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0) return 'resumed';
    return (await this.keyExists(keyId)) ? 'not_suspended' : 'unknown';
  }

  /** The key's suspension as stored now (not as read with the key at the start of a request). */
  async suspensionOf(keyId: string): Promise<KeySuspension | null> {
    const row = await this.db.selectFrom('api_keys').select(['suspended_at', 'suspension_reason', 'suspended_by']).where('id', '=', keyId).executeTakeFirst();
    return row === undefined || row.suspended_at === null ? null : { reason: row.suspension_reason ?? '', since: row.suspended_at, by: row.suspended_by ?? 'operator' };
  }

  async suspendedKeys(): Promise<SuspendedKey[]> {
    const rows = await this.db
      .selectFrom('api_keys')
      .select(['id', 'name', 'suspended_at', 'suspension_reason', 'suspended_by'])
      .where('suspended_at', 'is not', null)
      .where('revoked_at', 'is', null)
      .orderBy('suspended_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ id: row.id, name: row.name, reason: row.suspension_reason ?? '', since: row.suspended_at ?? 0, by: row.suspended_by ?? 'operator' }));
  }

  private async keyExists(keyId: string): Promise<boolean> {
    return (await this.db.selectFrom('api_keys').select('id').where('id', '=', keyId).where('revoked_at', 'is', null).executeTakeFirst()) !== undefined;
  }
}
