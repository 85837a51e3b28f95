import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { AccessControl } from '../policy/access-control.js';
import type { Verifier } from '../provenance/verify-mp4.js';
import type { EngineRegistry } from '../engines/registry.js';
import type { ArtistService } from '../services/artist-service.js';
import type { VideoService } from '../services/video-service.js';
import type { FileService } from '../services/file-service.js';
import type { GalleryService } from '../services/gallery-service.js';
import type { GuestPolicy } from '../services/guest-policy.js';
import type { LedgerService } from '../services/ledger-service.js';
import type { WebhookService } from '../webhooks/webhook-service.js';
import type { SessionService } from '../services/session-service.js';
import type { AuditRepository } from '../catalog/audit-repository.js';
import type { GenerationControl } from '../services/generation-control.js';
import { registerArtistRoutes } from './artists-routes.js';
import { installAuditTrail } from './audit-trail.js';
import { registerControlRoutes } from './control-routes.js';
import { installErrorHandling } from './error-handler.js';
import { installNulGuard } from './nul-guard.js';
import { registerFileRoutes } from './files-routes.js';
import { registerGalleryRoutes } from './gallery-routes.js';
import { registerHealthRoutes, type HealthDeps } from './health-routes.js';
import { installGuestLimits } from './guest-limits.js';
import { registerKeyRoutes } from './keys-routes.js';
import { registerLedgerRoutes } from './ledger-routes.js';
import { registerModelRoutes } from './models-routes.js';
import { installNotedHeaders } from './noted-headers.js';
import { installSecurityHeaders } from '../policy/response-headers.js';
import { answerConnectionError, answerRouterError } from './pre-route-errors.js';
import { registerSessionRoutes } from './session-routes.js';
import { registerSharePage } from './share-page.js';
import { installSessionResolution } from './studio-session.js';
import { registerStudioRoutes } from './studio-routes.js';
import { registerVideoEventsRoute } from './video-events-route.js';
import { registerVideoOperationRoutes } from './video-operations-routes.js';
import { registerVideoRoutes } from './videos-routes.js';
import { registerVerifyRoutes } from './verify-routes.js';
import { registerWebhookRoutes } from './webhooks-routes.js';

export interface ServerDeps {
  config: Readonly<Config>;
  logger: FastifyBaseLogger;
  access: AccessControl;
  videos: VideoService;
  files: FileService;
  engines: EngineRegistry;
  sessions: SessionService;
  gallery: GalleryService;
  guests: GuestPolicy;
  artists: ArtistService;
  ledger: LedgerService;
  /** Webhook endpoints of each key and their delivery logs. */
  webhooks: WebhookService;
  /** Checks the C2PA provenance of an uploaded MP4 (`POST /v1/verify`). */
  verifier: Verifier;
  /** The kill switch (halt, resume, key suspension). */
  control: GenerationControl;
  audit: AuditRepository;
  /** /healthz, /readyz and /metrics, and the count of every request. */
  health: HealthDeps;
}

/** Room for an image sent inline as a base64 data URL (4/3 of its bytes) plus the other fields. */
const jsonOverhead = 64 * 1024;

/** The HTTP API: wiring only. Each route file translates HTTP to one service. */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    loggerInstance: deps.logger,
    // 24 hex digits as before, from randomUUID, which draws on a cached pool: randomBytes asks OpenSSL on every request.
    genReqId: () => `req_${randomUUID().replaceAll('-', '').slice(0, 24)}`,
    bodyLimit: Math.ceil(config.maxUploadBytes * (4 / 3)) + jsonOverhead,
    // A slow client must not hold a connection forever (slow-loris): the whole request, head and body, has
    // KINORA_REQUEST_TIMEOUT_SECONDS (generous, for uploads), the head alone at most 60 s, and Node checks often
    // enough to act on time rather than up to 30 s late. A connection idle for 130 s is closed whatever it is doing.
    requestTimeout: config.requestTimeoutMs,
    http: { headersTimeout: Math.min(60_000, config.requestTimeoutMs), connectionsCheckingInterval: Math.min(30_000, Math.max(250, config.requestTimeoutMs / 4)) },
    connectionTimeout: 130_000,
    // Only the operator's own proxies may say who the client is and whether it came over https.
    trustProxy: config.trustProxy,
    // Requests refused before any route runs (a malformed or over-long path, broken HTTP, a timed-out request) are
    // answered in the same error shape as every other.
    frameworkErrors: answerRouterError,
    clientErrorHandler: answerConnectionError,
    // Clients poll status every second; per-request lines would drown the log. Errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  installSecurityHeaders(app);
  await app.register(multipart, {
    limits: {
      fileSize: config.maxUploadBytes,
      files: 1,
      // A storyboard of 8 shots sent by the SDK is 17 fields beside the others.
      fields: 40,
      fieldSize: Math.ceil(config.maxUploadBytes * (4 / 3)) + jsonOverhead,
      parts: 44,
      headerPairs: 100,
    },
  });
  await app.register(cookie);
  installSessionResolution(app, deps.sessions);
  installGuestLimits(app, deps.guests);
  installErrorHandling(app);
  installNulGuard(app);
  installNotedHeaders(app);
  installAuditTrail(app, deps.audit);
  registerHealthRoutes(app, deps.health);
  registerVideoRoutes(app, deps);
  registerVideoOperationRoutes(app, deps);
  registerVideoEventsRoute(app, deps);
  registerFileRoutes(app, deps);
  registerModelRoutes(app, deps);
  registerGalleryRoutes(app, deps);
  registerSessionRoutes(app, deps);
  registerArtistRoutes(app, deps);
  registerControlRoutes(app, deps);
  registerKeyRoutes(app, deps);
  registerLedgerRoutes(app, deps);
  registerVerifyRoutes(app, deps);
  registerWebhookRoutes(app, deps);
  registerSharePage(app, deps);
  await registerStudioRoutes(app);
  return app;
}
