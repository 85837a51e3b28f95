import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessControl } from '../policy/access-control.js';
import { toVideoObject } from '../domain/video.js';
import type { VideoService } from '../services/video-service.js';
import { blendVideosSchema, editVideoSchema, extendVideoSchema, parseInput, recutVideoSchema } from '../services/video-request.js';
import { authorize } from './auth.js';
import { creationOptions, readBody, sendJson } from './route-helpers.js';

/**
 * Videos made from other videos: OpenAI's edits and extensions (the SDK's `videos.edit` / `videos.extend`, always
 * multipart), and Kinora's blends and re-cuts. Each answers at once with the new video, queued.
 */
export function registerVideoOperationRoutes(app: FastifyInstance, deps: { videos: VideoService; access: AccessControl }): void {
  const { derived } = deps.videos;
  const writer = (request: FastifyRequest) => authorize(request, deps.access, 'videos:write');

  app.post('/v1/videos/edits', async (request, reply) => {
    const key = await writer(request);
    const body = parseInput(editVideoSchema, await readBody(request));
    return sendJson(reply, toVideoObject(await derived.edit(key, body, creationOptions(request))));
  });

  app.post('/v1/videos/extensions', async (request, reply) => {
    const key = await writer(request);
    const body = parseInput(extendVideoSchema, await readBody(request));
    return sendJson(reply, toVideoObject(await derived.extend(key, body, creationOptions(request))));
  });

  app.post('/v1/videos/blends', async (request, reply) => {
    const key = await writer(request);
    const body = parseInput(blendVideosSchema, await readBody(request));
    return sendJson(reply, toVideoObject(await derived.blend(key, body, creationOptions(request))));
  });

  app.post('/v1/videos/:video_id/recut', async (request, reply) => {
    const key = await writer(request);
    const body = parseInput(recutVideoSchema, await readBody(request));
    const id = (request.params as { video_id: string }).video_id;
    return sendJson(reply, toVideoObject(await derived.recut(key, id, body, creationOptions(request))));
  });
}
