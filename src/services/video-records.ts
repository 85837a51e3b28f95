import type { BlobStore } from '../blobs/blob-store.js';
import type { Catalog } from '../catalog/catalog.js';
import type { NewVideo } from '../catalog/videos-repository.js';
import type { Config } from '../config.js';
import type { ApiKey } from '../domain/api-key.js';
import { ApiError, badRequest, videoNotFound } from '../domain/errors.js';
import { jobKindOf, type VideoRecord } from '../domain/video.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { Admission } from './admission.js';

export interface CreateOptions {
  /** The client's `Idempotency-Key` header. */
  idempotencyKey?: string | undefined;
  /** True when the client says this is a retry of a request it sent before (the SDK's X-Stainless-Retry-Count). */
  isRetry?: boolean;
}

/** How long a blind SDK retry (no idempotency key) is matched to the request it repeats. */
const retryWindowMs = 15 * 60_000;

/**
 * What every request that makes a video shares: reading the caller's own videos, checking a prompt, recognising
 * a repeated request, and recording the new video together with its job.
 */
export class VideoRecords {
  constructor(private readonly deps: { config: Readonly<Config>; catalog: Catalog; queue: JobQueue; blobs: BlobStore; admissions: readonly Admission[] }) {}

  /** The caller's video; another key's video is not found, exactly as if it did not exist. */
  async get(key: ApiKey, id: string, param = 'video_id'): Promise<VideoRecord> {
    const video = await this.deps.catalog.videos.findOwned(id, key.id);
    if (!video) throw videoNotFound(id, param);
    return video;
  }

  /** The caller's video as the source of a new one: it must have finished. */
  async completedSource(key: ApiKey, id: string, use: string, param = 'video_id'): Promise<VideoRecord> {
    const video = await this.get(key, id, param);
    if (video.status !== 'completed') {
      throw badRequest(`Video '${id}' is ${video.status}; only a completed video can be ${use}.`, param, 'video_not_ready');
    }
    return video;
  }

  checkPrompt(raw: string, param = 'prompt'): string {
    const prompt = raw.trim();
    const { maxPromptChars } = this.deps.config;
    if (prompt.length === 0) throw badRequest(`Invalid value for '${param}': the prompt is empty.`, param, 'empty_prompt');
    if (prompt.length > maxPromptChars) {
      throw badRequest(`Invalid value for '${param}': ${prompt.length} characters; the limit is ${maxPromptChars}.`, param, 'prompt_too_long');
    }
    return prompt;
  }

  /** The video an idempotent replay or a blind SDK retry refers to, if any. */
  async findEarlier(key: ApiKey, fingerprint: string, options: CreateOptions): Promise<VideoRecord | undefined> {
    const { catalog } = this.deps;
    if (options.idempotencyKey !== undefined) {
      const record = await catalog.idempotency.find(key.id, options.idempotencyKey);
      if (!record) return undefined;
      if (record.fingerprint !== fingerprint) throw idempotencyMismatch();
      return catalog.videos.findOwned(record.videoId, key.id);
    }
    if (options.isRetry) return catalog.videos.findByFingerprint(key.id, fingerprint, Date.now() - retryWindowMs);
    return undefined;
  }

  /** The video row, its idempotency record, its job and what the admissions record commit together, or not at all. */
  async insertAndEnqueue(key: ApiKey, idempotencyKey: string | undefined, requested: NewVideo): Promise<VideoRecord> {
    const { catalog, queue, admissions } = this.deps;
    // The corner mark is decided here, once, for every kind of video: when the server or the owner's key asks.
    const video: NewVideo = { ...requested, watermark: this.deps.config.provenance.watermark || key.watermark };
    try {
      for (const admission of admissions) await admission.check?.(key, video);
      const enqueued = await catalog.db.transaction().execute(async (trx) => {
        // The key is claimed before anything else is written: of concurrent replays, exactly one records a video.
        if (idempotencyKey !== undefined && !(await catalog.idempotency.claim({ keyId: key.id, idempotencyKey, fingerprint: video.requestFingerprint, videoId: video.id }, trx))) {
          throw new IdempotencyKeyTaken();
        }
        for (const admission of admissions) await admission.record?.(key, video, trx);
        await catalog.videos.insert(video, trx);
        return queue.enqueue({ videoId: video.id, kind: jobKindOf(video.operation) }, { transaction: trx });
      });
      enqueued.afterCommit();
    } catch (error) {
      // Nothing was recorded: what was stored for this video (a reference image, an upload) belongs to nobody.
      await this.deps.blobs.deletePrefix(`videos/${video.id}/`);
      // A concurrent replay of the same idempotency key committed first: answer with its video.
      if (!(error instanceof IdempotencyKeyTaken) || idempotencyKey === undefined) throw error;
      const winner = await catalog.idempotency.find(key.id, idempotencyKey);
      if (!winner) throw idempotencyKeyBusy();
      if (winner.fingerprint !== video.requestFingerprint) throw idempotencyMismatch();
      return this.get(key, winner.videoId);
    }
    return this.get(key, video.id);
  }
}

/** The claim of an Idempotency-Key found a live record: this request is a replay, not a new video. */
class IdempotencyKeyTaken extends Error {}

/** The key was held when this request claimed it, but its record is gone now (it expired that instant): a retry settles it. */
function idempotencyKeyBusy(): ApiError {
  return new ApiError(409, 'A concurrent request with this Idempotency-Key has not settled yet; retry it.', {
    param: 'Idempotency-Key',
    code: 'idempotency_key_in_use',
    headers: { 'retry-after': '1', 'x-should-retry': 'true' },
  });
}

function idempotencyMismatch(): ApiError {
  return new ApiError(409, 'This Idempotency-Key was already used with a different request body.', {
    param: 'Idempotency-Key',
    code: 'idempotency_key_reused',
    headers: { 'x-should-retry': 'false' },
  });
}
