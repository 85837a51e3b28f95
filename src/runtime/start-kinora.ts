import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';
import { buildServer } from '../api/server.js';
import { openBlobStore } from '../blobs/local-blob-store.js';
import { openCatalog, type Catalog } from '../catalog/catalog.js';
import type { Config } from '../config.js';
import { scopes } from '../domain/api-key.js';
import { createProceduralEngine } from '../engines/procedural/procedural-engine.js';
import { EngineRegistry } from '../engines/registry.js';
import { resolveMediaTools } from '../media/ffmpeg-binaries.js';
import { AccessControl } from '../policy/access-control.js';
import { DailyQuota } from '../policy/daily-quota.js';
import { rateLimitGuard } from '../policy/rate-limit.js';
import { InMemoryRequestCounter } from '../policy/request-counter.js';
import { jobsHeldByKillSwitch } from '../policy/kill-switch.js';
import { CopyFinder } from '../provenance/copy-finder.js';
import { loadSigningIdentity, rootOf } from '../provenance/signing-identity.js';
import { VideoProvenanceStamp } from '../provenance/video-provenance.js';
import { verifierFor } from '../provenance/verify-mp4.js';
import { EmbeddedQueue } from '../queue/embedded-queue.js';
import { ArtistService } from '../services/artist-service.js';
import { FileService } from '../services/file-service.js';
import { GalleryService } from '../services/gallery-service.js';
import { GuestPolicy } from '../services/guest-policy.js';
import { LedgerAdmission } from '../services/ledger-admission.js';
import { LedgerService } from '../services/ledger-service.js';
import { SessionService } from '../services/session-service.js';
import { VideoService } from '../services/video-service.js';
import { WorkerPool } from '../worker/worker-pool.js';
import { lockDataDir } from './data-dir-lock.js';
import { createGenerationControls } from './generation-controls.js';

export interface RunningKinora {
  url: string;
  app: FastifyInstance;
  catalog: Catalog;
  /** The admin key made on first start (an empty catalog); shown once, never stored in clear. */
  firstAdminKey: string | undefined;
  close: () => Promise<void>;
}

/**
 * The composition root of the embedded mode: one process with the catalog, the blob store, the queue, the API
 * and (unless `workers` is 0) a worker pool. Recovery after a crash happens here, before the first request.
 */
export async function startKinora(config: Readonly<Config>, logger: Logger = pino({ level: config.logLevel })): Promise<RunningKinora> {
  const unlock = lockDataDir(config.dataDir);
  const catalog = await openCatalog(config.databaseUrl);
  const cleanups: Array<() => Promise<void> | void> = [unlock, () => catalog.close()];
  try {
    const media = await resolveMediaTools();
    const engines = new EngineRegistry([createProceduralEngine()], config.modelAliases);
    const blobs = openBlobStore(config.blobUrl);
    const queue = new EmbeddedQueue(catalog.db, { leaseMs: config.leaseMs, maxAttempts: config.maxAttempts, held: jobsHeldByKillSwitch });
    cleanups.unshift(() => queue.close());

    const firstAdminKey = (await catalog.keys.count()) === 0 ? (await catalog.keys.create('admin', [...scopes])).secret : undefined;

    // Created on first start (or read from the operator's files): every MP4 is signed with it.
    const signing = await loadSigningIdentity({ keyPath: config.provenance.signingKeyPath, certPath: config.provenance.signingCertPath, dataDir: config.dataDir });
    const provenance = new VideoProvenanceStamp({ identity: signing, engines, media, trainingMining: config.provenance.trainingMining });
    logger.info({ signer: signing.certificate.subject, identity: signing.source }, 'signing every MP4 with a C2PA manifest');

    const scratchDir = path.join(config.dataDir, 'tmp');
    // Scratch files of renders that died with their process are worthless: their jobs restart from frame 0.
    fs.rmSync(scratchDir, { recursive: true, force: true });
    fs.mkdirSync(scratchDir, { recursive: true });
    const released = await queue.releaseAbandonedLeases();
    if (released > 0) logger.warn({ jobs: released }, 'resuming renders interrupted by the previous shutdown');
    const refunded = await catalog.ledger.refundUnsettled('ended without completing (refund caught up at start-up)');
    if (refunded > 0) logger.warn({ videos: refunded }, 'refunded videos that ended without completing before the previous shutdown');

    if (config.workers > 0) {
      const pool = new WorkerPool(
        { queue, videos: catalog.videos, ledger: catalog.ledger, engines, provenance, blobs, media, scratchDir, leaseMs: config.leaseMs, maxAttempts: config.maxAttempts, logger },
        config.workers,
      );
      pool.start();
      cleanups.unshift(() => pool.stop());
    }

    const files = new FileService({ config, files: catalog.files, blobs });
    const artists = new ArtistService(catalog.artists);
    const access = new AccessControl(catalog.keys);
    const controls = createGenerationControls(config, catalog, logger);
    for (const guard of controls.guards) access.addGuard(guard);
    access.addGuard(rateLimitGuard({ counter: new InMemoryRequestCounter(), defaultPerMinute: config.rateLimitPerMinute }));
    const videos = new VideoService({ config, catalog, queue, blobs, engines, files, artists, admissions: [...controls.admissions, new DailyQuota({ videos: catalog.videos, defaultSecondsPerDay: config.dailySeconds }), new LedgerAdmission({ ledger: catalog.ledger, artists: catalog.artists, creditsRequired: config.creditsRequired })] });
    const sessions = new SessionService({ config, sessions: catalog.sessions, keys: catalog.keys });
    const gallery = new GalleryService({ gallery: catalog.gallery, videos });
    const guests = new GuestPolicy({ guest: config.guest, maxSeconds: config.maxSeconds, videos: catalog.videos });
    const ledger = new LedgerService({ catalog, creditsRequired: config.creditsRequired });
    // An upload without a manifest is looked up among this instance's videos by its picture.
    const copies = new CopyFinder({ media, videos: catalog.videos, maxSeconds: config.maxSeconds });
    const app = await buildServer({ config, logger, access, videos, files, engines, sessions, gallery, guests, artists, ledger, verifier: verifierFor(rootOf(signing), copies), control: controls.control, audit: catalog.audit });
    cleanups.unshift(() => app.close());
    const address = await app.listen({ host: config.host, port: config.port });
    return {
      url: address.replace('://[::1]', '://localhost').replace('://0.0.0.0', '://localhost'),
      app,
      catalog,
      firstAdminKey,
      async close() {
        for (const cleanup of cleanups.splice(0)) await cleanup();
      },
    };
  } catch (error) {
    for (const cleanup of cleanups.splice(0)) await cleanup();
    throw error;
  }
}
