import type { MediaTools } from './ffmpeg-binaries.js';
import { fitPicture, framesOf, inputArgs, outputArgs, probeClip, runEdit, samplesOf, soundOf, type ClipInput, type EditOptions } from './ffmpeg-edit.js';

/**
 * Clips played one after the other in one MP4 (an extension: the source, then its continuation). The clips may
 * differ in size, rate and sound, so each is re-encoded into the output's frame and rate; a clip without sound
 * gets silence of its length, so the sound of the next one starts with its picture.
 */
export interface ConcatRequest extends EditOptions {
  inputs: ClipInput[];
  output: string;
  width: number;
  height: number;
  fps: number;
}

export async function concatClips(tools: MediaTools, request: ConcatRequest): Promise<{ seconds: number; hasAudio: boolean }> {
  const { inputs, width, height, fps } = request;
  if (inputs.length < 2) throw new RangeError('concat needs at least two clips');
  const facts = await Promise.all(inputs.map((clip) => probeClip(tools, clip, request.signal)));
  const hasAudio = facts.some((f) => f.hasAudio);
  const frames = facts.map((f) => Math.max(1, framesOf(f.seconds, fps)));
  const graph: string[] = [];
  const parts: string[] = [];
  facts.forEach((clip, i) => {
    graph.push(`[${i}:v:0]${fitPicture(width, height, fps)},trim=end_frame=${frames[i]}[v${i}]`);
    parts.push(`[v${i}]`);
    if (hasAudio) {
      graph.push(soundOf(i, clip, samplesOf(frames[i]!, fps), `a${i}`));
      parts.push(`[a${i}]`);
    }
  });
  graph.push(`${parts.join('')}concat=n=${inputs.length}:v=1:a=${hasAudio ? 1 : 0}[v]${hasAudio ? '[a]' : ''}`);
  const total = frames.reduce((sum, n) => sum + n, 0) / fps;
  const args = [...inputs.flatMap((clip) => inputArgs(clip)), '-filter_complex', graph.join(';')];
  args.push(...outputArgs(request.output, { video: '[v]', audio: hasAudio ? '[a]' : undefined }));
  await runEdit(tools, args, total, request);
  return { seconds: total, hasAudio };
}
