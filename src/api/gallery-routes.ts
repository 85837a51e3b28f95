import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AccessControl } from '../policy/access-control.js';
import { toVideoObject, type VideoRecord } from '../domain/video.js';
import { artworkCredits } from '../services/artwork-credits.js';
import type { GalleryService } from '../services/gallery-service.js';
import { contentQuerySchema, parseInput } from '../services/video-request.js';
import { authorize } from './auth.js';
import { parseRange } from './http-range.js';
import { listPage, sendContent, sendJson } from './route-helpers.js';
import { unixSeconds } from '../domain/unix-time.js';

const galleryQuerySchema = z
  .object({ after: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(100).default(24) })
  .strict();

/**
 * What anyone may see of a published video: how it was made and who to credit, never who made it or what it was
 * made from (source ids could point at private videos).
 */
export function toPublicVideoObject(video: VideoRecord) {
  return {
    id: video.id,
    object: 'gallery.video',
    model: video.model,
    prompt: video.prompt,
    seed: video.seed,
    size: video.size,
    seconds: String(video.seconds),
    has_audio: video.hasAudio,
    created_at: unixSeconds(video.createdAt),
    published_at: unixSeconds(video.publishedAt),
    plan: video.plan,
    // The same `credits` as the video object (registered artists); the artwork's licences under their own name.
    credits: video.credits,
    artwork_credits: artworkCredits(video.plan),
    // Who signed its MP4's C2PA manifest (anyone may check the file at POST /v1/verify).
    provenance: video.provenance && { ...video.provenance, watermark: video.watermark },
  };
}

/** Publishing (owner, scope `gallery:publish`) and the public, read-only gallery routes (no key needed). */
export function registerGalleryRoutes(app: FastifyInstance, deps: { gallery: GalleryService; access: AccessControl }): void {
  const { gallery, access } = deps;
  const idParam = (request: FastifyRequest): string => (request.params as { video_id: string }).video_id;

  app.post('/v1/videos/:video_id/publish', async (request, reply) => {
    const key = await authorize(request, access, 'gallery:publish');
    return sendJson(reply, toVideoObject(await gallery.publish(key, idParam(request))));
  });

  app.post('/v1/videos/:video_id/unpublish', async (request, reply) => {
    const key = await authorize(request, access, 'gallery:publish');
    return sendJson(reply, toVideoObject(await gallery.unpublish(key, idParam(request))));
  });

  app.get('/v1/gallery', async (request, reply) => {
    const query = parseInput(galleryQuerySchema, request.query);
    const page = await gallery.list(query);
    return sendJson(reply, listPage(page.data.map(toPublicVideoObject), page.hasMore));
  });

  app.get('/v1/gallery/:video_id', async (request, reply) => sendJson(reply, toPublicVideoObject(await gallery.published(idParam(request)))));

  app.get('/v1/gallery/:video_id/content', async (request, reply) => {
    const { variant } = parseInput(contentQuerySchema, request.query);
    const content = await gallery.openContent(idParam(request), variant, (size) => parseRange(request.headers.range, size));
    // Short-lived public caching: unpublishing must take effect soon for caches too.
    return sendContent(reply, content, 'public, max-age=60');
  });
}
