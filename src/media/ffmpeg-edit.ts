import path from 'node:path';
import type { MediaTools } from './ffmpeg-binaries.js';
import { ALLOWED_FORMATS, probeMedia } from './probe.js';
import { startProcess } from './run-process.js';

/**
 * What the video-only edits (recut, blend, concat) share: how a clip is measured, how its inputs are opened, how
 * pictures and sound are brought to one shape before they are joined, and how the MP4 is written (H.264 yuv420p +
 * AAC, index up front, the same bytes for the same inputs). Every filter here exists in the bundled 2018 ffmpeg.
 */
export interface ClipFacts {
  width: number;
  height: number;
  /** The video stream's length (the audio of an MP4 often runs a few ms longer). */
  seconds: number;
  fps: number;
  hasAudio: boolean;
}

/** An input file and, for an upload, the demuxer its probe found (so ffmpeg cannot pick another one). */
export interface ClipInput {
  file: string;
  format?: string;
}

export interface EditOptions {
  signal?: AbortSignal;
  /** Fraction of the output written, 0..1. */
  onProgress?: (fraction: number) => void;
  /** Wall-clock limit of each ffmpeg run; default 10 minutes. */
  timeoutMs?: number;
}

export const AUDIO_RATE = 48_000;
const DEFAULT_TIMEOUT_MS = 600_000;

export async function probeClip(tools: MediaTools, clip: ClipInput, signal?: AbortSignal): Promise<ClipFacts> {
  const info = await probeMedia(tools, clip.file, signal ? { signal } : {});
  const video = info.streams.find((s) => s.type === 'video');
  const name = path.basename(clip.file);
  if (!video?.width || !video.height) throw new Error(`${name} has no video stream`);
  if (!video.fps) throw new Error(`${name} has no known frame rate`);
  const seconds = video.durationSeconds ?? info.durationSeconds;
  if (!(seconds > 0)) throw new Error(`${name} has no duration`);
  return { width: video.width, height: video.height, seconds, fps: video.fps, hasAudio: info.streams.some((s) => s.type === 'audio') };
}

/** Whole frames of a length at a rate (what the fps filter makes of it). */
export const framesOf = (seconds: number, fps: number): number => Math.round(seconds * fps);
/** Audio samples in a number of frames, so sound and picture end together. */
export const samplesOf = (frames: number, fps: number): number => Math.round((frames / fps) * AUDIO_RATE);

/**
 * One input: files only (no network, no `concat:`) of plain container formats (no playlist naming other files),
 * named with `file:` so no path reads as an option or a URL.
 */
export function inputArgs(clip: ClipInput, before: string[] = []): string[] {
  return ['-protocol_whitelist', 'file', '-format_whitelist', ALLOWED_FORMATS, ...before, ...(clip.format ? ['-f', clip.format] : []), '-i', `file:${path.resolve(clip.file)}`];
}

/** Any picture into a width x height frame at `fps`: fitted inside (never stretched), centred, square pixels. */
export function fitPicture(width: number, height: number, fps: number): string {
  return [
    `scale=${width}:${height}:force_original_aspect_ratio=decrease`,
    `pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2`,
    'setsar=1',
    `fps=${fps}`,
    'format=yuv420p',
  ].join(',');
}

/** Any sound into 48 kHz stereo, the shape every joined part must share. */
export const normaliseSound = `aresample=${AUDIO_RATE},aformat=sample_fmts=fltp:channel_layouts=stereo`;

/** A clip's sound, or silence for a clip that has none, made exactly `samples` long. */
export function soundOf(input: number, facts: ClipFacts, samples: number, label: string): string {
  const source = facts.hasAudio ? `[${input}:a:0]${normaliseSound},apad` : `anullsrc=r=${AUDIO_RATE}:cl=stereo`;
  return `${source},atrim=end_sample=${samples}[${label}]`;
}

/**
 * Kinora's MP4 (every render and edit writes one): H.264 yuv420p, AAC when there is sound, index up front, the same
 * bytes for the same input. `video` and `audio` are what `-map` takes: a filter label (`[v]`) or a stream (`0:v:0`).
 */
export function outputArgs(output: string, options: { video: string; audio?: string | undefined; preset?: string | undefined; crf?: number | undefined }): string[] {
  const args = ['-map', options.video, '-c:v', 'libx264', '-preset', options.preset ?? 'veryfast', '-crf', String(options.crf ?? 20), '-pix_fmt', 'yuv420p'];
  if (options.audio) args.push('-map', options.audio, '-c:a', 'aac', '-b:a', '128k');
  args.push('-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact', '-map_metadata', '-1');
  args.push('-movflags', '+faststart', '-f', 'mp4', `file:${path.resolve(output)}`);
  return args;
}

/** Room for ffmpeg's `-progress` lines of any honest run; one that prints more is killed. */
const MAX_PROGRESS_BYTES = 4 << 20;

/**
 * Runs one ffmpeg edit (inputs, `-filter_complex`, outputs), reporting the share of `seconds` written from
 * ffmpeg's `-progress` lines.
 */
export async function runEdit(tools: MediaTools, args: string[], seconds: number, options: EditOptions = {}): Promise<void> {
  const head = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-nostats', '-progress', 'pipe:1'];
  const run = startProcess(tools.ffmpeg, [...head, ...args], {
    signal: options.signal,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxStdoutBytes: MAX_PROGRESS_BYTES,
  });
  const report = options.onProgress;
  if (report) {
    run.child.stdout?.on('data', (chunk: Buffer) => {
      // out_time_ms is in microseconds despite its name (newer builds also print out_time_us, the same number).
      const times = [...chunk.toString('latin1').matchAll(/^out_time_ms=(\d+)$/gm)];
      const last = times.at(-1)?.[1];
      if (last !== undefined) report(Math.min(1, Number(last) / 1e6 / seconds));
    });
  }
  await run.done;
}
