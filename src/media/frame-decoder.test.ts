import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFrames, frameDiff } from '../../test/helpers/frames.js';
import { resolveMediaTools, type MediaTools } from './ffmpeg-binaries.js';
import { startFrameDecoder } from './frame-decoder.js';
import { runProcess } from './run-process.js';

let tools: MediaTools;
let dir: string;
/** 2 s at 10 fps of ffmpeg's test pattern (a counter and a moving gradient: every frame differs). */
let pattern: string;
/** 1 s, 400x200: red, with its left quarter blue. */
let banner: string;

async function makeClip(out: string, source: string, extra: string[] = []): Promise<string> {
  await runProcess(tools.ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', source, ...extra, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', out], { timeoutMs: 30_000 });
  return out;
}

/** Running ffmpeg processes whose command line names `file` (Linux /proc; a reaped child has no entry). */
async function ffmpegReading(file: string): Promise<number> {
  let count = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes('ffmpeg') && cmdline.includes(file)) count++;
  }
  return count;
}

beforeAll(async () => {
  tools = await resolveMediaTools();
  dir = await mkdtemp(path.join(os.tmpdir(), 'kinora-decoder-'));
  pattern = await makeClip(path.join(dir, 'pattern.mp4'), 'testsrc=size=320x240:rate=10:duration=2');
  banner = await makeClip(path.join(dir, 'banner.mp4'), 'color=c=red:s=400x200:r=10:d=1', ['-vf', 'drawbox=x=0:y=0:w=100:h=200:color=blue:t=fill']);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('startFrameDecoder', () => {
  it('gives every frame at the asked size and rate, then null', async () => {
    const frames = await decodeFrames(tools, pattern, { width: 160, height: 90, fps: 20 });
    // 2 s resampled from 10 to 20 fps.
    expect(frames).toHaveLength(40);
    for (const frame of frames) expect(frame.byteLength).toBe(160 * 90 * 4);
    expect(frameDiff(frames[0] as Uint8Array, frames[39] as Uint8Array)).toBeGreaterThan(5);
  });

  it('covers the frame: scales up to fill and crops the overflow, never letterboxes', async () => {
    const [frame] = await decodeFrames(tools, banner, { width: 200, height: 200, fps: 10 });
    expect(frame).toBeDefined();
    // The 400x200 clip becomes 400x200 at this height, and the middle 200 columns are kept: the blue quarter is cut.
    let blue = 0;
    let red = 0;
    for (let i = 0; i < (frame as Uint8Array).length; i += 4) {
      const [r, g, b] = [frame![i] as number, frame![i + 1] as number, frame![i + 2] as number];
      if (b > 150 && r < 100) blue++;
      if (r > 200 && g < 60 && b < 60) red++;
    }
    expect(blue).toBe(0);
    expect(red).toBe(200 * 200);
  });

  it('starts part-way in: the first frame is the one at that time', async () => {
    const all = await decodeFrames(tools, pattern, { width: 160, height: 120, fps: 10 });
    const late = await decodeFrames(tools, pattern, { width: 160, height: 120, fps: 10, start: 1.2 });
    expect(late.length).toBe(8);
    const diffs = all.map((frame) => frameDiff(frame, late[0] as Uint8Array));
    expect(diffs.indexOf(Math.min(...diffs))).toBe(12);
    expect(Math.min(...diffs)).toBeLessThan(1);
  });

  it('kills ffmpeg on abort, and read() says why', async () => {
    const controller = new AbortController();
    const decoder = startFrameDecoder(tools, { file: pattern, width: 320, height: 240, fps: 10, signal: controller.signal });
    expect(await decoder.read()).not.toBeNull();
    controller.abort(new Error('cancelled by test'));
    await expect(decoder.read()).rejects.toMatchObject({ name: 'AbortError' });
    expect(await ffmpegReading(pattern)).toBe(0);
  });

  it('close() stops ffmpeg early without waiting for the rest', async () => {
    const decoder = startFrameDecoder(tools, { file: pattern, width: 320, height: 240, fps: 10, signal: new AbortController().signal });
    expect(await decoder.read()).not.toBeNull();
    decoder.close();
    decoder.close();
    expect(await decoder.read()).toBeNull();
    await expect.poll(() => ffmpegReading(pattern)).toBe(0);
  });

  it('rejects a file that is not a video with ffmpeg\'s reason, and bad options before starting', async () => {
    const junk = path.join(dir, 'junk.mp4');
    await writeFile(junk, 'this is not a video');
    const decoder = startFrameDecoder(tools, { file: junk, width: 64, height: 64, fps: 10, signal: new AbortController().signal });
    await expect(decoder.read()).rejects.toThrow(/ffmpeg exited with code/);
    const signal = new AbortController().signal;
    expect(() => startFrameDecoder(tools, { file: pattern, width: 0, height: 64, fps: 10, signal })).toThrow(RangeError);
    expect(() => startFrameDecoder(tools, { file: pattern, width: 64, height: 64, fps: 0, signal })).toThrow(RangeError);
    expect(() => startFrameDecoder(tools, { file: pattern, width: 64, height: 64, fps: 10, signal: AbortSignal.abort() })).toThrow();
  });
});
