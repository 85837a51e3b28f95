import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendHtml, studioCsp } from './html-page.js';

/** Where `npm run build` puts the studio (from src/api and from dist/api alike). */
const studioDir = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** The studio's own pages; each serves the app, which shows the part the path names. */
export const studioPaths = ['/', '/library', '/gallery'] as const;

const notBuilt = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kinora</title></head>
<body><h1>Kinora is running</h1><p>The studio has not been built: run <code>npm run build</code> (or <code>npm start</code>) and reload.
The API is served at <code>/v1</code>.</p></body></html>`;

/**
 * The studio (Vite + React, built into web/dist): its pages, and its files with long caching for the hashed
 * bundles. Every response carries a strict CSP: scripts and styles from this origin only, none inline.
 */
export async function registerStudioRoutes(app: FastifyInstance): Promise<void> {
  const indexFile = path.join(studioDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    for (const route of studioPaths) app.get(route, (_request, reply) => sendHtml(reply, notBuilt, 503));
    return;
  }
  const index = fs.readFileSync(indexFile);
  await app.register(fastifyStatic, {
    root: studioDir,
    prefix: '/',
    // One route per built file, found at start-up: no catch-all that could shadow the API's 404s.
    wildcard: false,
    index: false,
    globIgnore: ['index.html'],
    setHeaders(reply, filePath) {
      reply.header('content-security-policy', studioCsp);
      // Vite names bundles by content hash, so a cached copy is never stale.
      if (filePath.includes(`${path.sep}assets${path.sep}`)) reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  for (const route of studioPaths) app.get(route, (_request, reply) => sendHtml(reply, index));
}
