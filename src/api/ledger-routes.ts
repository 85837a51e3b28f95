import type { FastifyInstance } from 'fastify';
import type { AccessControl } from '../policy/access-control.js';
import type { LedgerService } from '../services/ledger-service.js';
import { authorize } from './auth.js';
import { sendJson } from './route-helpers.js';

/** Credits: a key's own balance; grants and the artists' pay report for operators (`admin`). */
export function registerLedgerRoutes(app: FastifyInstance, deps: { ledger: LedgerService; access: AccessControl }): void {
  const { ledger, access } = deps;

  app.get('/v1/ledger/balance', async (request, reply) => {
    const key = await authorize(request, access, 'videos:read');
    return sendJson(reply, await ledger.balance(key.id));
  });

  app.post('/v1/ledger/grants', async (request, reply) => {
    await authorize(request, access, 'admin');
    return sendJson(reply, await ledger.grant(request.body));
  });

  app.get('/v1/ledger/report', async (request, reply) => {
    await authorize(request, access, 'admin');
    return sendJson(reply, await ledger.report(request.query));
  });
}
