import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessControl } from '../policy/access-control.js';
import type { Scope } from '../domain/api-key.js';
import { toVideoObject } from '../domain/video.js';
import { authorize } from './auth.js';
import { parseRange } from './http-range.js';
import { creationOptions, listPage, readBody, sendContent, sendJson } from './route-helpers.js';
import type { VideoService } from '../services/video-service.js';
import { contentQuerySchema, createVideoSchema, listVideosSchema, parseInput, remixVideoSchema } from '../services/video-request.js';

/** Suggested poll interval for clients that poll (the SDK's polling helpers read `openai-poll-after-ms`). */
const pollAfterMs = '1000';

/** OpenAI's Videos API routes: HTTP in, service call, OpenAI-shaped JSON out. */
export function registerVideoRoutes(app: FastifyInstance, deps: { videos: VideoService; access: AccessControl }): void {
  const { videos, access } = deps;
  const keyFor = (request: FastifyRequest, scope: Scope) => authorize(request, access, scope);
  const idParam = (request: FastifyRequest): string => (request.params as { video_id: string }).video_id;

  app.post('/v1/videos', async (request, reply) => {
    const key = await keyFor(request, 'videos:write');
    const body = parseInput(createVideoSchema, await readBody(request));
    const video = await videos.create(key, body, creationOptions(request));
    return sendJson(reply, toVideoObject(video));
  });

  app.get('/v1/videos', async (request, reply) => {
    const key = await keyFor(request, 'videos:read');
    const query = parseInput(listVideosSchema, request.query);
    const page = await videos.list(key, query);
    return sendJson(reply, listPage(page.data.map(toVideoObject), page.hasMore));
  });

  app.get('/v1/videos/:video_id', async (request, reply) => {
    const key = await keyFor(request, 'videos:read');
    const video = await videos.get(key, idParam(request));
    if (video.status === 'queued' || video.status === 'in_progress') reply.header('openai-poll-after-ms', pollAfterMs);
    return sendJson(reply, toVideoObject(video));
  });

  app.delete('/v1/videos/:video_id', async (request, reply) => {
    const key = await keyFor(request, 'videos:write');
    const id = idParam(request);
    await videos.delete(key, id);
    return sendJson(reply, { id, object: 'video.deleted', deleted: true });
  });

  app.post('/v1/videos/:video_id/remix', async (request, reply) => {
    const key = await keyFor(request, 'videos:write');
    const { prompt } = parseInput(remixVideoSchema, await readBody(request));
    return sendJson(reply, toVideoObject(await videos.remix(key, idParam(request), prompt, creationOptions(request))));
  });

  app.get('/v1/videos/:video_id/content', async (request, reply) => {
    const key = await keyFor(request, 'videos:read');
    const { variant } = parseInput(contentQuerySchema, request.query);
    // KINORA_BLOB_PRESIGN: the bytes come straight from S3 (which serves Range itself); fetch and the SDK follow it.
    const link = await videos.contentLink(key, idParam(request), variant);
    if (link) return reply.header('cache-control', 'no-store').redirect(link, 302);
    const content = await videos.openContent(key, idParam(request), variant, (size) => parseRange(request.headers.range, size));
    return sendContent(reply, content, 'private, max-age=3600');
  });
}
