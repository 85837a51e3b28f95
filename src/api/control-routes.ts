import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditRepository } from '../catalog/audit-repository.js';
import type { AccessControl } from '../policy/access-control.js';
import { listAuditLog } from '../services/audit-log.js';
import { toControlObject, type GenerationControl } from '../services/generation-control.js';
import { noteAuditDetail } from './audit-trail.js';
import { authorize } from './auth.js';
import { listPage, sendJson } from './route-helpers.js';

/** The kill switch and the audit log, for operators: every route needs the `admin` scope. */
export function registerControlRoutes(app: FastifyInstance, deps: { control: GenerationControl; audit: AuditRepository; access: AccessControl }): void {
  const { control, access } = deps;
  const admin = (request: FastifyRequest) => authorize(request, access, 'admin');

  app.get('/v1/admin/halt', async (request, reply) => {
    await admin(request);
    return sendJson(reply, toControlObject(await control.state()));
  });

  app.post('/v1/admin/halt', async (request, reply) => {
    const key = await admin(request);
    const { cancelled, ...state } = await control.halt(request.body, key.id);
    noteAuditDetail(request, { ...(request.body as Record<string, unknown>), cancelled_videos: cancelled.length });
    return sendJson(reply, toControlObject(state, cancelled));
  });

  app.post('/v1/admin/resume', async (request, reply) => {
    await admin(request);
    const state = await control.resume(request.body);
    noteAuditDetail(request, { ...(request.body as Record<string, unknown> | undefined) });
    return sendJson(reply, toControlObject(state));
  });

  app.get('/v1/admin/audit', async (request, reply) => {
    await admin(request);
    const page = await listAuditLog(deps.audit, request.query);
    return sendJson(reply, listPage(page.data, page.hasMore));
  });
}
