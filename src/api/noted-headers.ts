import type { FastifyInstance } from 'fastify';
import '../policy/response-headers.js';

/** Sends the headers guards noted on a request (see noteResponseHeaders) with its response, success or error. */
export function installNotedHeaders(app: FastifyInstance): void {
  app.decorateRequest('notedHeaders', null);
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.notedHeaders) reply.headers(request.notedHeaders);
    return payload;
  });
}
