import path from 'node:path';
import { parseSize } from '../domain/sizes.js';
import type { VideoRecord } from '../domain/video.js';
import type { GenerationRequest, GenerationResult, PreviewFrame } from '../engines/engine.js';
import { recutClip } from '../media/recut.js';
import { NonRetryableError } from './job-errors.js';
import type { JobDependencies } from './run-job.js';
import { decodingUpload, fetchBlob, fetchUploadedClip } from './sources.js';

export interface StepContext {
  workDir: string;
  signal: AbortSignal;
  /** Fraction of this step done, 0..1. */
  onProgress: (fraction: number) => void;
  deps: JobDependencies;
  /** Where the engine's first-frame still goes; only a video's own render has one worth showing. */
  onPreview?: (frame: PreviewFrame) => void;
}

/** Share of an upload edit spent re-encoding the upload before the engine draws over it. */
const uploadShare = 0.1;

/**
 * One engine render of a video's stored request: prompt, plan, seed, options, and its reference image or uploaded
 * clip. `overrides` lets an extension render its continuation (another length) through the same path.
 */
export async function generateVideo(video: VideoRecord, context: StepContext, overrides: { seconds?: number } = {}): Promise<GenerationResult> {
  const { deps, workDir, signal } = context;
  const served = deps.engines.resolve(video.model);
  if (!served) throw new NonRetryableError(`Model ${video.model} is no longer served here.`, 'model_unavailable');
  const { width, height } = parseSize(video.size);
  const request: GenerationRequest = { model: served.model.id, prompt: video.prompt, width, height, seconds: overrides.seconds ?? video.seconds, seed: video.seed };
  if (video.plan) request.plan = video.plan;
  if (video.options) {
    const { audio, loop, storyboard } = video.options;
    request.options = { audio, loop, ...(storyboard ? { transition: storyboard.transition } : {}) };
  }
  if (video.inputReference) {
    const file = await fetchBlob(deps, video.inputReference.key, path.join(workDir, 'input-reference'));
    request.inputImage = { file, mime: video.inputReference.mime, width: video.inputReference.width, height: video.inputReference.height };
  }
  let onProgress = context.onProgress;
  const upload = video.operation?.kind === 'edit' ? video.operation.inputVideo : null;
  if (upload) {
    // The engine gets a plain H.264 MP4 of the upload, whatever container and codecs it came in.
    const stored = await fetchUploadedClip(deps, upload, workDir, 'upload');
    const file = path.join(workDir, 'input-video.mp4');
    await decodingUpload(recutClip(deps.media, { input: stored, output: file, start: 0, end: upload.seconds, signal, onProgress: (f) => context.onProgress(f * uploadShare) }));
    request.inputVideo = { file, width: upload.width, height: upload.height, seconds: upload.seconds, fps: upload.fps };
    onProgress = (f) => context.onProgress(uploadShare + f * (1 - uploadShare));
  }
  return served.engine.generate(request, { signal, onProgress, workDir, onPreview: context.onPreview });
}
