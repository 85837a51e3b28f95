import type { Logger } from 'pino';
import type { BlobStore } from '../blobs/blob-store.js';
import { openBlobStore } from '../blobs/open-blob-store.js';
import { openCatalog, type Catalog } from '../catalog/catalog.js';
import type { Config } from '../config.js';
import { createEngines } from '../engines/create-engines.js';
import type { EngineRegistry } from '../engines/registry.js';
import { resolveMediaTools, type MediaTools } from '../media/ffmpeg-binaries.js';
import { jobsHeldByKillSwitch } from '../policy/kill-switch.js';
import { openCounters, type Counters } from '../policy/open-counters.js';
import { loadSigningIdentity, type SigningIdentity } from '../provenance/signing-identity.js';
import { openJobQueue, type OpenedJobQueue } from '../queue/open-job-queue.js';
import { modelNamesOfEngines } from '../queue/model-filter.js';
import { lockDataDir } from './data-dir-lock.js';

/** What every kind of node opens: the catalog, media tools, engines, blob store, queue and signing identity. */
export interface SharedParts {
  config: Readonly<Config>;
  logger: Logger;
  catalog: Catalog;
  media: MediaTools;
  engines: EngineRegistry;
  blobs: BlobStore;
  queue: OpenedJobQueue;
  /** The model names this process claims jobs for (a worker's `--engines`); undefined: all. */
  models: readonly string[] | undefined;
  signing: SigningIdentity;
  /** Rate and abuse counters: in Redis when there is one, so every API node counts against the same windows. */
  counters: Counters;
  /** True when this process alone may use the catalog (SQLite, guarded by the data-dir lock). */
  soleProcess: boolean;
  close: () => Promise<void>;
}

/**
 * Opens the parts an API node, a worker node and the embedded mode share. `engines` (a worker's `--engines`) limits
 * the jobs this process claims to the models those engines serve.
 */
export async function openSharedParts(config: Readonly<Config>, logger: Logger, options: { engines?: readonly string[] } = {}): Promise<SharedParts> {
  // A SQLite catalog belongs to one process; PostgreSQL is shared by design, so nothing shared is locked then.
  const soleProcess = config.databaseUrl.startsWith('sqlite:');
  const cleanups: Array<() => Promise<void> | void> = [];
  const close = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  };
  try {
    if (soleProcess) cleanups.unshift(lockDataDir(config.dataDir));
    const catalog = await openCatalog(config.databaseUrl);
    cleanups.unshift(() => catalog.close());
    const media = await resolveMediaTools();
    const engines = await createEngines(config, logger);
    const blobs = await openBlobStore(config.blobUrl);
    cleanups.unshift(() => blobs.close?.());
    const models = options.engines && modelNamesOfEngines(engines, options.engines);
    const queue = await openJobQueue(catalog.db, config, { held: jobsHeldByKillSwitch, models, logger });
    cleanups.unshift(() => queue.close());
    const counters = await openCounters(
      config,
      (error) => logger.warn({ err: error }, 'shared counters: Redis connection trouble'),
      (error) => logger.warn({ err: error }, 'shared counters: Redis unreachable, limits count on this node alone until it is back'),
    );
    cleanups.unshift(() => counters.close());
    // Created on first start (or read from the operator's files): every MP4 is signed with it.
    const signing = await loadSigningIdentity({ keyPath: config.provenance.signingKeyPath, certPath: config.provenance.signingCertPath, dataDir: config.dataDir });
    return { config, logger, catalog, media, engines, blobs, queue, models, signing, counters: counters.counters, soleProcess, close };
  } catch (error) {
    await close();
    throw error;
  }
}
