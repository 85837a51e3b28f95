import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { BlobStore } from '../blobs/blob-store.js';
import type { LedgerRepository } from '../catalog/ledger-repository.js';
import type { VideosRepository } from '../catalog/videos-repository.js';
import type { WebhooksRepository } from '../catalog/webhooks-repository.js';
import type { VideoEventType } from '../domain/webhook.js';
import type { VideoOutputs, VideoProvenance, VideoRecord } from '../domain/video.js';
import type { EngineRegistry } from '../engines/registry.js';
import type { MediaTools } from '../media/ffmpeg-binaries.js';
import { makeSpritesheet, makeThumbnail } from '../media/stills.js';
import type { VideoProvenanceStamp } from '../provenance/video-provenance.js';
import type { ClaimedJob, JobQueue } from '../queue/job-queue.js';
import { errorCode, isRetryable, publicMessage } from './job-errors.js';
import type { JobMetrics, JobOutcome } from './job-metrics.js';
import { previewSaver } from './preview-saver.js';
import { produce, type Produced } from './produce.js';
import { throttledProgress } from './progress-reporter.js';

export interface JobDependencies {
  queue: JobQueue;
  videos: VideosRepository;
  /** Refunds a video's charge when it ends without completing. */
  ledger: Pick<LedgerRepository, 'refundVideo'>;
  engines: EngineRegistry;
  /** Marks (when asked) and signs every finished MP4 before its stills are made. */
  provenance: Pick<VideoProvenanceStamp, 'apply'>;
  blobs: BlobStore;
  media: MediaTools;
  scratchDir: string;
  leaseMs: number;
  maxAttempts: number;
  logger: Logger;
  /** Durations, failures and renders in progress, for `/metrics`. */
  metrics?: JobMetrics;
  /** Queues the `video.completed` / `video.failed` webhook events of the videos that end here. */
  webhooks?: Pick<WebhooksRepository, 'recordVideoEnded'>;
}

export const outputKeys = (videoId: string): VideoOutputs => ({
  video: `videos/${videoId}/video.mp4`,
  thumbnail: `videos/${videoId}/thumbnail.webp`,
  spritesheet: `videos/${videoId}/spritesheet.jpg`,
});

/** The render (or operation) fills 0–95 %; the stills and the upload of the outputs are the last 5 %. */
const renderShare = 95;

/**
 * One attempt at one job: make the video as its kind says (an engine render, or an operation on other videos),
 * store the outputs under keys fixed by the video id (so a retry overwrites instead of adding), then record
 * completion only if this attempt still owns the video.
 */
export async function runJob(job: ClaimedJob, workerId: string, deps: JobDependencies, shutdown: AbortSignal): Promise<void> {
  const log = deps.logger.child({ videoId: job.videoId, attempt: job.attempt });
  const video = await deps.videos.findLive(job.videoId);
  if (!video) {
    await deps.queue.complete(job);
    return;
  }
  if (job.attempt > deps.maxAttempts) {
    log.warn('giving up: every attempt ended with its worker gone');
    if (await deps.videos.fail(video.id, video.attempt, { code: 'generation_failed', message: 'The render was interrupted too many times.' })) {
      await deps.ledger.refundVideo(video.id, 'failed: attempts exhausted');
      await announceEnded(deps, video, 'video.failed', log);
    }
    await deps.queue.fail(job, { retryable: false, message: 'attempts exhausted' });
    return;
  }
  if (!(await deps.videos.markStarted(video.id, job.attempt))) {
    await deps.queue.complete(job);
    return;
  }

  const abort = new AbortController();
  // On shutdown the render stops and the job keeps its claim; the worker pool then hands it back to the queue.
  const stopOnShutdown = (): void => abort.abort(new Error('shutdown'));
  shutdown.addEventListener('abort', stopOnShutdown);
  const stopOnCancel = deps.queue.onCancel((id) => id === video.id && abort.abort(new Error('cancelled')));
  const heartbeat = setInterval(() => {
    deps.queue.heartbeat(job, workerId).then(
      (state) => state !== 'ok' && abort.abort(new Error(state)),
      (error: unknown) => log.warn({ err: error }, 'heartbeat failed'),
    );
  }, Math.max(500, Math.floor(deps.leaseMs / 3)));
  const workDir = path.join(deps.scratchDir, `${video.id}-${job.attempt}`);
  const preview = previewSaver(deps.blobs, video.id, log);
  const progress = throttledProgress((p) => deps.videos.setProgress(video.id, job.attempt, p), { scale: renderShare, intervalMs: 250 });
  const ended = deps.metrics?.jobStarted(job.kind, video.model);
  let outcome: JobOutcome = 'stopped';
  let failureCode: string | undefined;

  try {
    await fs.promises.mkdir(workDir, { recursive: true });
    const produced = await produce(job.kind, video, { workDir, signal: abort.signal, onProgress: progress.report, deps }, preview.onPreview);
    await preview.settled();
    const outputs = await storeOutputs(video, produced, workDir, abort.signal, deps);
    await progress.flush();
    if (await deps.videos.complete(video.id, job.attempt, outputs)) {
      log.info('video completed');
      outcome = 'completed';
      await announceEnded(deps, video, 'video.completed', log);
    } else {
      await sweepIfDeleted(deps, video, log);
    }
    await deps.queue.complete(job);
  } catch (error) {
    await progress.flush();
    if (abort.signal.aborted) {
      log.info({ reason: String(abort.signal.reason) }, 'render stopped');
      // Stopped because the video was deleted: a preview stored as the API removed its files must not outlive it.
      await preview.settled();
      await sweepIfDeleted(deps, video, log);
      return;
    }
    const retryable = isRetryable(error);
    outcome = await deps.queue.fail(job, { retryable, message: publicMessage(error) });
    failureCode = errorCode(error);
    log.warn({ err: error, outcome }, 'render failed');
    // Refunded only when this attempt still owned the video: a newer attempt may yet complete it.
    if (outcome === 'failed' && (await deps.videos.fail(video.id, job.attempt, { code: failureCode, message: publicMessage(error) }))) {
      await deps.ledger.refundVideo(video.id, `failed: ${failureCode}`);
      await announceEnded(deps, video, 'video.failed', log);
    }
  } finally {
    ended?.(outcome, failureCode);
    clearInterval(heartbeat);
    stopOnCancel();
    shutdown.removeEventListener('abort', stopOnShutdown);
    await fs.promises.rm(workDir, { recursive: true, force: true });
  }
}

/**
 * Deleted while rendering: what the render stored belongs to nobody. A video superseded by a newer attempt keeps its
 * files (that attempt owns the same keys, and an uploaded source it still reads). Best effort: a failure is logged.
 */
async function sweepIfDeleted(deps: JobDependencies, video: VideoRecord, log: Logger): Promise<void> {
  try {
    if (!(await deps.videos.findLive(video.id))) await deps.blobs.deletePrefix(`videos/${video.id}/`);
  } catch (error) {
    log.warn({ err: error }, 'files of a deleted video not removed');
  }
}

/** Queues the video's webhook events. Its end is already recorded, so a catalog error here is logged, never thrown into the job. */
async function announceEnded(deps: JobDependencies, video: VideoRecord, type: VideoEventType, log: Logger): Promise<void> {
  await deps.webhooks?.recordVideoEnded({ videoId: video.id, ownerKeyId: video.ownerKeyId, type }).catch((error: unknown) => log.error({ err: error }, 'could not queue the webhook event'));
}

/** The finished MP4 marked and signed, its stills, then all three stored under the video's fixed keys. */
async function storeOutputs(
  video: VideoRecord,
  produced: Produced,
  workDir: string,
  signal: AbortSignal,
  deps: JobDependencies,
): Promise<{ outputs: VideoOutputs; plan: VideoRecord['plan']; hasAudio: boolean; provenance: VideoProvenance; fingerprint: string | undefined }> {
  const { fingerprint, ...provenance } = await deps.provenance.apply(video, produced.file, { workDir, signal });
  const thumbnail = path.join(workDir, 'thumbnail.webp');
  const spritesheet = path.join(workDir, 'spritesheet.jpg');
  await makeThumbnail(deps.media, produced.file, thumbnail, { signal });
  await makeSpritesheet(deps.media, produced.file, spritesheet, { signal });
  signal.throwIfAborted();

  const keys = outputKeys(video.id);
  await deps.blobs.put(keys.thumbnail, fs.createReadStream(thumbnail));
  await deps.blobs.put(keys.spritesheet, fs.createReadStream(spritesheet));
  await deps.blobs.put(keys.video, fs.createReadStream(produced.file));
  return { outputs: keys, plan: produced.plan, hasAudio: produced.hasAudio, provenance, fingerprint };
}
