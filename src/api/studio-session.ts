import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Session } from '../catalog/sessions-repository.js';
import { ApiError } from '../domain/errors.js';
import { csrfTokenOf, sessionLifetimeMs, type SessionService, type StartedSession } from '../services/session-service.js';

/** The HttpOnly cookie with the session's secret. */
export const sessionCookie = 'kinora_session';
/** The studio's own script reads this one and echoes it in {@link csrfHeader} on every write. */
export const csrfCookie = 'kinora_csrf';
export const csrfHeader = 'x-kinora-csrf';

/** A request's studio session, found from its cookie, with the token its writes must carry. */
export interface StudioSession {
  session: Session;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when the request carries a live session cookie and no Authorization header (a key always wins). */
    studioSession: StudioSession | null;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes where a session cookie stands for a key; elsewhere (static files, share pages) it is not even looked up. */
const sessionAware = (url: string): boolean => url.startsWith('/v1/') || url.startsWith('/studio/');

/** Resolves the session cookie of API and studio requests, once per request, before any route runs. */
export function installSessionResolution(app: FastifyInstance, sessions: SessionService): void {
  app.decorateRequest('studioSession', null);
  app.addHook('onRequest', async (request) => {
    const secret = request.cookies[sessionCookie];
    if (!secret || request.headers.authorization !== undefined || !sessionAware(request.url)) return;
    const session = await sessions.resolve(secret);
    if (session) request.studioSession = { session, csrfToken: csrfTokenOf(secret) };
  });
}

const forbidden = (message: string): ApiError => new ApiError(403, message, { code: 'csrf_failed', headers: { 'x-should-retry': 'false' } });

/**
 * A write authenticated by the cookie must come from the studio's own page: the browser sends the cookie with any
 * request to this origin, so the page proves itself with the token only it can read (and, when the browser says
 * where the request comes from, with the Origin).
 */
export function assertStudioWrite(request: FastifyRequest, studio: StudioSession): void {
  if (safeMethods.has(request.method)) return;
  assertSameOrigin(request);
  const sent = request.headers[csrfHeader];
  const expected = Buffer.from(studio.csrfToken);
  if (typeof sent !== 'string' || sent.length !== expected.length || !timingSafeEqual(Buffer.from(sent), expected)) {
    throw forbidden(`This request was refused: a signed-in studio write needs the '${csrfHeader}' header (cross-site request protection). Reload the studio and try again.`);
  }
}

/** An Origin other than this server's means another site's page made the request. */
export function assertSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `${request.protocol}://${request.host}`) {
    throw forbidden(`Requests from ${origin} may not use a studio session.`);
  }
}

/** Hands the browser its session: the secret HttpOnly, the CSRF token readable by the studio's script. */
export function setSessionCookies(request: FastifyRequest, reply: FastifyReply, started: StartedSession): void {
  const common = { path: '/', sameSite: 'strict' as const, secure: request.protocol === 'https', maxAge: sessionLifetimeMs / 1000 };
  reply.setCookie(sessionCookie, started.secret, { ...common, httpOnly: true });
  reply.setCookie(csrfCookie, csrfTokenOf(started.secret), { ...common, httpOnly: false });
}

export function clearSessionCookies(request: FastifyRequest, reply: FastifyReply): void {
  const common = { path: '/', sameSite: 'strict' as const, secure: request.protocol === 'https' };
  reply.clearCookie(sessionCookie, { ...common, httpOnly: true });
  reply.clearCookie(csrfCookie, common);
}
