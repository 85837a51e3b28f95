import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** Headers a guard measured for this request (its rate limit), sent with whatever the response turns out to be. */
    notedHeaders: Record<string, string> | null;
  }
}

/** Notes headers for the response: guards see only the request, and must say their figures on errors too. */
export function noteResponseHeaders(request: FastifyRequest, headers: Record<string, string>): void {
  request.notedHeaders = { ...request.notedHeaders, ...headers };
}

/**
 * What every answer carries, JSON, media, studio page or error alike: no content-type sniffing (an uploaded file is
 * never run as a script or page), no framing by another site (clickjacking), and no URL leaked to other sites in a
 * Referer. `same-origin` rather than `no-referrer`: under `no-referrer` a browser sends `Origin: null` with the
 * studio's own writes, which the CSRF check must refuse.
 */
export const everyResponse = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
} as const;

/** Over https, browsers are also told to come back over https only, for a year (no subdomains: they may be others'). */
const overHttps = { ...everyResponse, 'strict-transport-security': 'max-age=31536000' } as const;

/** The security headers of a response to this request; for the answers given outside the hooks (router errors). */
export const securityHeadersOf = (request: FastifyRequest): Readonly<Record<string, string>> => (request.protocol === 'https' ? overHttps : everyResponse);

/**
 * Sets the security headers of every response as the request arrives, so errors and refusals carry them too (a
 * hijacked reply, the event stream, writes them itself).
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  // A callback hook, not an async one: it runs on every request, and a promise each time is measurable under load.
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(securityHeadersOf(request));
    done();
  });
}
