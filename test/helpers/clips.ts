import { readFile, rm } from 'node:fs/promises';
import type { MediaTools } from '../../src/media/ffmpeg-binaries.js';
import { runProcess } from '../../src/media/run-process.js';

/**
 * Short clips made by ffmpeg itself, and the facts a viewer would notice in a result: the colour of a frame and
 * how loud a stretch of sound is.
 */
const quiet = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y'];
const limit = { timeoutMs: 60_000 };

export interface ClipSpec {
  size: string;
  seconds: number;
  fps?: number;
  /** A flat colour; default a grey whose brightness is 4 × the frame number, so a frame tells its index. */
  colour?: string;
  /** A sine of this frequency as the sound; none when absent. */
  tone?: number;
}

export async function makeClip(tools: MediaTools, file: string, spec: ClipSpec): Promise<string> {
  const fps = spec.fps ?? 24;
  const source = `color=c=${spec.colour ?? 'black'}:s=${spec.size}:r=${fps}:d=${spec.seconds}`;
  const picture = spec.colour ? source : `${source},format=yuv420p,geq=lum='min(4*N,255)':cb=128:cr=128`;
  const args = [...quiet, '-f', 'lavfi', '-i', picture];
  if (spec.tone !== undefined) args.push('-f', 'lavfi', '-i', `sine=f=${spec.tone}:d=${spec.seconds}:sample_rate=48000`);
  args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '0', '-pix_fmt', 'yuv420p');
  if (spec.tone !== undefined) args.push('-c:a', 'aac', '-shortest');
  await runProcess(tools.ffmpeg, [...args, file], limit);
  return file;
}

/** The average of a small square at the centre of frame `index`: [R, G, B], or with 'luma' [Y] as stored (0..255). */
export async function centrePixel(tools: MediaTools, file: string, index: number, channels: 'rgb' | 'luma' = 'rgb'): Promise<number[]> {
  const out = `${file}.frame${index}.raw`;
  const side = channels === 'rgb' ? 1 : 2; // yuv420p needs an even size
  const filter = `select='eq(n,${index})',crop=8:8:(iw-8)/2:(ih-8)/2,scale=${side}:${side}`;
  const pixFmt = channels === 'rgb' ? 'rgb24' : 'yuv420p';
  await runProcess(tools.ffmpeg, [...quiet, '-i', file, '-vf', filter, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', pixFmt, out], limit);
  const bytes = await readFile(out);
  await rm(out);
  if (bytes.length !== (channels === 'rgb' ? 3 : 6)) throw new Error(`frame ${index} of ${file} not found`);
  return channels === 'rgb' ? [...bytes] : [bytes[0]!];
}

/** Root-mean-square level (0..1) of the sound from `start` for `seconds`. */
export async function loudness(tools: MediaTools, file: string, start: number, seconds: number): Promise<number> {
  const out = `${file}.${start}.pcm`;
  await runProcess(tools.ffmpeg, [...quiet, '-i', file, '-vn', '-af', `atrim=start=${start}:duration=${seconds}`, '-ac', '1', '-ar', '8000', '-f', 's16le', out], limit);
  const pcm = await readFile(out);
  await rm(out);
  let sum = 0;
  const samples = pcm.length / 2;
  for (let i = 0; i < samples; i++) sum += (pcm.readInt16LE(i * 2) / 32768) ** 2;
  return samples ? Math.sqrt(sum / samples) : 0;
}
