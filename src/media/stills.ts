import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { MediaTools } from './ffmpeg-binaries.js';
import { ALLOWED_FORMATS, probeMedia } from './probe.js';
import { runProcess } from './run-process.js';

/**
 * Still images of a finished video: the thumbnail (WebP, as OpenAI's Videos API serves it) and the spritesheet (a
 * JPEG grid of frames for scrubbing previews). The video is probed first, which also rejects anything that is not a
 * plain media file before ffmpeg opens it.
 */
export interface StillOptions {
  signal?: AbortSignal;
  /** Wall-clock limit for each ffmpeg/ffprobe run; default 60 s (the spritesheet decodes the whole video). */
  timeoutMs?: number;
}

export interface Spritesheet {
  columns: number;
  rows: number;
  frameWidth: number;
  frameHeight: number;
  frames: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const THUMBNAIL_MAX_SIDE = 640;
/** Where the thumbnail is taken: far enough in for the scene to have started, clear of any ending. */
const THUMBNAIL_AT = 0.4;
const SHEET_COLUMNS = 5;
const SHEET_ROWS = 5;
const SHEET_FRAME_WIDTH = 160;

/** Shared head of every run: quiet, never interactive, inputs only through the file protocol and of plain formats. */
const head = (): string[] => ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-protocol_whitelist', 'file', '-format_whitelist', ALLOWED_FORMATS];

/** The same bytes for the same video: no encoder version strings, no metadata copied from the input. */
const BITEXACT = ['-fflags', '+bitexact', '-flags:v', '+bitexact', '-map_metadata', '-1'];

interface VideoFacts {
  width: number;
  height: number;
  seconds: number;
}

async function probeVideo(tools: MediaTools, video: string, opts: StillOptions): Promise<VideoFacts> {
  const info = await probeMedia(tools, video, { signal: opts.signal, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  const stream = info.streams.find((s) => s.type === 'video');
  if (!stream?.width || !stream.height) throw new Error(`${path.basename(video)} has no video stream`);
  // The video stream's own length: an MP4's AAC track often runs a few ms past the last frame.
  return { width: stream.width, height: stream.height, seconds: stream.durationSeconds ?? info.durationSeconds };
}

export async function makeThumbnail(tools: MediaTools, video: string, out: string, opts: StillOptions = {}): Promise<void> {
  const { seconds } = await probeVideo(tools, video, opts);
  const args = head();
  args.push('-ss', (seconds * THUMBNAIL_AT).toFixed(3), '-i', `file:${path.resolve(video)}`, '-map', '0:v:0');
  // Fit inside a 640 px square, never enlarging a smaller video.
  const fit = `scale=w='min(${THUMBNAIL_MAX_SIDE},iw)':h='min(${THUMBNAIL_MAX_SIDE},ih)':force_original_aspect_ratio=decrease`;
  args.push('-frames:v', '1', '-vf', fit, '-c:v', 'libwebp', '-quality', '80', ...BITEXACT);
  args.push('-f', 'webp', `file:${path.resolve(out)}`);
  await runProcess(tools.ffmpeg, args, { signal: opts.signal, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  // When the seek finds no frame, ffmpeg still exits 0, leaving only the 8-byte RIFF header.
  if ((await stat(out)).size <= 8) throw new Error(`no frame found at ${THUMBNAIL_AT * 100}% of ${path.basename(video)}`);
}

export async function makeSpritesheet(
  tools: MediaTools,
  video: string,
  out: string,
  opts: StillOptions = {},
): Promise<Spritesheet> {
  const { width, height, seconds } = await probeVideo(tools, video, opts);
  if (!(seconds > 0)) throw new Error(`${path.basename(video)} has no duration to sample frames from`);
  const frames = SHEET_COLUMNS * SHEET_ROWS;
  const frameWidth = SHEET_FRAME_WIDTH;
  const frameHeight = Math.max(2, Math.round((frameWidth * height) / width / 2) * 2);
  // fps = frames / duration picks `frames` frames evenly spread from the first one (repeating frames of a clip
  // shorter than that); tile packs them into one image, and a last tile left short stays black.
  const filters = `fps=${frames / seconds},scale=${frameWidth}:${frameHeight},tile=${SHEET_COLUMNS}x${SHEET_ROWS}`;
  const args = head();
  args.push('-i', `file:${path.resolve(video)}`, '-map', '0:v:0', '-vf', filters, '-frames:v', '1');
  args.push('-c:v', 'mjpeg', '-q:v', '4', ...BITEXACT, '-f', 'image2', '-update', '1', `file:${path.resolve(out)}`);
  await runProcess(tools.ffmpeg, args, { signal: opts.signal, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  return { columns: SHEET_COLUMNS, rows: SHEET_ROWS, frameWidth, frameHeight, frames };
}
