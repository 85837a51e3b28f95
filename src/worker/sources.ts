import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { StoredClip } from '../domain/video.js';
import type { ClipInput } from '../media/ffmpeg-edit.js';
import { ProcessError } from '../media/run-process.js';
import type { JobDependencies } from './run-job.js';
import { NonRetryableError } from './job-errors.js';

/** Copies a stored object into the attempt's scratch folder, where ffmpeg and the engines read files. */
export async function fetchBlob(deps: Pick<JobDependencies, 'blobs'>, key: string, file: string): Promise<string> {
  await pipeline(await deps.blobs.get(key), fs.createWriteStream(file));
  return file;
}

/**
 * A source video of an operation, by id, as a local file. The owner checked it when the operation was asked for;
 * deleted (or somehow unfinished) since, it is gone for good, so the job fails without retrying.
 */
export async function fetchSourceVideo(deps: Pick<JobDependencies, 'videos' | 'blobs'>, videoId: string, workDir: string, name: string): Promise<ClipInput> {
  const source = await deps.videos.findLive(videoId);
  if (source?.status !== 'completed' || !source.outputs || !(await deps.blobs.stat(source.outputs.video))) {
    throw new NonRetryableError(`The source video ${videoId} is no longer available.`, 'source_unavailable');
  }
  return { file: await fetchBlob(deps, source.outputs.video, path.join(workDir, name)), format: 'mov' };
}

/** An uploaded clip stored with the video, as a local file, opened with the demuxer its probe found. */
export async function fetchUploadedClip(deps: Pick<JobDependencies, 'blobs'>, clip: StoredClip, workDir: string, name: string): Promise<ClipInput> {
  return { file: await fetchBlob(deps, clip.key, path.join(workDir, name)), format: clip.format };
}

/**
 * A step that decodes an uploaded clip: the upload passed its probe, so when ffmpeg still fails on it (damaged
 * frames past the header), the clip is at fault and every retry would fail the same way.
 */
export async function decodingUpload<T>(step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (error) {
    if (error instanceof ProcessError && error.exitCode !== null) {
      throw new NonRetryableError(`The uploaded video could not be decoded: ${error.message}`, 'invalid_video');
    }
    throw error;
  }
}
