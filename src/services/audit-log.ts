import { z } from 'zod';
import type { AuditEntry, AuditRepository } from '../catalog/audit-repository.js';
import { parseInput } from './video-request.js';
import { unixSeconds } from '../domain/unix-time.js';

const auditIdPrefix = 'audit_';

export const auditQuerySchema = z
  .object({
    after: z.string().regex(/^audit_\d{1,15}$/, { error: "an audit entry id such as 'audit_42'" }).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    /** Unix seconds: entries at or after it. */
    since: z.coerce.number().int().min(0).optional(),
    key_id: z.string().trim().min(1).max(100).optional(),
    /** An action or its beginning: `keys.`, `POST /v1/videos`. */
    action: z.string().min(1).max(200).optional(),
  })
  .strict();
export type AuditQueryInput = z.input<typeof auditQuerySchema>;

/** The wire form of an audit entry: newest first, with its id as the list cursor. */
export function toAuditObject(entry: AuditEntry) {
  return {
    id: `${auditIdPrefix}${entry.id}`,
    object: 'audit.entry' as const,
    created_at: unixSeconds(entry.at),
    created_at_ms: entry.at,
    actor: entry.actor,
    key_id: entry.keyId,
    action: entry.action,
    target: entry.target,
    address: entry.address,
    decision: entry.decision,
    error_code: entry.errorCode,
    detail: entry.detail,
  };
}

/** One page of the audit log, for `GET /v1/admin/audit` and `kinora audit`, filters validated like any input. */
export async function listAuditLog(audit: AuditRepository, rawQuery: unknown) {
  const query = parseInput(auditQuerySchema, rawQuery);
  const page = await audit.list({
    before: query.after === undefined ? undefined : Number(query.after.slice(auditIdPrefix.length)),
    since: query.since === undefined ? undefined : query.since * 1000,
    keyId: query.key_id,
    action: query.action,
    limit: query.limit,
  });
  return { data: page.data.map(toAuditObject), hasMore: page.hasMore };
}
