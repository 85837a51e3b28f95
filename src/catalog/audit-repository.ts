import { sql, type Kysely, type Selectable } from 'kysely';
import type { AuditLogTable, Database } from './schema.js';

/** One line of the audit log, as written. */
export interface AuditEvent {
  actor: string;
  keyId: string | null;
  action: string;
  target?: string | null;
  address?: string | null;
  decision: 'accepted' | 'refused';
  errorCode?: string | null;
  detail?: Record<string, unknown> | null;
}

export interface AuditEntry extends Required<AuditEvent> {
  id: number;
  at: number;
}

export interface AuditQuery {
  /** Entries with a smaller id than this one (the next page, newest first). */
  before?: number | undefined;
  since?: number | undefined;
  keyId?: string | undefined;
  /** An action, or the start of one (`keys.` or `POST /v1/videos`). */
  action?: string | undefined;
  limit: number;
}

function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: Number(row.id),
    at: row.at,
    actor: row.actor,
    keyId: row.key_id,
    action: row.action,
    target: row.target,
    address: row.address,
    decision: row.decision,
    errorCode: row.error_code,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
  };
}

/** The append-only audit log: this repository can only add and read (the table's triggers refuse the rest). */
export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(event: AuditEvent, now = Date.now()): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        at: now,
        actor: event.actor,
        key_id: event.keyId,
        action: event.action,
        target: event.target ?? null,
        address: event.address ?? null,
        decision: event.decision,
        error_code: event.errorCode ?? null,
        detail: event.detail ? JSON.stringify(event.detail) : null,
      })
      .execute();
  }

  /** Newest first, one page, and whether older entries follow. */
  async list(query: AuditQuery): Promise<{ data: AuditEntry[]; hasMore: boolean }> {
    let select = this.db.selectFrom('audit_log').selectAll();
    if (query.before !== undefined) select = select.where('id', '<', query.before);
    if (query.since !== undefined) select = select.where('at', '>=', query.since);
    if (query.keyId !== undefined) select = select.where('key_id', '=', query.keyId);
    // A prefix compared as text, not a LIKE pattern: `_` and `%` mean themselves, and both dialects agree on case.
    const action = query.action;
    if (action !== undefined) select = select.where(sql<string>`substr(action, 1, ${action.length})`, '=', action);
    const rows = await select.orderBy('id', 'desc').limit(query.limit + 1).execute();
    return { data: rows.slice(0, query.limit).map(toAuditEntry), hasMore: rows.length > query.limit };
  }
}
