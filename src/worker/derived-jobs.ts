import fs from 'node:fs';
import path from 'node:path';
import { parseSize } from '../domain/sizes.js';
import type { VideoOperation, VideoRecord } from '../domain/video.js';
import { blendClips } from '../media/blend.js';
import { concatClips } from '../media/concat.js';
import { recutClip } from '../media/recut.js';
import { generateVideo, type StepContext } from './generate.js';
import { NonRetryableError } from './job-errors.js';
import type { Produced } from './produce.js';
import { decodingUpload, fetchSourceVideo, fetchUploadedClip } from './sources.js';

/** Share of an extension spent rendering the continuation; joining the two is the rest. */
const continuationShare = 0.8;

/** The source, then the continuation the engine renders from the stored plan, joined into one MP4. */
export async function extendVideo(video: VideoRecord, context: StepContext): Promise<Produced> {
  const operation = recipeOf(video, 'extend');
  const { deps, workDir, signal } = context;
  const source = operation.sourceVideoId
    ? await fetchSourceVideo(deps, operation.sourceVideoId, workDir, 'source.mp4')
    : await fetchUploadedClip(deps, requireUpload(operation.inputVideo), workDir, 'source');
  // The engine writes its files into a folder of its own, so its output cannot collide with the joined one.
  const engineDir = path.join(workDir, 'continuation');
  await fs.promises.mkdir(engineDir);
  const continuation = await generateVideo(video, { ...context, workDir: engineDir, onProgress: (f) => context.onProgress(f * continuationShare) }, { seconds: operation.extensionSeconds });
  const { width, height } = parseSize(video.size);
  const output = path.join(workDir, 'extended.mp4');
  const join = concatClips(deps.media, {
    inputs: [source, { file: continuation.file, format: 'mov' }],
    output, width, height, fps: continuation.fps, signal,
    onProgress: (f) => context.onProgress(continuationShare + f * (1 - continuationShare)),
  });
  const joined = await (operation.inputVideo ? decodingUpload(join) : join);
  return { file: output, plan: continuation.plan ?? video.plan, hasAudio: joined.hasAudio };
}

export async function blendVideos(video: VideoRecord, context: StepContext): Promise<Produced> {
  const operation = recipeOf(video, 'blend');
  const { deps, workDir, signal, onProgress } = context;
  const a = await fetchSourceVideo(deps, operation.videoA, workDir, 'a.mp4');
  const b = await fetchSourceVideo(deps, operation.videoB, workDir, 'b.mp4');
  const output = path.join(workDir, 'blend.mp4');
  const result = await asJobError(blendClips(deps.media, { a, b, output, transitionSeconds: operation.transitionSeconds, signal, onProgress }));
  return { file: output, plan: null, hasAudio: result.hasAudio };
}

export async function recutVideo(video: VideoRecord, context: StepContext): Promise<Produced> {
  const operation = recipeOf(video, 'recut');
  const { deps, workDir, signal, onProgress } = context;
  const input = await fetchSourceVideo(deps, operation.sourceVideoId, workDir, 'source.mp4');
  const output = path.join(workDir, 'recut.mp4');
  const { start, end, extendMode } = operation;
  const result = await asJobError(recutClip(deps.media, { input, output, start, end, extendTo: operation.extendTo ?? undefined, extendMode, signal, onProgress }));
  return { file: output, plan: video.plan, hasAudio: result.hasAudio };
}

/** The video's recipe, which must be the one its job kind runs. */
function recipeOf<K extends VideoOperation['kind']>(video: VideoRecord, kind: K): Extract<VideoOperation, { kind: K }> {
  const operation = video.operation;
  if (operation?.kind !== kind) throw new NonRetryableError(`Video ${video.id} has no ${kind} recipe.`);
  return operation as Extract<VideoOperation, { kind: K }>;
}

function requireUpload<T>(clip: T | null): T {
  if (!clip) throw new NonRetryableError('The extension has neither a source video nor an uploaded clip.');
  return clip;
}

/** A request the media step refuses (a cut outside the clip) fails the same way on every try: do not retry it. */
async function asJobError<T>(step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (error) {
    if (error instanceof RangeError) throw new NonRetryableError(error.message);
    throw error;
  }
}
