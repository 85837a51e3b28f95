import type { FastifyInstance } from 'fastify';
import type { AccessControl } from '../policy/access-control.js';
import { toVideoObject } from '../domain/video.js';
import type { VideoService } from '../services/video-service.js';
import { authorize } from './auth.js';
import { securityHeadersOf } from '../policy/response-headers.js';

/** How often the stream looks at the catalog. The catalog is shared by every node, so this works in any mode. */
const checkEveryMs = 250;
/**
 * In the first seconds of a render, until its first-frame still is out, more often: it is what a person watches for.
 * Only then: an engine that draws no preview (an upstream) must not cost a blob lookup every 50 ms for minutes.
 */
const checkForPreviewEveryMs = 50;
const previewExpectedWithinMs = 5000;
/** A comment line now and then keeps proxies from closing a quiet stream. */
const keepAliveMs = 15_000;

/**
 * `GET /v1/videos/{id}/events`: Server-Sent Events with the video object each time its status or progress
 * changes, ending after the final state, so a page or CLI follows a render live without polling. While the video is
 * made, one `preview` event says where its first-frame still can be fetched, once it exists.
 */
export function registerVideoEventsRoute(app: FastifyInstance, deps: { videos: VideoService; access: AccessControl }): void {
  app.get('/v1/videos/:video_id/events', async (request, reply) => {
    const key = await authorize(request, deps.access, 'videos:read');
    const id = (request.params as { video_id: string }).video_id;
    let video = await deps.videos.get(key, id);

    reply.hijack();
    const out = reply.raw;
    // A hijacked reply skips the onSend hooks and the headers set on the reply: the security and rate-limit ones go out here.
    out.writeHead(200, {
      ...securityHeadersOf(request),
      ...request.notedHeaders,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-request-id': request.id,
      'x-accel-buffering': 'no',
    });
    // A HEAD carries no body, so nothing would ever flush the head: answer it now instead of watching the video.
    if (request.method === 'HEAD') {
      out.end();
      return;
    }
    let closed = false;
    request.raw.once('close', () => (closed = true));
    let lastSent = '';
    let lastWriteAt = Date.now();
    let lastLookAt = Date.now();
    let renderSeenAt: number | undefined;
    const send = (): void => {
      const data = JSON.stringify(toVideoObject(video));
      if (data === lastSent) return;
      lastSent = data;
      lastWriteAt = Date.now();
      out.write(`event: video\ndata: ${data}\n\n`);
    };

    // The first-frame still is announced once, as soon as the worker has stored it, while the video is being made.
    let previewSent = false;
    const sendPreview = async (): Promise<void> => {
      if (previewSent || video.status === 'completed' || !(await deps.videos.hasPreview(video))) return;
      previewSent = true;
      out.write(`event: preview\ndata: ${JSON.stringify({ id, url: `/v1/videos/${id}/content?variant=preview` })}\n\n`);
    };

    try {
      send();
      await sendPreview();
      while (!closed && (video.status === 'queued' || video.status === 'in_progress')) {
        if (video.status === 'in_progress') renderSeenAt ??= Date.now();
        const awaitingPreview = !previewSent && renderSeenAt !== undefined && Date.now() - renderSeenAt < previewExpectedWithinMs;
        await new Promise((resolve) => setTimeout(resolve, awaitingPreview ? checkForPreviewEveryMs : checkEveryMs));
        await sendPreview();
        if (!awaitingPreview || Date.now() - lastLookAt >= checkEveryMs) {
          video = await deps.videos.get(key, id);
          lastLookAt = Date.now();
          send();
        }
        if (Date.now() - lastWriteAt > keepAliveMs) {
          out.write(': keep-alive\n\n');
          lastWriteAt = Date.now();
        }
      }
    } catch (error) {
      // Deleted while watched (404) or a catalog fault: say so in the stream, then end it.
      const message = error instanceof Error ? error.message : 'stream ended';
      if (!closed) out.write(`event: error\ndata: ${JSON.stringify({ error: { message } })}\n\n`);
    }
    out.end();
  });
}
