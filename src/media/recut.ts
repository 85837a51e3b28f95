import { rm } from 'node:fs/promises';
import type { MediaTools } from './ffmpeg-binaries.js';
import { fitPicture, framesOf, inputArgs, normaliseSound, outputArgs, probeClip, runEdit, samplesOf, type ClipInput, type EditOptions } from './ffmpeg-edit.js';

/**
 * A new clip cut from `start` to `end` of a source, to the frame, with its sound cut at the same instants; and,
 * with `extendTo`, made longer by holding the last frame (silence after the sound) or by looping the cut.
 */
export type ExtendMode = 'hold' | 'loop';

export interface RecutRequest extends EditOptions {
  input: ClipInput;
  output: string;
  start: number;
  end: number;
  extendTo?: number | undefined;
  extendMode?: ExtendMode;
}

export async function recutClip(tools: MediaTools, request: RecutRequest): Promise<{ seconds: number; hasAudio: boolean }> {
  const source = await probeClip(tools, request.input, request.signal);
  const { fps, hasAudio } = source;
  const first = framesOf(request.start, fps);
  const last = Math.min(framesOf(request.end, fps), framesOf(source.seconds, fps));
  if (!(first >= 0 && last > first)) {
    throw new RangeError(`cannot cut ${request.start}–${request.end} s from a ${source.seconds} s clip`);
  }
  const cutFrames = last - first;
  const totalFrames = Math.max(cutFrames, request.extendTo === undefined ? 0 : framesOf(request.extendTo, fps));
  const looping = request.extendMode === 'loop' && totalFrames > cutFrames;
  const holdFrames = looping ? 0 : totalFrames - cutFrames;
  const fit = fitPicture(source.width, source.height, fps);

  const graph = [`[0:v:0]${fit},trim=start_frame=${first}:end_frame=${last},setpts=PTS-STARTPTS${holdFrames ? `,tpad=stop_mode=clone:stop=${holdFrames}` : ''}[v]`];
  if (hasAudio) {
    const range = `atrim=start_sample=${samplesOf(first, fps)}:end_sample=${samplesOf(last, fps)},asetpts=PTS-STARTPTS`;
    graph.push(`[0:a:0]${normaliseSound},${range},apad=whole_len=${samplesOf(cutFrames + holdFrames, fps)},atrim=end_sample=${samplesOf(cutFrames + holdFrames, fps)}[a]`);
  }
  const cut = looping ? `${request.output}.cut.mp4` : request.output;
  const share = looping ? cutFrames / (cutFrames + totalFrames) : 1;
  const progress = (offset: number, weight: number) => (fraction: number) => request.onProgress?.(offset + fraction * weight);
  try {
    const args = [...inputArgs(request.input), '-filter_complex', graph.join(';'), ...outputArgs(cut, { video: '[v]', audio: hasAudio ? '[a]' : undefined })];
    await runEdit(tools, args, (cutFrames + holdFrames) / fps, { ...request, onProgress: progress(0, share) });
    if (looping) await loopClip(tools, cut, request, { frames: totalFrames, fps, hasAudio, onProgress: progress(share, 1 - share) });
  } finally {
    if (looping) await rm(cut, { force: true });
  }
  return { seconds: totalFrames / fps, hasAudio };
}

/** Plays a clip over and over until `frames` frames are written: the input is re-read, never held in memory. */
async function loopClip(
  tools: MediaTools,
  clip: string,
  request: RecutRequest,
  options: { frames: number; fps: number; hasAudio: boolean; onProgress: (fraction: number) => void },
): Promise<void> {
  const { frames, fps, hasAudio } = options;
  const graph = [`[0:v:0]setpts=N/(${fps}*TB),trim=end_frame=${frames}[v]`];
  if (hasAudio) graph.push(`[0:a:0]asetpts=N/SR/TB,atrim=end_sample=${samplesOf(frames, fps)}[a]`);
  const args = [...inputArgs({ file: clip }, ['-stream_loop', '-1']), '-filter_complex', graph.join(';')];
  args.push(...outputArgs(request.output, { video: '[v]', audio: hasAudio ? '[a]' : undefined }));
  await runEdit(tools, args, frames / fps, { ...request, onProgress: options.onProgress });
}
