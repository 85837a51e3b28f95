import fs from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { registerHealthRoutes } from '../api/health-routes.js';
import type { Config } from '../config.js';
import { VideoProvenanceStamp } from '../provenance/video-provenance.js';
import { WorkerPool } from '../worker/worker-pool.js';
import { lockDataDir } from './data-dir-lock.js';
import { NodeMetrics, workerBeatMs, workerStaleMs } from './node-metrics.js';
import { Readiness, catalogChecks, catalogQueueCheck } from './readiness.js';
import { openSharedParts, type SharedParts } from './shared-parts.js';

export interface RunningWorkers {
  /** Takes no new job, lets the renders in hand finish for up to `graceMs`, then stops the rest. */
  drain: (graceMs: number) => Promise<void>;
}

/**
 * The render workers of one process over the shared parts: its scratch space (locked, and wiped of what a dead
 * process left), the worker pool, and its row in the catalog's `workers` table, refreshed while it runs.
 */
export async function startWorkers(parts: SharedParts, concurrency: number, metrics: NodeMetrics): Promise<RunningWorkers> {
  const { config, catalog, logger } = parts;
  const unlockScratch = lockDataDir(config.dataDir, { file: 'scratch.lock', what: 'rendering in' });
  const scratchDir = path.join(config.dataDir, 'tmp');
  // Scratch files of renders that died with their process are worthless: their jobs restart from frame 0.
  fs.rmSync(scratchDir, { recursive: true, force: true });
  fs.mkdirSync(scratchDir, { recursive: true });
  const refunded = await catalog.ledger.refundUnsettled('ended without completing (refund caught up at start-up)');
  if (refunded > 0) logger.warn({ videos: refunded }, 'refunded videos that ended without completing before the previous shutdown');

  const provenance = new VideoProvenanceStamp({ identity: parts.signing, engines: parts.engines, media: parts.media, trainingMining: config.provenance.trainingMining });
  logger.info({ signer: parts.signing.certificate.subject, identity: parts.signing.source }, 'signing every MP4 with a C2PA manifest');
  const pool = new WorkerPool(
    { queue: parts.queue, videos: catalog.videos, ledger: catalog.ledger, engines: parts.engines, provenance, blobs: parts.blobs, media: parts.media, scratchDir, leaseMs: config.leaseMs, maxAttempts: config.maxAttempts, logger, metrics, webhooks: catalog.webhooks },
    concurrency,
  );

  const presence = {
    id: `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
    host: hostname(),
    pid: process.pid,
    models: parts.models ?? parts.engines.names(),
    concurrency,
    startedAt: Date.now(),
  };
  await catalog.workers.prune(Date.now() - workerStaleMs);
  await catalog.workers.beat(presence);
  const beat = setInterval(() => {
    catalog.workers.beat(presence).catch((error: unknown) => logger.warn({ err: error }, 'could not record this worker as alive'));
  }, workerBeatMs);
  pool.start();
  logger.info({ worker: presence.id, concurrency, models: presence.models }, 'worker started');

  return {
    async drain(graceMs) {
      await pool.drain(graceMs);
      clearInterval(beat);
      await catalog.workers.remove(presence.id).catch((error: unknown) => logger.warn({ err: error }, 'could not remove this worker from the catalog'));
      unlockScratch();
    },
  };
}

export interface WorkerNodeOptions {
  concurrency: number;
  /** Only jobs of the models these engines serve (all engines when unset). */
  engines?: readonly string[];
  /** Serve /healthz, /readyz and /metrics on this port (0: a free one); none when unset. */
  metricsPort?: number;
}

export interface RunningWorkerNode {
  /** Where /healthz, /readyz and /metrics answer, when a metrics port was asked for. */
  url: string | undefined;
  /** Says not ready at once, lets the renders in hand finish for up to `graceMs`, then closes everything. */
  close: (graceMs?: number) => Promise<void>;
}

/** `kinora worker`: render workers and no API, on a catalog and blob store shared with the API nodes. */
export async function startWorkerNode(config: Readonly<Config>, options: WorkerNodeOptions, logger: Logger): Promise<RunningWorkerNode> {
  const parts = await openSharedParts(config, logger, { engines: options.engines });
  let app: FastifyInstance | undefined;
  try {
    const metrics = new NodeMetrics(parts.catalog, 'worker');
    const readiness = new Readiness([...catalogChecks(parts.catalog), catalogQueueCheck(parts.catalog)]);
    const workers = await startWorkers(parts, options.concurrency, metrics);
    let url: string | undefined;
    if (options.metricsPort !== undefined) {
      app = Fastify({ logger: false });
      // Operational figures only, on a port of its own that the operator exposes to the scraper, not to the public.
      registerHealthRoutes(app, { readiness, metrics, metricsAccess: 'public' });
      url = (await app.listen({ host: config.host, port: options.metricsPort })).replace('://[::1]', '://localhost');
    }
    return {
      url,
      async close(graceMs = 0) {
        readiness.drain();
        await workers.drain(graceMs);
        await app?.close();
        await parts.close();
      },
    };
  } catch (error) {
    await app?.close();
    await parts.close();
    throw error;
  }
}
