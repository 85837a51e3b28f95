import path from 'node:path';
import { z } from 'zod';
import type { MediaTools } from './ffmpeg-binaries.js';
import { ProcessError, lastLines, runProcess } from './run-process.js';

/**
 * What a media file contains, read by ffprobe. The file may be an untrusted upload, so ffprobe is fenced in:
 * - `-protocol_whitelist file`: no network, no pipes, no `concat:`/`subfile:` tricks;
 * - `-format_whitelist`: only plain containers and images. Playlist-like formats (HLS, DASH, concat, …) name other
 *   files inside the content, and the file protocol would let them read anything on disk, so they are not allowed;
 * - a wall-clock timeout and a cap on the JSON it prints.
 */
export interface MediaStream {
  type: 'video' | 'audio' | 'other';
  codec: string;
  /** The stream's own length, when the container records it (an MP4's audio often runs a little past its video). */
  durationSeconds?: number;
  width?: number;
  height?: number;
  pixFmt?: string;
  frames?: number;
  /** Frames per second (the stream's average rate), when known. */
  fps?: number;
  sampleRate?: number;
  channels?: number;
}

export interface MediaInfo {
  /** ffprobe's demuxer name, e.g. "mov,mp4,m4a,3gp,3g2,mj2", "wav", "webp_pipe". */
  format: string;
  /** 0 when the container has no duration (a still image). */
  durationSeconds: number;
  streams: MediaStream[];
}

/**
 * Demuxers an upload or an output may use (ffmpeg names; a format matches if any of its names is here). Every ffmpeg
 * that opens a file passes it as `-format_whitelist`, which also binds the demuxers a file opens inside itself (an
 * HLS playlist hidden in an AVI's GAB2 stream is refused there, not only here).
 */
export const ALLOWED_FORMATS = [
  'mov', // mp4, m4a, mov, 3gp
  'matroska', // mkv, webm
  'avi',
  'wav',
  'mp3',
  'ogg',
  'flac',
  'aac',
  'image2', // a single image picked by its extension (the path is ours, never a pattern from the upload)
  'png_pipe',
  'jpeg_pipe',
  'webp_pipe',
  'gif',
].join(',');

const DEFAULT_TIMEOUT_MS = 10_000;
/** Generous for any honest file's stream list; a file declaring thousands of streams is not one. */
const MAX_JSON_BYTES = 1 << 20;

/** ffprobe prints numbers as numbers or strings, and "N/A" when it does not know one. */
const count = z.coerce.number().optional().catch(undefined);

/** A frame rate as ffprobe writes it ("24/1", "30000/1001"); "0/0" means unknown. */
const rate = z
  .string()
  .optional()
  .transform((text) => {
    const [num, den] = (text ?? '').split('/').map(Number);
    return num && den ? num / den : undefined;
  })
  .catch(undefined);

const ffprobeJson = z.object({
  format: z.object({ format_name: z.string(), duration: count }),
  streams: z
    .array(
      z.object({
        codec_type: z.string().optional(),
        codec_name: z.string().optional(),
        duration: count,
        width: count,
        height: count,
        pix_fmt: z.string().optional(),
        nb_frames: count,
        avg_frame_rate: rate,
        sample_rate: count,
        channels: count,
      }),
    )
    .default([]),
});

function toStream(s: z.infer<typeof ffprobeJson>['streams'][number]): MediaStream {
  const type = s.codec_type === 'video' || s.codec_type === 'audio' ? s.codec_type : 'other';
  const facts =
    type === 'video'
      ? { durationSeconds: s.duration, width: s.width, height: s.height, pixFmt: s.pix_fmt, frames: s.nb_frames, fps: s.avg_frame_rate }
      : type === 'audio'
        ? { durationSeconds: s.duration, sampleRate: s.sample_rate, channels: s.channels }
        : {};
  // Only what ffprobe reported: an absent field means "unknown", never a key holding undefined.
  const known = Object.entries(facts).filter(([, value]) => value !== undefined);
  return { type, codec: s.codec_name ?? 'unknown', ...Object.fromEntries(known) };
}

/** ffprobe's last word, without the path it prefixes (a server path is nobody's business); a refused format by name. */
function failureReason(stderr: string): string {
  const refused = /\[(\w+) @ [^\]]*\] Format not on whitelist/.exec(stderr)?.[1];
  if (refused) return `the ${refused} format is not accepted`;
  return lastLines(stderr, 1).replace(/^file:.*?: /, '') || 'ffprobe failed';
}

export interface ProbeOptions {
  /** Default 10 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** `file` is a path the server chose (an upload is stored under a generated name first), never a user's file name. */
export async function probeMedia(tools: MediaTools, file: string, opts: ProbeOptions = {}): Promise<MediaInfo> {
  const name = path.basename(file);
  const args = ['-v', 'error', '-protocol_whitelist', 'file', '-format_whitelist', ALLOWED_FORMATS];
  args.push('-print_format', 'json', '-show_format', '-show_streams');
  // "file:" + an absolute path: a name like "-x" or "http:x" stays a file name.
  args.push('-i', `file:${path.resolve(file)}`);
  let stdout: string;
  try {
    ({ stdout } = await runProcess(tools.ffprobe, args, {
      signal: opts.signal,
      timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxStdoutBytes: MAX_JSON_BYTES,
    }));
  } catch (error) {
    if (!(error instanceof ProcessError) || error.exitCode === null) throw error;
    throw new Error(`Not a readable media file (${name}): ${failureReason(error.stderr)}`, { cause: error });
  }
  const parsed = ffprobeJson.safeParse(JSON.parse(stdout));
  if (!parsed.success) throw new Error(`Not a readable media file (${name}): ffprobe reported no container`);
  const { format, streams } = parsed.data;
  return { format: format.format_name, durationSeconds: format.duration ?? 0, streams: streams.map(toStream) };
}
