import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';

const placeholder = new URL('../../web/placeholder.html', import.meta.url);

/** The studio's page. Until the web app lands this is a static placeholder that explains how to use the API. */
export function registerStudioRoutes(app: FastifyInstance): void {
  const html = fs.readFileSync(placeholder);
  app.get('/', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:")
      .header('x-content-type-options', 'nosniff')
      .send(html),
  );
}
