/**
 * The engine's options and inputs end to end: real rendering, real ffmpeg encoding, and the MP4 read back with
 * ffprobe and decoded to frames with ffmpeg.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Canvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClip } from '../../../test/helpers/clips.js';
import { decodeFrames, frameDiff, meanLuminance } from '../../../test/helpers/frames.js';
import { resolveMediaTools, type MediaTools } from '../../media/ffmpeg-binaries.js';
import { probeMedia } from '../../media/probe.js';
import type { GenerationRequest, GenerationResult } from '../engine.js';
import { createProceduralEngine } from './procedural-engine.js';

const W = 854;
const H = 480;
const engine = createProceduralEngine();
let tools: MediaTools;
let root: string;

beforeAll(async () => {
  tools = await resolveMediaTools();
  root = mkdtempSync(path.join(tmpdir(), 'kinora-options-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A 2 s 854x480 clip of `request`, in a fresh work directory. */
function generate(request: Partial<GenerationRequest> & { prompt: string }, signal = new AbortController().signal, onProgress: (fraction: number) => void = () => {}): Promise<GenerationResult> {
  const workDir = mkdtempSync(path.join(root, 'run-'));
  return engine.generate({ model: 'kinora-1', width: W, height: H, seconds: 2, seed: 2, ...request }, { signal, onProgress, workDir });
}

const decode = (file: string): Promise<Uint8Array[]> => decodeFrames(tools, file, { width: W, height: H, fps: 24 });

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

async function audioStreams(file: string): Promise<number> {
  return (await probeMedia(tools, file)).streams.filter((s) => s.type === 'audio').length;
}

describe('procedural engine options', () => {
  it('silent on request: no audio stream at all; a soundtrack by default', async () => {
    const silent = await generate({ prompt: 'waves on a beach', seconds: 1, options: { audio: false } });
    expect(silent.hasAudio).toBe(false);
    expect(await audioStreams(silent.file)).toBe(0);
    expect(readdirSync(path.dirname(silent.file))).not.toContain('soundtrack.wav');
    const sound = await generate({ prompt: 'waves on a beach', seconds: 1 });
    expect(sound.hasAudio).toBe(true);
    expect(await audioStreams(sound.file)).toBe(1);
  });

  it('loop: the last frame of the MP4 leads into the first as any frame leads into the next', async () => {
    const prompt = 'a fox running through a forest, the camera pans left';
    const wrapAndSteps = async (loop: boolean): Promise<{ wrap: number; steps: number[] }> => {
      const frames = await decode((await generate({ prompt, options: { loop } })).file);
      expect(frames).toHaveLength(48);
      return {
        wrap: frameDiff(frames.at(-1) as Uint8Array, frames[0] as Uint8Array),
        steps: frames.slice(1).map((frame, i) => frameDiff(frames[i] as Uint8Array, frame)),
      };
    };
    const loop = await wrapAndSteps(true);
    expect(loop.wrap).toBeLessThanOrEqual(Math.max(...loop.steps));
    const plain = await wrapAndSteps(false);
    expect(plain.wrap).toBeGreaterThan(loop.wrap * 3);
  });

  it('storyboard crossfade: the picture passes gradually from one shot to the next; a cut jumps', async () => {
    const prompt = 'Shot 1: a dog running on a sunny beach at noon. Shot 2: a car driving through a city at night';
    const brightness = async (transition: 'cut' | 'crossfade'): Promise<number[]> => {
      const result = await generate({ prompt, options: { transition } });
      expect(await audioStreams(result.file)).toBe(1); // one soundtrack across the shots
      return (await decode(result.file)).map(meanLuminance);
    };
    const biggestStep = (levels: number[]): number => Math.max(...levels.slice(1).map((v, i) => Math.abs(v - (levels[i] as number))));
    const crossfade = await brightness('crossfade');
    const change = Math.abs((crossfade[0] as number) - (crossfade.at(-1) as number));
    expect(change).toBeGreaterThan(60); // noon beach to night city
    expect(biggestStep(crossfade)).toBeLessThan(change * 0.15);
    const cut = await brightness('cut');
    expect(biggestStep(cut)).toBeGreaterThan(change * 0.5);
  });

  it('image to video: the picture moves, lit and rained on as the prompt says', async () => {
    const picture = new Canvas(800, 600);
    const ctx = picture.getContext('2d');
    ctx.fillStyle = '#8ec5ff';
    ctx.fillRect(0, 0, 800, 300);
    ctx.fillStyle = '#5a9a3a';
    ctx.fillRect(0, 300, 800, 300);
    for (let i = 0; i < 600; i++) {
      ctx.fillStyle = i % 2 ? '#4c8a30' : '#7ab85a';
      ctx.fillRect((i * 97) % 800, 300 + ((i * 53) % 300), 10, 5);
    }
    const file = path.join(root, 'picture.png');
    writeFileSync(file, picture.toBuffer('image/png'));
    const inputImage = { file, mime: 'image/png', width: 800, height: 600 };
    const day = await decode((await generate({ prompt: 'a quiet meadow', inputImage, seconds: 1 })).file);
    const night = await decode((await generate({ prompt: 'rain at night over a quiet meadow', inputImage, seconds: 1 })).file);
    // It moves all the way through (a push-in with parallax), not a still.
    expect(frameDiff(day[0] as Uint8Array, day[23] as Uint8Array)).toBeGreaterThan(1.5);
    expect(frameDiff(day[11] as Uint8Array, day[12] as Uint8Array)).toBeGreaterThan(0.1);
    expect(meanLuminance(night[10] as Uint8Array)).toBeLessThan(meanLuminance(day[10] as Uint8Array) * 0.7);
    // Rain streaks fall between frames even where the picture barely moves.
    expect(frameDiff(night[10] as Uint8Array, night[11] as Uint8Array)).toBeGreaterThan(frameDiff(day[10] as Uint8Array, day[11] as Uint8Array) * 2);
  });

  it('input video: its frames are the backdrop, the last one held past its end, the subjects drawn over it', async () => {
    // 1 s, 4:3, grey getting brighter by 4 levels a frame; the output runs a second past its end.
    const clip = await makeClip(tools, path.join(root, 'ramp.mp4'), { size: '320x240', seconds: 1 });
    const request = { prompt: 'a red ball bouncing', inputVideo: { file: clip, width: 320, height: 240, seconds: 1, fps: 24 } };
    const result = await generate(request);
    const frames = await decode(result.file);
    const levels = frames.map(meanLuminance);
    expect(levels[20]).toBeGreaterThan((levels[4] as number) + 40); // following the clip
    for (const level of levels.slice(26)) expect(Math.abs(level - (levels[25] as number))).toBeLessThan(3); // held
    // The clip's grey fills the frame around a red ball.
    const middle = frames[36] as Uint8Array;
    let grey = 0;
    let red = 0;
    for (let i = 0; i < middle.length; i += 4) {
      const [r, g, b] = [middle[i] as number, middle[i + 1] as number, middle[i + 2] as number];
      if (Math.abs(r - g) < 10 && Math.abs(g - b) < 10 && Math.abs(r - 92) < 12) grey++;
      if (r > 150 && g < 90 && b < 90) red++;
    }
    expect(grey).toBeGreaterThan(W * H * 0.8);
    expect(red).toBeGreaterThan(200);
    expect(sha256((await generate(request)).file)).toBe(sha256(result.file));
  });

  it('stops the input video\'s decoder when aborted', async () => {
    const clip = await makeClip(tools, path.join(root, 'long.mp4'), { size: '320x240', seconds: 4 });
    const controller = new AbortController();
    const run = generate({ prompt: 'a cat walking', seconds: 4, inputVideo: { file: clip, width: 320, height: 240, seconds: 4, fps: 24 } }, controller.signal, (f) => {
      if (f > 0.2) controller.abort(new Error('cancelled by test'));
    });
    await expect(run).rejects.toThrow('cancelled by test');
    // Killed at once (SIGKILL); polled only for the moment the kernel takes to remove it.
    const decoders = (): string[] => readdirSync('/proc').filter((pid) => /^\d+$/.test(pid)).filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(clip);
      } catch {
        return false;
      }
    });
    await expect.poll(decoders).toEqual([]);
  });

  it('is deterministic with every option: same request, same bytes', async () => {
    const request = { prompt: 'Shot 1: a kite flying over a meadow. Shot 2: a boat sailing on a lake at sunset', seconds: 1.5, options: { loop: true, transition: 'crossfade' as const } };
    expect(sha256((await generate(request)).file)).toBe(sha256((await generate(request)).file));
  });

  it('refuses an unknown transition and a video with nothing to draw', async () => {
    await expect(generate({ prompt: 'a cat', options: { transition: 'wipe' as 'cut' } })).rejects.toThrow(/transition/);
    await expect(generate({ prompt: 'a cat', inputVideo: { file: '/nonexistent.mp4', width: 0, height: 0, seconds: 0, fps: 24 } })).rejects.toThrow(/input video/);
  });
});
