import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Catalog } from '../catalog/catalog.js';
import type { Config } from '../config.js';
import { startApi } from './api-node.js';
import { createLogger } from './logger.js';
import { NodeMetrics } from './node-metrics.js';
import { Readiness, catalogChecks, catalogQueueCheck } from './readiness.js';
import { openSharedParts } from './shared-parts.js';
import { startWorkers, type RunningWorkers } from './worker-node.js';

export interface RunningKinora {
  url: string;
  app: FastifyInstance;
  catalog: Catalog;
  /** The admin key made on first start (an empty catalog); shown once, never stored in clear. */
  firstAdminKey: string | undefined;
  close: () => Promise<void>;
}

/**
 * `kinora serve`: the API and studio and (unless `workers` is 0, an API-only node) a worker pool in one process, the
 * sum of the two roles (see api-node.ts and worker-node.ts). With a SQLite catalog this process is its only user,
 * so jobs it had claimed when it died are taken up at once instead of after their lease.
 */
export async function startKinora(config: Readonly<Config>, logger: Logger = createLogger(config.logLevel)): Promise<RunningKinora> {
  const parts = await openSharedParts(config, logger);
  let workers: RunningWorkers | undefined;
  try {
    if (parts.soleProcess) {
      const released = await parts.queue.releaseAbandonedLeases();
      if (released > 0) logger.warn({ jobs: released }, 'resuming renders interrupted by the previous shutdown');
    }
    const metrics = new NodeMetrics(parts.catalog, config.workers > 0 ? 'embedded' : 'api');
    const readiness = new Readiness([...catalogChecks(parts.catalog), catalogQueueCheck(parts.catalog)]);
    if (config.workers > 0) workers = await startWorkers(parts, config.workers, metrics);
    const api = await startApi(parts, { metrics, readiness });
    return {
      ...api,
      catalog: parts.catalog,
      async close() {
        readiness.drain();
        await api.app.close();
        await workers?.drain(0);
        await parts.close();
      },
    };
  } catch (error) {
    await workers?.drain(0);
    await parts.close();
    throw error;
  }
}
