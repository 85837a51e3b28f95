import type { Logger } from 'pino';
import { BullmqQueue } from './bullmq-queue.js';
import { EmbeddedQueue } from './embedded-queue.js';
import type { CatalogDb, JobQueue } from './job-queue.js';
import type { JobTableOptions } from './job-table.js';

/** A queue plus its start-up recovery (which only the embedded one, alone on its catalog, may do at once). */
export type OpenedJobQueue = JobQueue & { releaseAbandonedLeases(): Promise<number> };

/**
 * The queue the configuration asks for: with a Redis URL, BullMQ dispatch across processes; without one, the
 * in-process queue. Both keep each job's state in the catalog, so everything else is the same code.
 * `models` limits the jobs this process takes (see JobTableOptions).
 */
export function openJobQueue(
  db: CatalogDb,
  config: { redisUrl: string | undefined; redisPrefix: string; leaseMs: number; maxAttempts: number },
  options: Pick<JobTableOptions, 'held' | 'models'> & { logger?: Logger } = {},
): Promise<OpenedJobQueue> {
  const table = { leaseMs: config.leaseMs, maxAttempts: config.maxAttempts, ...options };
  if (config.redisUrl === undefined) return Promise.resolve(new EmbeddedQueue(db, table));
  return BullmqQueue.open(db, { ...table, redisUrl: config.redisUrl, prefix: config.redisPrefix });
}
