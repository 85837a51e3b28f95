import type { FastifyReply, FastifyRequest } from 'fastify';
import { badRequest } from '../domain/errors.js';
import type { CreateOptions } from '../services/video-records.js';
import type { VideoContent } from '../services/video-service.js';
import { readMultipartBody } from './multipart-body.js';

/** A JSON body, or a multipart one turned into the same object (the SDK sends both). */
export function readBody(request: FastifyRequest): Promise<unknown> {
  return request.isMultipart() ? readMultipartBody(request) : Promise.resolve(request.body);
}

/** What a request that makes a video says about repeats: its `Idempotency-Key`, and whether the SDK is retrying. */
export function creationOptions(request: FastifyRequest): CreateOptions {
  const idempotencyKey = request.headers['idempotency-key'];
  if (Array.isArray(idempotencyKey) || (idempotencyKey !== undefined && (idempotencyKey.length === 0 || idempotencyKey.length > 255))) {
    throw badRequest('The Idempotency-Key header must be one value of 1 to 255 characters.', 'Idempotency-Key', 'invalid_idempotency_key');
  }
  return { idempotencyKey, isRetry: Number(request.headers['x-stainless-retry-count'] ?? 0) > 0 };
}

/** JSON answers always say `application/json`: the SDK parses nothing else. */
export function sendJson(reply: FastifyReply, payload: unknown): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(payload);
}

/** A page of a listing in OpenAI's shape: the items, the ids at either end (the cursors), and whether more follow. */
export function listPage<T extends { id: string }>(data: T[], hasMore: boolean) {
  return { object: 'list' as const, data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: hasMore };
}

/** An output of a video, whole or the asked byte range (206), labelled so a player can seek it. */
export function sendContent(reply: FastifyReply, content: VideoContent, cacheControl: string): FastifyReply {
  reply
    .header('content-type', content.contentType)
    .header('accept-ranges', 'bytes')
    .header('content-disposition', `inline; filename="${content.filename}"`)
    .header('cache-control', cacheControl);
  if (content.range) {
    const { start, end } = content.range;
    reply.status(206).header('content-range', `bytes ${start}-${end}/${content.size}`).header('content-length', end - start + 1);
  } else {
    reply.header('content-length', content.size);
  }
  return reply.send(content.body);
}
