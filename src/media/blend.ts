import type { MediaTools } from './ffmpeg-binaries.js';
import { fitPicture, framesOf, inputArgs, outputArgs, probeClip, runEdit, samplesOf, soundOf, type ClipInput, type EditOptions } from './ffmpeg-edit.js';

/**
 * A transition from the end of clip A into the start of clip B: A plays, its last `transitionSeconds` dissolve
 * into B's first ones, then B plays on; the sound crossfades over the same stretch. The output is A + B − the
 * transition long, at A's size and rate (B is fitted into A's frame).
 *
 * The 2018 ffmpeg has no `xfade`, so the dissolve is B's head faded in through its alpha and laid over A's tail
 * (`fade` + `overlay`, both plain C filters, much faster than a per-pixel `blend` expression), between plain
 * copies of the rest. Each clip is split by frame numbers in time order, so nothing is held in memory while
 * another part plays.
 */
export interface BlendRequest extends EditOptions {
  a: ClipInput;
  b: ClipInput;
  output: string;
  transitionSeconds: number;
}

export async function blendClips(tools: MediaTools, request: BlendRequest): Promise<{ seconds: number; hasAudio: boolean }> {
  const [a, b] = await Promise.all([probeClip(tools, request.a, request.signal), probeClip(tools, request.b, request.signal)]);
  const { width, height, fps } = a;
  const aFrames = framesOf(a.seconds, fps);
  const bFrames = framesOf(b.seconds, fps);
  const overlap = framesOf(request.transitionSeconds, fps);
  if (overlap < 1 || overlap >= aFrames || overlap >= bFrames) {
    throw new RangeError(`a ${request.transitionSeconds} s transition needs both clips longer than it (${a.seconds} s and ${b.seconds} s)`);
  }
  const fit = fitPicture(width, height, fps);
  const graph = [
    `[0:v:0]${fit},trim=end_frame=${aFrames},split[a1][a2]`,
    `[a1]trim=end_frame=${aFrames - overlap},setpts=PTS-STARTPTS[ahead]`,
    `[a2]trim=start_frame=${aFrames - overlap},setpts=PTS-STARTPTS[atail]`,
    `[1:v:0]${fit},trim=end_frame=${bFrames},split[b1][b2]`,
    `[b1]trim=end_frame=${overlap},setpts=PTS-STARTPTS[bhead]`,
    `[b2]trim=start_frame=${overlap},setpts=PTS-STARTPTS[btail]`,
    `[bhead]format=yuva420p,fade=t=in:st=0:n=${overlap}:alpha=1[bfade]`,
    `[atail][bfade]overlay=shortest=1,format=yuv420p[dissolve]`,
    '[ahead][dissolve][btail]concat=n=3:v=1:a=0[v]',
  ];
  const hasAudio = a.hasAudio || b.hasAudio;
  if (hasAudio) {
    graph.push(soundOf(0, a, samplesOf(aFrames, fps), 'asound'), soundOf(1, b, samplesOf(bFrames, fps), 'bsound'));
    graph.push(`[asound][bsound]acrossfade=ns=${samplesOf(overlap, fps)}:c1=tri:c2=tri[a]`);
  }
  const seconds = (aFrames + bFrames - overlap) / fps;
  const args = [...inputArgs(request.a), ...inputArgs(request.b), '-filter_complex', graph.join(';')];
  args.push(...outputArgs(request.output, { video: '[v]', audio: hasAudio ? '[a]' : undefined }));
  await runEdit(tools, args, seconds, request);
  return { seconds, hasAudio };
}
