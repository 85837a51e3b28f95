import type { MediaTools } from '../media/ffmpeg-binaries.js';
import { probeMedia } from '../media/probe.js';
import { NonRetryableError } from '../worker/job-errors.js';
import type { GenerationResult } from './engine.js';

/**
 * What a remote engine really sent, read from the file: its size, rate, length and sound may differ from the
 * request. A file that is not a video ends the job with `code`, naming `source` ("The upstream video service").
 */
export async function describeVideoFile(media: MediaTools, file: string, signal: AbortSignal, source: string, code: string): Promise<GenerationResult> {
  const info = await probeMedia(media, file, { signal }).catch((error: unknown) => {
    throw new NonRetryableError(`${source} sent a file that is not a video (${error instanceof Error ? error.message : 'unreadable'}).`, code);
  });
  const picture = info.streams.find((stream) => stream.type === 'video');
  if (!picture?.width || !picture.height) throw new NonRetryableError(`${source} sent a file without a picture.`, code);
  return {
    file,
    width: picture.width,
    height: picture.height,
    fps: picture.fps ?? 24,
    seconds: picture.durationSeconds ?? info.durationSeconds,
    hasAudio: info.streams.some((stream) => stream.type === 'audio'),
  };
}
