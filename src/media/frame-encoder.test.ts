import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMediaTools, type MediaTools } from './ffmpeg-binaries.js';
import { startFrameEncoder, type FrameEncoderOptions } from './frame-encoder.js';
import { probeMedia } from './probe.js';

const WIDTH = 320;
const HEIGHT = 180;
const FPS = 24;

/** A gradient that moves with the frame index, so every frame differs. */
function gradientFrame(width: number, height: number, index: number): Uint8Array {
  const frame = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      frame[i] = (x + index * 8) & 255;
      frame[i + 1] = Math.floor((y * 255) / height);
      frame[i + 2] = (index * 10) & 255;
      frame[i + 3] = 255;
    }
  }
  return frame;
}

/** A 16-bit mono PCM WAV of a sine tone. */
function sineWav(seconds: number, sampleRate = 48_000, hz = 440): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16); // fmt chunk size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 2, 28); // byte rate
  wav.writeUInt16LE(2, 32); // block align
  wav.writeUInt16LE(16, 34); // bits per sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    wav.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * i) / sampleRate) * 12_000), 44 + i * 2);
  }
  return wav;
}

/** Pids of running processes whose command line mentions `needle` (Linux /proc; a reaped child has no entry). */
async function pidsMentioning(needle: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(needle)) pids.push(Number(entry));
  }
  return pids;
}

const sha256 = async (file: string): Promise<string> => createHash('sha256').update(await readFile(file)).digest('hex');

describe('startFrameEncoder', () => {
  let tools: MediaTools;
  let tmp: string;
  let wav: string;

  beforeAll(async () => {
    tools = await resolveMediaTools();
    tmp = await mkdtemp(path.join(os.tmpdir(), 'kinora-encoder-'));
    wav = path.join(tmp, 'tone.wav');
    await writeFile(wav, sineWav(1));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  async function encode(output: string, extra: Partial<FrameEncoderOptions> = {}): Promise<void> {
    const options = { width: WIDTH, height: HEIGHT, fps: FPS, output, signal: new AbortController().signal };
    const encoder = startFrameEncoder(tools, { ...options, ...extra });
    for (let i = 0; i < FPS; i++) await encoder.write(gradientFrame(WIDTH, HEIGHT, i));
    await encoder.finish();
  }

  it('writes an H.264 yuv420p MP4 with AAC audio of the right size and length', async () => {
    const output = path.join(tmp, 'clip.mp4');
    await encode(output, { audioFile: wav, frames: FPS });
    const info = await probeMedia(tools, output);
    expect(info.format).toContain('mp4');
    expect(info.durationSeconds).toBeGreaterThan(0.95);
    expect(info.durationSeconds).toBeLessThan(1.1);
    expect(info.streams).toHaveLength(2);
    expect(info.streams[0]).toMatchObject({ type: 'video', codec: 'h264', width: WIDTH, height: HEIGHT, pixFmt: 'yuv420p', frames: FPS });
    expect(info.streams[1]).toMatchObject({ type: 'audio', codec: 'aac', sampleRate: 48_000, channels: 1 });
    // faststart: the index (moov) comes before the media data (mdat).
    const head = (await readFile(output)).subarray(0, 4096).toString('latin1');
    expect(head.indexOf('moov')).toBeGreaterThan(0);
    expect(head.indexOf('moov')).toBeLessThan(head.indexOf('mdat') === -1 ? Infinity : head.indexOf('mdat'));
  });

  it('writes no audio track without an audio file', async () => {
    const output = path.join(tmp, 'silent.mp4');
    await encode(output);
    const info = await probeMedia(tools, output);
    expect(info.streams.map((s) => s.type)).toEqual(['video']);
  });

  it('gives the same bytes for the same frames', async () => {
    const a = path.join(tmp, 'a.mp4');
    const b = path.join(tmp, 'b.mp4');
    await encode(a, { audioFile: wav, frames: FPS });
    await encode(b, { audioFile: wav, frames: FPS });
    expect(await sha256(a)).toBe(await sha256(b));
  });

  it('on abort, kills ffmpeg at once, rejects with an AbortError and leaves no process behind', async () => {
    const output = path.join(tmp, 'aborted.mp4');
    const controller = new AbortController();
    const encoder = startFrameEncoder(tools, { width: 1280, height: 720, fps: FPS, output, signal: controller.signal });
    const frame = gradientFrame(1280, 720, 0);
    for (let i = 0; i < 5; i++) await encoder.write(frame);
    const [pid] = await pidsMentioning(output);
    expect(pid).toBeTypeOf('number');

    const pending = encoder.write(frame).catch((e: unknown) => e);
    const abortedAt = performance.now();
    controller.abort(new Error('cancelled'));
    const error = await pending;
    const elapsed = performance.now() - abortedAt;

    expect(error).toMatchObject({ name: 'AbortError' });
    expect(elapsed).toBeLessThan(500);
    await expect(encoder.finish()).rejects.toMatchObject({ name: 'AbortError' });
    expect(existsSync(`/proc/${pid}`)).toBe(false); // gone and reaped, not a zombie
  });

  it('does not start ffmpeg when the signal is already aborted', async () => {
    const output = path.join(tmp, 'never.mp4');
    const start = () => startFrameEncoder(tools, { width: WIDTH, height: HEIGHT, fps: FPS, output, signal: AbortSignal.abort() });
    expect(start).toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(await pidsMentioning(output)).toEqual([]);
  });

  it('refuses bad sizes and wrongly sized frames with a readable message', async () => {
    const signal = new AbortController().signal;
    const output = path.join(tmp, 'bad-size.mp4');
    expect(() => startFrameEncoder(tools, { width: 321, height: HEIGHT, fps: FPS, output, signal })).toThrow(
      /even positive integers, got 321x180/,
    );
    const encoder = startFrameEncoder(tools, { width: WIDTH, height: HEIGHT, fps: FPS, output, signal, frames: 1 });
    await expect(encoder.write(new Uint8Array(100))).rejects.toThrow(/frame has 100 bytes, expected 230400 \(320x180 RGBA\)/);
    await encoder.write(gradientFrame(WIDTH, HEIGHT, 0));
    await expect(encoder.write(gradientFrame(WIDTH, HEIGHT, 1))).rejects.toThrow(/more than the 1 frames announced/);
    await encoder.finish();
  });

  it('does not call a clip with missing frames finished', async () => {
    const signal = new AbortController().signal;
    const output = path.join(tmp, 'short.mp4');
    const empty = startFrameEncoder(tools, { width: WIDTH, height: HEIGHT, fps: FPS, output, signal });
    await expect(empty.finish()).rejects.toThrow('only 0 of at least 1 frames were written');
    const short = startFrameEncoder(tools, { width: WIDTH, height: HEIGHT, fps: FPS, output, signal, frames: 3 });
    await short.write(gradientFrame(WIDTH, HEIGHT, 0));
    await expect(short.finish()).rejects.toThrow('only 1 of 3 frames were written');
  });

  it("rejects with ffmpeg's own error when ffmpeg fails", async () => {
    const output = path.join(tmp, 'bad-preset.mp4');
    const error = await encode(output, { preset: 'no-such-preset' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^ffmpeg exited with code \d+: [^]*invalid preset 'no-such-preset'/);
    expect((error as Error).message).not.toMatch(/EPIPE/);
  });
});
