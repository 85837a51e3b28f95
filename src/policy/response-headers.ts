import type { FastifyRequest } from 'fastify';

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
