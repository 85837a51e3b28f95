import path from 'node:path';
import type { Readable } from 'node:stream';
import type { MediaTools } from './ffmpeg-binaries.js';
import { ALLOWED_FORMATS } from './probe.js';
import { startProcess } from './run-process.js';

/**
 * Decodes a video into raw RGBA frames of a chosen size and rate, one at a time as the caller asks for them: the
 * counterpart of the frame encoder, for drawing over an existing clip. ffmpeg cover-fits the picture (scale up to
 * fill, crop the overflow, as the renderer does with images) and resamples it to the output frame rate; its stdout is
 * read one frame ahead of the caller and no further, so ffmpeg decodes the next frame while the caller uses this one,
 * the pipe's back-pressure holds it to the caller's pace, and memory stays at about two frames whatever the length.
 */
export interface FrameDecoderOptions {
  /** A video the server already probed (an upload stored under a generated name, or one of Kinora's outputs). */
  file: string;
  width: number;
  height: number;
  fps: number;
  /** Seconds into the video of the first frame; default 0. */
  start?: number;
  /** Abort => ffmpeg is killed at once and read() rejects with an AbortError. */
  signal: AbortSignal;
}

export interface FrameDecoder {
  /** The next frame (width*height*4 RGBA bytes, a new buffer each time), or null once the video has no more. */
  read(): Promise<Uint8Array | null>;
  /** Stop early: kill ffmpeg if it is still running. Safe to call more than once, and after the end. */
  close(): void;
}

function decoderArgs({ file, width, height, fps, start }: FrameDecoderOptions): string[] {
  // Files only, of plain container formats: the same fence as the probe that let the file in.
  const args = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-protocol_whitelist', 'file', '-format_whitelist', ALLOWED_FORMATS];
  // Before -i, -ss seeks the input (to the keyframe before, then decodes up to the time), so a late start is cheap.
  if (start) args.push('-ss', start.toFixed(3));
  // "file:" + an absolute path: a name like "-x" or "http:x" stays a file name.
  args.push('-i', `file:${path.resolve(file)}`, '-map', '0:v:0', '-an', '-sn');
  // Frame rate first, so frames that would be dropped are never scaled.
  const cover = `fps=${fps},scale=${width}:${height}:force_original_aspect_ratio=increase,crop=${width}:${height},setsar=1`;
  args.push('-vf', cover, '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1');
  return args;
}

function validate({ width, height, fps, start }: FrameDecoderOptions): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`frame size must be positive integers, got ${width}x${height}`);
  }
  if (!(fps > 0 && fps <= 240)) throw new RangeError(`fps must be in (0, 240], got ${fps}`);
  if (start !== undefined && !(start >= 0)) throw new RangeError(`start must be 0 or more seconds, got ${start}`);
}

/** Starts ffmpeg at once; throws (without starting it) on bad options or an already aborted signal. */
export function startFrameDecoder(tools: MediaTools, options: FrameDecoderOptions): FrameDecoder {
  validate(options);
  const frameBytes = options.width * options.height * 4;
  // Our own controller, so close() can kill ffmpeg without the caller's signal being aborted.
  const stop = new AbortController();
  const follow = (): void => stop.abort(options.signal.reason);
  options.signal.throwIfAborted();
  options.signal.addEventListener('abort', follow, { once: true });
  const { child, done } = startProcess(tools.ffmpeg, decoderArgs(options), { signal: stop.signal, streamStdout: true });
  const stdout = child.stdout as Readable;
  let closed = false;
  const forget = (): void => options.signal.removeEventListener('abort', follow);
  // Handling both outcomes here also keeps a failure while nobody reads from being "unhandled"; read() reports it.
  void done.then(forget, forget);

  const moreData = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const wake = (): void => {
        stdout.off('readable', wake);
        stdout.off('end', wake);
        stdout.off('close', wake);
        resolve();
      };
      stdout.on('readable', wake);
      stdout.on('end', wake);
      stdout.on('close', wake);
    });

  // Bytes read from the pipe but not yet handed out as a frame.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  // Pull from the pipe until a whole frame is in hand (or the output ends); no further, so what stays unread holds
  // ffmpeg back (back-pressure).
  const fill = async (): Promise<void> => {
    while (!closed && pendingBytes < frameBytes) {
      const chunk = stdout.read() as Buffer | null;
      if (chunk !== null) {
        pending.push(chunk);
        pendingBytes += chunk.length;
      } else if (stdout.readableEnded || stdout.destroyed) {
        return;
      } else {
        await moreData();
      }
    }
  };
  // The next frame being read while the caller works on the last one, so ffmpeg decodes alongside the rendering.
  let ahead: Promise<void> | null = null;

  const read = async (): Promise<Uint8Array | null> => {
    await (ahead ?? fill());
    ahead = null;
    if (closed) return null;
    if (pendingBytes >= frameBytes) {
      const bytes = Buffer.concat(pending, pendingBytes);
      const rest = bytes.subarray(frameBytes);
      pending = rest.length ? [rest] : [];
      pendingBytes = rest.length;
      ahead = fill();
      return new Uint8Array(bytes.buffer, bytes.byteOffset, frameBytes);
    }
    // The end of the pixels (a cut-off last frame is dropped): a clean end, or ffmpeg's error or the abort.
    await done;
    return null;
  };

  const close = (): void => {
    if (closed) return;
    closed = true;
    stop.abort(new Error('decoder closed'));
    // Unread output would keep the pipe, and so the process's 'close', open forever.
    stdout.destroy();
    forget();
  };

  return { read, close };
}
