import { createHash, randomInt } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { BlobStore, ByteRange } from '../blobs/blob-store.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Config } from '../config.js';
import type { ApiKey } from '../domain/api-key.js';
import { ApiError, badRequest, videoNotFound } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { previewKey, previewMime } from '../domain/preview.js';
import { defaultSeconds, defaultSize } from '../domain/sizes.js';
import type { StoredImage, Storyboard, VideoOptions, VideoOutputs, VideoRecord } from '../domain/video.js';
import { checkInputImage, checkSeconds } from '../engines/model-limits.js';
import type { EngineRegistry } from '../engines/registry.js';
import { loadImageUrl } from '../media/image-source.js';
import { checkReferenceImage } from '../media/reference-image.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { Admission } from './admission.js';
import { mergeCredits, type ArtistService } from './artist-service.js';
import { DerivedVideos } from './derived-videos.js';
import type { FileService } from './file-service.js';
import { storyboardPrompt, withStoryboardLengths } from './plans.js';
import { fingerprintOf, remixOf } from './remix.js';
import { VideoRecords, type CreateOptions } from './video-records.js';
import type { CreateVideoBody, StoryboardBody } from './video-request.js';

export type { CreateOptions } from './video-records.js';

export interface VideoServiceDeps {
  config: Readonly<Config>;
  catalog: Catalog;
  queue: JobQueue;
  blobs: BlobStore;
  engines: EngineRegistry;
  files: FileService;
  /** Screens every prompt against the artist consent registry. */
  artists: ArtistService;
  /** The rules every new video passes (kill switch, quotas, ledger), in order. */
  admissions: readonly Admission[];
}

/** The finished outputs, and the first-frame preview that exists from early in the render. */
export type Variant = keyof VideoOutputs | 'preview';

/** An output opened for sending: its bytes (or the asked range of them) and how to label them. */
export interface VideoContent {
  body: Readable;
  size: number;
  range: ByteRange | undefined;
  contentType: string;
  filename: string;
}
const contentTypes: Record<Variant, string> = { video: 'video/mp4', thumbnail: 'image/webp', spritesheet: 'image/jpeg', preview: previewMime };
// Long enough to start a download (it continues past expiry), short enough that a leaked link soon stops working.
const presignedLinkSeconds = 300;

/** The shortest shot a storyboard may ask for: a few frames, enough to be seen. */
const minShotSeconds = 0.25;

/** The use cases of the Videos API; routes call these and only translate HTTP. */
export class VideoService {
  private readonly records: VideoRecords;
  /** Videos made from other videos: edits, extensions, blends, re-cuts. */
  readonly derived: DerivedVideos;

  constructor(private readonly deps: VideoServiceDeps) {
    this.records = new VideoRecords(deps);
    this.derived = new DerivedVideos({ ...deps, records: this.records });
  }

  async create(key: ApiKey, body: CreateVideoBody, options: CreateOptions = {}): Promise<VideoRecord> {
    const { config, engines } = this.deps;
    const modelName = body.model ?? 'kinora-1';
    const served = engines.resolve(modelName);
    if (!served) {
      throw badRequest(`Invalid value for 'model': '${modelName}' is not served here. Available: ${engines.names().join(', ')}.`, 'model', 'model_not_found');
    }
    const size = body.size ?? defaultSize;
    if (!served.model.sizes.includes(size)) {
      throw badRequest(`Invalid value for 'size': '${size}'. Supported values: ${served.model.sizes.join(', ')}.`, 'size');
    }
    const storyboard = body.storyboard ? this.checkStoryboard(body.storyboard) : null;
    const seconds = storyboard ? storyboardSeconds(storyboard, body.seconds) : (body.seconds ?? defaultSeconds);
    checkSeconds(served.model, seconds, config.maxSeconds, storyboard && body.seconds === undefined ? 'storyboard.shots' : 'seconds');
    const prompt = storyboard
      ? this.records.checkPrompt(storyboardPrompt(body.prompt?.trim(), storyboard), 'storyboard')
      : this.records.checkPrompt(body.prompt ?? '');
    const credits = await this.deps.artists.screen(
      storyboard
        ? [{ text: body.prompt ?? '', param: 'prompt' }, ...storyboard.shots.map((shot, i) => ({ text: shot.prompt, param: `storyboard.shots[${i}].prompt` }))]
        : [{ text: prompt, param: 'prompt' }],
    );
    const reference = body.input_reference;
    checkInputImage(modelName, served.model, reference !== undefined);
    const image = reference ? await this.readReference(key, reference) : undefined;
    const videoOptions: VideoOptions = { audio: body.audio ?? true, loop: body.loop ?? false, storyboard };
    const imageHash = image ? createHash('sha256').update(image.buffer).digest('hex') : null;
    const fingerprint = fingerprintOf([modelName, prompt, seconds, size, body.seed ?? null, imageHash, videoOptions]);

    const earlier = await this.records.findEarlier(key, fingerprint, options);
    if (earlier) return earlier;

    let plan = served.engine.plan?.({ prompt, seconds }) ?? null;
    if (plan && storyboard) {
      plan = withStoryboardLengths(plan, storyboard) ?? null;
      if (!plan) {
        throw badRequest("Invalid value for 'storyboard.shots': a shot's prompt reads as several shots; leave out markers such as 'Shot 2:' inside a shot.", 'storyboard.shots');
      }
    }
    const id = newId('video');
    let inputReference: StoredImage | null = null;
    if (image) {
      inputReference = { key: `videos/${id}/input.${image.extension}`, mime: image.mime, width: image.width, height: image.height };
      await this.deps.blobs.put(inputReference.key, image.buffer);
    }
    return this.records.insertAndEnqueue(key, options.idempotencyKey, {
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
      options: videoOptions,
      operation: null,
      requestFingerprint: fingerprint,
      createdAt: Date.now(),
      credits,
    });
  }

  async remix(key: ApiKey, sourceId: string, newPrompt: string, options: CreateOptions = {}): Promise<VideoRecord> {
    const prompt = this.records.checkPrompt(newPrompt);
    const named = await this.deps.artists.screen([{ text: prompt, param: 'prompt' }]);
    const source = await this.records.completedSource(key, sourceId, 'remixed');
    const video = remixOf(this.deps.engines, source, prompt, null);
    const earlier = await this.records.findEarlier(key, video.requestFingerprint, options);
    if (earlier) return earlier;
    // The remix keeps its source's scene, so it keeps crediting whom the source credits.
    return this.records.insertAndEnqueue(key, options.idempotencyKey, { ...video, credits: mergeCredits(source.credits, named) });
  }

  get(key: ApiKey, id: string): Promise<VideoRecord> {
    return this.records.get(key, id);
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
    // Cancelled before it completed: its charge goes back (a failed one was refunded already; refunds happen once).
    if (video.status !== 'completed') await this.deps.catalog.ledger.refundVideo(id, 'cancelled: deleted before it completed');
    await this.deps.blobs.deletePrefix(`videos/${id}/`);
  }

  async openContent(key: ApiKey, id: string, variant: Variant, range: (size: number) => ByteRange | undefined): Promise<VideoContent> {
    return this.openOutput(await this.get(key, id), variant, range);
  }

  /** Whether the first-frame preview of a video the caller may see has been stored yet. */
  async hasPreview(video: VideoRecord): Promise<boolean> {
    return (await this.deps.blobs.stat(previewKey(video.id))) !== undefined;
  }

  /**
   * With KINORA_BLOB_PRESIGN (S3 only), a short-lived URL that downloads the output straight from the bucket, after
   * the same checks as streaming it; undefined when the API streams it itself.
   */
  async contentLink(key: ApiKey, id: string, variant: Variant): Promise<string | undefined> {
    const { blobs, config } = this.deps;
    if (!config.blobPresign || !blobs.downloadUrl) return undefined;
    const { blobKey, contentType, filename } = await this.storedOutput(await this.get(key, id), variant);
    return blobs.downloadUrl(blobKey, { contentType, filename, expiresInSeconds: presignedLinkSeconds });
  }

  /** One output of a video the caller may already see (its own, or a published one). */
  async openOutput(video: VideoRecord, variant: Variant, range: (size: number) => ByteRange | undefined): Promise<VideoContent> {
    const { blobKey, size, contentType, filename } = await this.storedOutput(video, variant);
    const chosen = range(size);
    return { body: await this.deps.blobs.get(blobKey, chosen), size, range: chosen, contentType, filename };
  }

  /** Where an output is stored and how it is labelled; a 400 before it exists, a 404 once it is gone. */
  private async storedOutput(video: VideoRecord, variant: Variant): Promise<Omit<VideoContent, 'body' | 'range'> & { blobKey: string }> {
    const { id } = video;
    let blobKey: string;
    if (variant === 'preview') {
      blobKey = previewKey(id);
    } else if (video.status !== 'completed' || !video.outputs) {
      throw badRequest(`Video '${id}' is ${video.status}; its content is available once it has completed.`, 'video_id', 'video_not_ready');
    } else {
      blobKey = video.outputs[variant];
    }
    const stat = await this.deps.blobs.stat(blobKey);
    if (!stat && variant === 'preview') throw new ApiError(404, `Video '${id}' has no preview frame (yet): one is stored soon after its render starts.`, { code: 'preview_not_ready' });
    if (!stat) throw new ApiError(404, `The ${variant} of video '${id}' is no longer stored.`, { code: 'content_not_found' });
    const extension = blobKey.slice(blobKey.lastIndexOf('.'));
    return { blobKey, size: stat.size, contentType: contentTypes[variant], filename: `${id}${variant === 'video' ? '' : `-${variant}`}${extension}` };
  }

  /** Each card's prompt checked and trimmed, each length long enough to be seen. */
  private checkStoryboard(storyboard: StoryboardBody): Storyboard {
    const shots = storyboard.shots.map((shot, i) => {
      const param = `storyboard.shots[${i}]`;
      if (shot.seconds < minShotSeconds) {
        throw badRequest(`Invalid value for '${param}.seconds': ${shot.seconds}; a shot lasts at least ${minShotSeconds} s.`, `${param}.seconds`);
      }
      return { prompt: this.records.checkPrompt(shot.prompt, `${param}.prompt`), seconds: shot.seconds };
    });
    return { shots, transition: storyboard.transition };
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
}

/** The storyboard's length: its shots' sum, which must agree with `seconds` when both are given and be whole. */
function storyboardSeconds(storyboard: Storyboard, seconds: number | undefined): number {
  const total = Math.round(storyboard.shots.reduce((sum, shot) => sum + shot.seconds, 0) * 1000) / 1000;
  if (seconds !== undefined && total !== seconds) {
    throw badRequest(`The storyboard's shots last ${total} s in all but 'seconds' is ${seconds}: make them agree, or leave 'seconds' out.`, 'storyboard.shots');
  }
  if (!Number.isInteger(total)) throw badRequest(`The storyboard's shots last ${total} s in all; a video lasts whole seconds.`, 'storyboard.shots');
  return total;
}
