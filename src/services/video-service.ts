import { createHash, randomInt } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { BlobStore, ByteRange } from '../blobs/blob-store.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Config } from '../config.js';
import type { ApiKey } from '../domain/api-key.js';
import { ApiError, badRequest, videoNotFound } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { defaultSeconds, defaultSize } from '../domain/sizes.js';
import type { StoredImage, VideoRecord } from '../domain/video.js';
import type { EngineRegistry } from '../engines/registry.js';
import { loadImageUrl } from '../media/image-source.js';
import { checkReferenceImage } from '../media/reference-image.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { FileService } from './file-service.js';
import type { CreateVideoBody } from './video-request.js';

export interface VideoServiceDeps {
  config: Readonly<Config>;
  catalog: Catalog;
  queue: JobQueue;
  blobs: BlobStore;
  engines: EngineRegistry;
  files: FileService;
}

export interface CreateOptions {
  /** The client's `Idempotency-Key` header. */
  idempotencyKey?: string | undefined;
  /** True when the client says this is a retry of a request it sent before (the SDK's X-Stainless-Retry-Count). */
  isRetry?: boolean;
}

/** How long a blind SDK retry (no idempotency key) is matched to the request it repeats. */
const retryWindowMs = 15 * 60_000;

type Variant = 'video' | 'thumbnail' | 'spritesheet';
const contentTypes: Record<Variant, string> = { video: 'video/mp4', thumbnail: 'image/webp', spritesheet: 'image/jpeg' };

/** The use cases of the Videos API; routes call these and only translate HTTP. */
export class VideoService {
  constructor(private readonly deps: VideoServiceDeps) {}

  async create(key: ApiKey, body: CreateVideoBody, options: CreateOptions = {}): Promise<VideoRecord> {
    const { config, engines } = this.deps;
    const prompt = this.checkPrompt(body.prompt);
    const modelName = body.model ?? 'kinora-1';
    const served = engines.resolve(modelName);
    if (!served) {
      throw badRequest(`Invalid value for 'model': '${modelName}' is not served here. Available: ${engines.names().join(', ')}.`, 'model', 'model_not_found');
    }
    const size = body.size ?? defaultSize;
    if (!served.model.sizes.includes(size)) {
      throw badRequest(`Invalid value for 'size': '${size}'. Supported values: ${served.model.sizes.join(', ')}.`, 'size');
    }
    const maxSeconds = Math.min(config.maxSeconds, served.model.maxSeconds);
    const seconds = body.seconds ?? defaultSeconds;
    if (seconds < 1 || seconds > maxSeconds) {
      throw badRequest(`Invalid value for 'seconds': ${seconds}. Supported values: whole seconds from '1' to '${maxSeconds}'.`, 'seconds');
    }
    const reference = body.input_reference;
    if (reference && !served.model.features.imageInput) {
      throw badRequest(`Model '${modelName}' does not take an input_reference.`, 'input_reference', 'unsupported_parameter');
    }
    const image = reference ? await this.readReference(key, reference) : undefined;
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([modelName, prompt, seconds, size, body.seed ?? null, image ? createHash('sha256').update(image.buffer).digest('hex') : null]))
      .digest('hex');

    const earlier = await this.findEarlier(key, fingerprint, options);
    if (earlier) return earlier;

    const plan = served.engine.plan?.({ prompt, seconds }) ?? null;
    const id = newId('video');
    let inputReference: StoredImage | null = null;
    if (image) {
      inputReference = { key: `videos/${id}/input.${image.extension}`, mime: image.mime, width: image.width, height: image.height };
      await this.deps.blobs.put(inputReference.key, image.buffer);
    }
    return this.insertAndEnqueue(key, options.idempotencyKey, {
      id,
      ownerKeyId: key.id,
      model: modelName,
      prompt,
      seed: body.seed ?? randomInt(2 ** 32),
      size,
      seconds,
      remixedFromVideoId: null,
      inputReference,
      plan,
      requestFingerprint: fingerprint,
      createdAt: Date.now(),
    });
  }

  async remix(key: ApiKey, sourceId: string, newPrompt: string): Promise<VideoRecord> {
    const prompt = this.checkPrompt(newPrompt);
    const source = await this.get(key, sourceId);
    if (source.status !== 'completed') {
      throw badRequest(`Video '${sourceId}' is ${source.status}; only a completed video can be remixed.`, 'video_id', 'video_not_ready');
    }
    const served = this.deps.engines.resolve(source.model);
    if (!served?.model.features.remix) throw badRequest(`Model '${source.model}' cannot remix videos.`, 'video_id', 'unsupported_parameter');
    // A remix keeps the source's model, size, length and seed, and edits its plan: one change, same scene.
    const plan = served.engine.plan?.({ prompt, seconds: source.seconds, ...(source.plan ? { basePlan: source.plan } : {}) }) ?? null;
    return this.insertAndEnqueue(key, undefined, {
      id: newId('video'),
      ownerKeyId: key.id,
      model: source.model,
      prompt,
      seed: source.seed,
      size: source.size,
      seconds: source.seconds,
      remixedFromVideoId: source.id,
      inputReference: null,
      plan,
      requestFingerprint: createHash('sha256').update(JSON.stringify(['remix', source.id, prompt])).digest('hex'),
      createdAt: Date.now(),
    });
  }

  async get(key: ApiKey, id: string): Promise<VideoRecord> {
    const video = await this.deps.catalog.videos.findOwned(id, key.id);
    if (!video) throw videoNotFound(id);
    return video;
  }

  async list(key: ApiKey, query: { after?: string | undefined; limit: number; order: 'asc' | 'desc' }): Promise<{ data: VideoRecord[]; hasMore: boolean }> {
    const page = await this.deps.catalog.videos.list(key.id, query);
    if (page === 'unknown_cursor') throw badRequest(`Invalid value for 'after': no video '${query.after}'.`, 'after');
    return page;
  }

  /** Deletes at once for the client; a running render is cancelled and its outputs are removed. */
  async delete(key: ApiKey, id: string): Promise<void> {
    const video = await this.deps.catalog.videos.softDelete(id, key.id);
    if (!video) throw videoNotFound(id);
    await this.deps.queue.cancel(id);
    await this.deps.blobs.deletePrefix(`videos/${id}/`);
  }

  async openContent(
    key: ApiKey,
    id: string,
    variant: Variant,
    range: (size: number) => ByteRange | undefined,
  ): Promise<{ body: Readable; size: number; range: ByteRange | undefined; contentType: string; filename: string }> {
    const video = await this.get(key, id);
    if (video.status !== 'completed' || !video.outputs) {
      throw badRequest(`Video '${id}' is ${video.status}; its content is available once it has completed.`, 'video_id', 'video_not_ready');
    }
    const blobKey = video.outputs[variant];
    const stat = await this.deps.blobs.stat(blobKey);
    if (!stat) throw new ApiError(404, `The ${variant} of video '${id}' is no longer stored.`, { code: 'content_not_found' });
    const chosen = range(stat.size);
    const extension = blobKey.slice(blobKey.lastIndexOf('.'));
    return { body: await this.deps.blobs.get(blobKey, chosen), size: stat.size, range: chosen, contentType: contentTypes[variant], filename: `${id}${variant === 'video' ? '' : `-${variant}`}${extension}` };
  }

  private checkPrompt(raw: string): string {
    const prompt = raw.trim();
    if (prompt.length === 0) throw badRequest("Invalid value for 'prompt': the prompt is empty.", 'prompt', 'empty_prompt');
    if (prompt.length > this.deps.config.maxPromptChars) {
      throw badRequest(`Invalid value for 'prompt': ${prompt.length} characters; the limit is ${this.deps.config.maxPromptChars}.`, 'prompt', 'prompt_too_long');
    }
    return prompt;
  }

  private async readReference(key: ApiKey, reference: NonNullable<CreateVideoBody['input_reference']>) {
    const { config } = this.deps;
    const param = 'input_reference';
    let buffer: Buffer;
    if ('file_id' in reference) {
      buffer = await this.deps.files.read(key, reference.file_id).catch((error: unknown) => {
        // Said about the parameter, as a 400: the video request is what was wrong.
        if (error instanceof ApiError && error.status === 404) throw badRequest(`'${param}.file_id': ${error.message}`, `${param}.file_id`, 'file_not_found');
        throw error;
      });
    } else if ('image_url' in reference) {
      buffer = await loadImageUrl(reference.image_url, { maxBytes: config.maxUploadBytes, allowPrivate: config.allowPrivateUrls, param: `${param}.image_url` });
    } else {
      buffer = reference.buffer;
    }
    return checkReferenceImage(buffer, { maxPixels: config.maxImagePixels, param });
  }

  /** The video an idempotent replay or a blind SDK retry refers to, if any. */
  private async findEarlier(key: ApiKey, fingerprint: string, options: CreateOptions): Promise<VideoRecord | undefined> {
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

  /** The video row, its idempotency record and its job commit together, or not at all. */
  private async insertAndEnqueue(key: ApiKey, idempotencyKey: string | undefined, video: Parameters<Catalog['videos']['insert']>[0]): Promise<VideoRecord> {
    const { catalog, queue } = this.deps;
    try {
      const enqueued = await catalog.db.transaction().execute(async (trx) => {
        if (idempotencyKey !== undefined) await catalog.idempotency.insert({ keyId: key.id, idempotencyKey, fingerprint: video.requestFingerprint, videoId: video.id }, trx);
        await catalog.videos.insert(video, trx);
        return queue.enqueue({ videoId: video.id }, { transaction: trx });
      });
      enqueued.afterCommit();
    } catch (error) {
      // Nothing was recorded: the reference image stored for this video belongs to nobody.
      await this.deps.blobs.deletePrefix(`videos/${video.id}/`);
      // A concurrent replay of the same idempotency key won the insert: answer with its video.
      if (idempotencyKey === undefined) throw error;
      const winner = await catalog.idempotency.find(key.id, idempotencyKey);
      if (!winner) throw error;
      if (winner.fingerprint !== video.requestFingerprint) throw idempotencyMismatch();
      return this.get(key, winner.videoId);
    }
    return this.get(key, video.id);
  }
}

function idempotencyMismatch(): ApiError {
  return new ApiError(409, 'This Idempotency-Key was already used with a different request body.', {
    param: 'Idempotency-Key',
    code: 'idempotency_key_reused',
    headers: { 'x-should-retry': 'false' },
  });
}
