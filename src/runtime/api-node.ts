import type { FastifyInstance } from 'fastify';
import { buildServer } from '../api/server.js';
import { scopes } from '../domain/api-key.js';
import { AccessControl } from '../policy/access-control.js';
import { DailyQuota } from '../policy/daily-quota.js';
import { rateLimitGuard } from '../policy/rate-limit.js';
import { CopyFinder } from '../provenance/copy-finder.js';
import { rootOf } from '../provenance/signing-identity.js';
import { verifierFor } from '../provenance/verify-mp4.js';
import { ArtistService } from '../services/artist-service.js';
import { FileService } from '../services/file-service.js';
import { GalleryService } from '../services/gallery-service.js';
import { GuestPolicy } from '../services/guest-policy.js';
import { LedgerAdmission } from '../services/ledger-admission.js';
import { LedgerService } from '../services/ledger-service.js';
import { SessionService } from '../services/session-service.js';
import { VideoService } from '../services/video-service.js';
import { startWebhookDispatcher } from '../webhooks/webhook-dispatcher.js';
import { WebhookService } from '../webhooks/webhook-service.js';
import { createGenerationControls } from './generation-controls.js';
import type { NodeMetrics } from './node-metrics.js';
import type { Readiness } from './readiness.js';
import type { SharedParts } from './shared-parts.js';

export interface RunningApi {
  app: FastifyInstance;
  url: string;
  /** The admin key made on first start (an empty catalog); shown once, never stored in clear. */
  firstAdminKey: string | undefined;
}

/** The HTTP API and studio over the shared parts: services, policy and routes, listening on the configured port. */
export async function startApi(parts: SharedParts, health: { metrics: NodeMetrics; readiness: Readiness }): Promise<RunningApi> {
  const { config, logger, catalog, blobs, engines, queue, media, signing } = parts;
  const firstAdminKey = (await catalog.keys.count()) === 0 ? (await catalog.keys.create('admin', [...scopes])).secret : undefined;

  const files = new FileService({ config, files: catalog.files, blobs });
  const artists = new ArtistService(catalog.artists);
  const access = new AccessControl(catalog.keys);
  const controls = createGenerationControls(config, catalog, logger, parts.counters);
  for (const guard of controls.guards) access.addGuard(guard);
  access.addGuard(rateLimitGuard({ counter: parts.counters.requests('rate'), defaultPerMinute: config.rateLimitPerMinute }));
  const videos = new VideoService({ config, catalog, queue, blobs, engines, files, artists, admissions: [...controls.admissions, new DailyQuota({ videos: catalog.videos, defaultSecondsPerDay: config.dailySeconds }), new LedgerAdmission({ ledger: catalog.ledger, artists: catalog.artists, creditsRequired: config.creditsRequired })] });
  const sessions = new SessionService({ config, sessions: catalog.sessions, keys: catalog.keys });
  const gallery = new GalleryService({ gallery: catalog.gallery, videos });
  const guests = new GuestPolicy({ guest: config.guest, maxSeconds: config.maxSeconds, videos: catalog.videos, sessionStarts: parts.counters.requests('guest-sessions') });
  const ledger = new LedgerService({ catalog, creditsRequired: config.creditsRequired });
  // An upload without a manifest is looked up among this instance's videos by its picture.
  const copies = new CopyFinder({ media, videos: catalog.videos, maxSeconds: config.maxSeconds });
  const app = await buildServer({
    config, logger, access, videos, files, engines, sessions, gallery, guests, artists, ledger,
    webhooks: new WebhookService({ webhooks: catalog.webhooks, allowPrivate: config.allowPrivateUrls }),
    verifier: verifierFor(rootOf(signing), copies),
    control: controls.control,
    audit: catalog.audit,
    health: { ...health, metricsAccess: config.metrics, access, aliveFacts: async () => ({ generation_halted: (await controls.control.halted()) !== null }) },
  });
  // Every API node sends webhooks: deliveries queued by any node (workers included) are claimed under a lease.
  const dispatcher = startWebhookDispatcher({ webhooks: catalog.webhooks, logger, allowPrivate: config.allowPrivateUrls, retryBaseMs: config.webhookRetryBaseMs });
  app.addHook('onClose', () => dispatcher.stop());
  try {
    const address = await app.listen({ host: config.host, port: config.port });
    return { app, url: address.replace('://[::1]', '://localhost').replace('://0.0.0.0', '://localhost'), firstAdminKey };
  } catch (error) {
    await app.close();
    throw error;
  }
}
