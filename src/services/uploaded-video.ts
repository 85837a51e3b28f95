import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { badRequest } from '../domain/errors.js';
import { parseSize } from '../domain/sizes.js';
import type { MediaTools } from '../media/ffmpeg-binaries.js';
import { probeMedia } from '../media/probe.js';
import type { UploadedFile } from './video-request.js';

/** An uploaded clip that passed the checks, with the facts the worker needs. */
export interface CheckedClip {
  buffer: Buffer;
  /** The demuxer ffprobe found; the worker opens the clip with this one only. */
  format: 'mov' | 'matroska' | 'avi';
  width: number;
  height: number;
  seconds: number;
  fps: number;
  hasAudio: boolean;
}

const containers = ['mov', 'matroska', 'avi'] as const;
const maxSide = 4096;
const minSide = 16;
const probeTimeoutMs = 10_000;

/**
 * Checks an untrusted video upload before anything decodes it: ffprobe (fenced to plain containers, files only, a
 * time limit) reads it from a file under a name the server made (the uploader's name is never used), and the clip
 * must be a video of a sane size, rate and length.
 */
export async function checkUploadedVideo(
  tools: MediaTools,
  upload: UploadedFile,
  options: { maxSeconds: number; param: string },
): Promise<CheckedClip> {
  const { param } = options;
  const unreadable = (why: string) => badRequest(`'${param}' is not a video Kinora can read (${why}): send an MP4, MOV, WebM, MKV or AVI file.`, param, 'invalid_video');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kinora-upload-'));
  try {
    const file = path.join(dir, 'clip');
    await writeFile(file, upload.buffer);
    const info = await probeMedia(tools, file, { timeoutMs: probeTimeoutMs }).catch((error: unknown) => {
      throw unreadable(error instanceof Error ? error.message.replace(/^Not a readable media file \(clip\): /, '') : 'unreadable');
    });
    const format = containers.find((name) => info.format.split(',').includes(name));
    if (!format) throw unreadable(`a ${info.format.split(',')[0]} file is not a video container`);
    const video = info.streams.find((s) => s.type === 'video');
    if (!video?.width || !video.height) throw unreadable('it has no video stream');
    const seconds = Math.round((video.durationSeconds ?? info.durationSeconds) * 1000) / 1000;
    if (!(seconds > 0)) throw unreadable('it has no duration');
    if (seconds > options.maxSeconds) {
      throw badRequest(`'${param}' is ${seconds} s long; uploaded videos may be at most ${options.maxSeconds} s.`, param, 'video_too_long');
    }
    const { width, height } = video;
    if (width > maxSide || height > maxSide || width < minSide || height < minSide) {
      throw badRequest(`'${param}' is ${width}x${height}; videos must be ${minSide} to ${maxSide} px a side.`, param, 'video_too_large');
    }
    if (!video.fps || video.fps < 1 || video.fps > 120) throw unreadable('its frame rate is unknown or not 1 to 120 fps');
    return { buffer: upload.buffer, format, width, height, seconds, fps: video.fps, hasAudio: info.streams.some((s) => s.type === 'audio') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The served size closest to a clip's shape, for a video made from it: its aspect first (within about 2 %, so
 * 854x480 and 1280x720 count as the same 16:9), then its pixel count.
 */
export function sizeFor(clip: { width: number; height: number }, sizes: readonly string[]): string {
  const aspect = Math.log(clip.width / clip.height);
  const pixels = clip.width * clip.height;
  const distance = (size: string): [number, number] => {
    const { width, height } = parseSize(size);
    return [Math.round(Math.abs(Math.log(width / height) - aspect) * 50), Math.abs(Math.log((width * height) / pixels))];
  };
  return [...sizes].sort((a, b) => {
    const [aspectA, pixelsA] = distance(a);
    const [aspectB, pixelsB] = distance(b);
    return aspectA - aspectB || pixelsA - pixelsB;
  })[0]!;
}
