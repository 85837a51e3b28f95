import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditRepository } from '../catalog/audit-repository.js';
import type { ApiKey } from '../domain/api-key.js';
import type { KeyGuard } from '../policy/access-control.js';

const requestKeys = new WeakMap<FastifyRequest, ApiKey>();
const requestDetails = new WeakMap<FastifyRequest, Record<string, unknown>>();
const responseFacts = new WeakMap<FastifyRequest, { errorCode: string | null; id: string | null }>();

/**
 * The first guard: remembers whose request this is, so its audit line names the key even when a later guard
 * (suspension, rate limit, leak watch) refuses it.
 */
export const rememberKeyForAudit: KeyGuard = (request, key) => {
  requestKeys.set(request, key);
  return Promise.resolve();
};

/** What a route adds to its audit line beyond the request itself (a halt's reason). */
export function noteAuditDetail(request: FastifyRequest, detail: Record<string, unknown>): void {
  requestDetails.set(request, detail);
}

const readOnlyMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Larger answers are media or long lists, never an error or a created object worth reading back. */
const maxParsedPayload = 64 * 1024;

/** The error code a client was told, or the id of the object it made, read back from the JSON it was sent. */
function factsOf(payload: unknown): { errorCode: string | null; id: string | null } {
  if (typeof payload !== 'string' || payload.length > maxParsedPayload || !payload.startsWith('{')) return { errorCode: null, id: null };
  try {
    const body = JSON.parse(payload) as { id?: unknown; error?: { code?: unknown } };
    return { errorCode: typeof body.error?.code === 'string' ? body.error.code : null, id: typeof body.id === 'string' ? body.id : null };
  } catch {
    return { errorCode: null, id: null };
  }
}

/**
 * Every request that changes something and carried a key (every generation request, every admin and policy action)
 * leaves one line in the audit log: who, from where, what, on what, and whether it was accepted or refused with
 * which error code. Written after the response, so the log never slows or fails a request.
 */
export function installAuditTrail(app: FastifyInstance, audit: AuditRepository): void {
  app.addHook('onSend', async (request, _reply, payload) => {
    if (!readOnlyMethods.has(request.method) && requestKeys.has(request)) responseFacts.set(request, factsOf(payload));
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const key = requestKeys.get(request);
    if (!key || readOnlyMethods.has(request.method)) return;
    const facts = responseFacts.get(request);
    const params = Object.values((request.params ?? {}) as Record<string, string>);
    const refused = reply.statusCode >= 400;
    try {
      await audit.append({
        actor: key.id,
        keyId: key.id,
        action: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
        target: params[0] ?? (refused ? null : (facts?.id ?? null)),
        address: request.ip,
        decision: refused ? 'refused' : 'accepted',
        errorCode: refused ? (facts?.errorCode ?? `http_${reply.statusCode}`) : null,
        detail: requestDetails.get(request) ?? null,
      });
    } catch (error) {
      request.log.error({ err: error }, 'could not write the audit log');
    }
  });
}
