import type { Writable } from 'node:stream';
import type { MediaTools } from './ffmpeg-binaries.js';
import { outputArgs } from './ffmpeg-edit.js';
import { startProcess } from './run-process.js';

/**
 * Streams raw RGBA frames into ffmpeg's stdin and writes a web-ready MP4: H.264 yuv420p with the index up front
 * (faststart), optional AAC audio from a WAV, and the same bytes for the same frames (bitexact, no metadata). Every
 * flag here is accepted by both the bundled 2018 ffmpeg and current releases.
 */
export interface FrameEncoderOptions {
  width: number;
  height: number;
  fps: number;
  /** .mp4 path to write. */
  output: string;
  /** A WAV file to mux as AAC; without it the MP4 has no audio track. */
  audioFile?: string;
  /** Abort => ffmpeg is killed at once (SIGKILL) and write()/finish() reject with an AbortError. */
  signal: AbortSignal;
  /** x264 preset, default 'veryfast' (the best size/speed trade-off measured on 2 cores). */
  preset?: string;
  /** Default 20. */
  crf?: number;
  /**
   * The number of frames that will be written, when known. It bounds the output to frames/fps seconds (`-t`), so a
   * WAV a little longer than the picture cannot lengthen the clip, and writing more frames than this is refused.
   */
  frames?: number;
}

export interface FrameEncoder {
  /** frame: RGBA bytes, width*height*4. Resolves when ffmpeg's stdin took it; the buffer may be reused after that. */
  write(frame: Uint8Array): Promise<void>;
  /**
   * Close stdin, wait for ffmpeg to exit 0; reject with an Error carrying ffmpeg's last stderr lines otherwise, or
   * when fewer frames were written than announced (or none at all).
   */
  finish(): Promise<void>;
}

function encoderArgs(options: FrameEncoderOptions): string[] {
  const { width, height, fps, audioFile, frames } = options;
  const args = ['-hide_banner', '-loglevel', 'error', '-y'];
  args.push('-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', `${width}x${height}`, '-framerate', String(fps), '-i', 'pipe:0');
  // "file:" keeps a path with a colon or a leading dash from being read as a protocol or an option.
  if (audioFile) args.push('-i', `file:${audioFile}`);
  if (frames !== undefined) args.push('-t', String(frames / fps));
  args.push(...outputArgs(options.output, { video: '0:v:0', audio: audioFile ? '1:a:0' : undefined, preset: options.preset, crf: options.crf }));
  return args;
}

function validate({ width, height, fps, frames }: FrameEncoderOptions): void {
  // yuv420p halves the chroma planes, so x264 refuses odd sizes; say so before starting ffmpeg.
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 2 || height < 2 || width % 2 || height % 2) {
    throw new RangeError(`frame size must be even positive integers, got ${width}x${height}`);
  }
  if (!(fps > 0 && fps <= 240)) throw new RangeError(`fps must be in (0, 240], got ${fps}`);
  if (frames !== undefined && !(Number.isInteger(frames) && frames > 0)) {
    throw new RangeError(`frames must be a positive integer, got ${frames}`);
  }
}

/** Starts ffmpeg at once; throws (without starting it) on bad options or an already aborted signal. */
export function startFrameEncoder(tools: MediaTools, options: FrameEncoderOptions): FrameEncoder {
  validate(options);
  const frameBytes = options.width * options.height * 4;
  const { child, done } = startProcess(tools.ffmpeg, encoderArgs(options), { signal: options.signal, stdin: 'pipe' });
  const stdin = child.stdin as Writable;
  // When ffmpeg dies, writes fail with EPIPE; that says nothing useful, ffmpeg's exit and stderr do (through `done`).
  stdin.on('error', () => {});
  // The caller learns of a failure from write()/finish(); without this, one between two calls would be "unhandled".
  done.catch(() => {});

  let written = 0;
  let finishing: Promise<void> | undefined;
  // Why ffmpeg stopped, once it has; and the reject of the write waiting on it. One reaction on `done` for the
  // whole encode: a reaction per frame would keep each frame's closure, and so its 8 MB of pixels, alive until the
  // end (measured: 1.7 GB of RSS after 192 frames of 1080p).
  let stopped: Error | undefined;
  let rejectWaiting: ((error: Error) => void) | undefined;
  void done.then(
    () => (stopped = new Error('ffmpeg stopped reading frames before they were all written')),
    (error: unknown) => (stopped = error instanceof Error ? error : new Error(String(error))),
  ).then(() => rejectWaiting?.(stopped!));

  const write = async (frame: Uint8Array): Promise<void> => {
    if (finishing) throw new Error('write() after finish()');
    if (frame.byteLength !== frameBytes) {
      throw new RangeError(
        `frame has ${frame.byteLength} bytes, expected ${frameBytes} (${options.width}x${options.height} RGBA)`,
      );
    }
    if (options.frames !== undefined && written >= options.frames) {
      throw new RangeError(`more than the ${options.frames} frames announced`);
    }
    if (stopped) throw stopped;
    written++;
    // The write callback fires once the bytes are with the OS. If ffmpeg dies or is killed meanwhile, the wait ends
    // at once with its reason (an abort, or its stderr) instead of on a pipe nobody reads.
    await new Promise<void>((resolve, reject) => {
      rejectWaiting = reject;
      stdin.write(frame, (error) => {
        if (error) return; // EPIPE: `done` is about to say why ffmpeg stopped, through rejectWaiting
        rejectWaiting = undefined;
        resolve();
      });
    });
  };

  const finish = (): Promise<void> => {
    finishing ??= (async () => {
      stdin.end();
      await done;
      // ffmpeg exits 0 on an empty or cut-short input, leaving an unplayable or too-short file; that is not success.
      const expected = options.frames ?? 1;
      if (written < expected) throw new Error(`only ${written} of ${options.frames ?? 'at least 1'} frames were written`);
    })();
    return finishing;
  };

  return { write, finish };
}
