import type { FastifyInstance } from 'fastify';
import type { AccessControl } from '../policy/access-control.js';
import type { NodeMetrics } from '../runtime/node-metrics.js';
import type { Readiness } from '../runtime/readiness.js';
import { authorize } from './auth.js';

export interface HealthDeps {
  readiness: Readiness;
  metrics: NodeMetrics;
  /** Who may read `/metrics`; 'admin' needs `access` to check the key. */
  metricsAccess: 'public' | 'admin' | 'off';
  access?: AccessControl;
  /** Extra facts `/healthz` states beside `status` (the API tells whether generation is halted). */
  aliveFacts?: () => Promise<Record<string, unknown>>;
}

/**
 * For orchestrators and load balancers: `/healthz` says the process answers (restart it if not), `/readyz` whether
 * it should get work (503 with the failing checks otherwise), and `/metrics` is Prometheus's text format. The same
 * three serve an API node and a worker's metrics port. Every request is counted by route template and status.
 */
export function registerHealthRoutes(app: FastifyInstance, deps: HealthDeps): void {
  app.addHook('onResponse', async (request, reply) => {
    deps.metrics.observeRequest(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });
  app.get('/healthz', async (_request, reply) => reply.send({ status: 'ok', ...(await deps.aliveFacts?.()) }));
  app.get('/readyz', async (_request, reply) => {
    const { ready, checks } = await deps.readiness.report();
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
  });
  if (deps.metricsAccess === 'off') return;
  app.get('/metrics', async (request, reply) => {
    if (deps.metricsAccess === 'admin') {
      if (!deps.access) throw new Error('admin-only metrics need the access control');
      await authorize(request, deps.access, 'admin');
    }
    return reply.type(deps.metrics.contentType).send(await deps.metrics.text());
  });
}
