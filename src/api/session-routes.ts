import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Session } from '../catalog/sessions-repository.js';
import type { Config } from '../config.js';
import { ApiError } from '../domain/errors.js';
import type { GuestPolicy } from '../services/guest-policy.js';
import type { SessionService } from '../services/session-service.js';
import { parseInput } from '../services/video-request.js';
import { sendJson } from './route-helpers.js';
import { assertSameOrigin, assertStudioWrite, clearSessionCookies, setSessionCookies } from './studio-session.js';
import { unixSeconds } from '../domain/unix-time.js';

const signInSchema = z.object({ api_key: z.string().min(1).max(200) }).strict();

/**
 * Only JSON is taken: another site's page cannot send JSON here without a CORS preflight, which this server never
 * grants, so it cannot sign a visitor in to a key of its choosing.
 */
function assertJson(request: FastifyRequest): void {
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    throw new ApiError(415, 'Send the API key as JSON: {"api_key": "kin_…"}.', { code: 'unsupported_media_type' });
  }
}

/** What the studio may know of its session: never the key's secret, only how to name it and what it may do. */
function describe(config: Readonly<Config>, guests: GuestPolicy, session: Session | undefined) {
  const guestMode = config.guest.enabled;
  const limits = { max_seconds: config.maxSeconds, max_prompt_chars: config.maxPromptChars, videos_per_hour: null as number | null };
  if (!session) return { object: 'studio.session', signed_in: false, guest_mode: guestMode, limits };
  const { key, guest } = session;
  return {
    object: 'studio.session',
    signed_in: true,
    guest,
    guest_mode: guestMode,
    key: { name: key.name, prefix: guest ? null : key.prefix, scopes: key.scopes },
    expires_at: unixSeconds(session.expiresAt),
    limits: guest ? { ...limits, max_seconds: guests.maxSeconds, videos_per_hour: config.guest.videosPerHour } : limits,
  };
}

/** `/studio/session`: sign in with a key once, ask who is signed in, sign out; `/studio/guest` in guest mode. */
export function registerSessionRoutes(app: FastifyInstance, deps: { config: Readonly<Config>; sessions: SessionService; guests: GuestPolicy }): void {
  const { config, sessions, guests } = deps;

  app.get('/studio/session', (request, reply) => sendJson(reply.header('cache-control', 'no-store'), describe(config, guests, request.studioSession?.session)));

  app.post('/studio/session', async (request, reply) => {
    assertJson(request);
    assertSameOrigin(request);
    const { api_key } = parseInput(signInSchema, request.body);
    const started = await sessions.signIn(api_key);
    if (request.studioSession) await sessions.signOut(request.studioSession.session);
    setSessionCookies(request, reply, started);
    return sendJson(reply.header('cache-control', 'no-store'), describe(config, guests, started.session));
  });

  app.post('/studio/guest', async (request, reply) => {
    assertSameOrigin(request);
    if (config.guest.enabled) await guests.admitSession(request.ip);
    const started = await sessions.startGuest();
    if (request.studioSession) await sessions.signOut(request.studioSession.session);
    setSessionCookies(request, reply, started);
    return sendJson(reply.header('cache-control', 'no-store'), describe(config, guests, started.session));
  });

  app.delete('/studio/session', async (request, reply) => {
    if (request.studioSession) {
      assertStudioWrite(request, request.studioSession);
      await sessions.signOut(request.studioSession.session);
    }
    clearSessionCookies(request, reply);
    return sendJson(reply, { object: 'studio.session', signed_in: false, guest_mode: config.guest.enabled });
  });
}
