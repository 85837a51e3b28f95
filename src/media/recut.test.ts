import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centrePixel, loudness, makeClip } from '../../test/helpers/clips.js';
import { resolveMediaTools, type MediaTools } from './ffmpeg-binaries.js';
import { probeClip } from './ffmpeg-edit.js';
import { recutClip } from './recut.js';

describe('recutClip', () => {
  let tools: MediaTools;
  let tmp: string;
  let source: string;
  /** Brightness of a grey frame, which the source clip sets to 4 × its frame number. */
  const frameNumberShown = async (file: string, index: number) => Math.round((await centrePixel(tools, file, index, 'luma'))[0]! / 4);

  beforeAll(async () => {
    tools = await resolveMediaTools();
    tmp = await mkdtemp(path.join(os.tmpdir(), 'kinora-recut-'));
    // 2 s at 24 fps: frames 0..47, each showing its own number; a 440 Hz tone throughout.
    source = await makeClip(tools, path.join(tmp, 'source.mp4'), { size: '64x48', seconds: 2, tone: 440 });
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('cuts to the frame, with the sound cut at the same instants', async () => {
    const out = path.join(tmp, 'cut.mp4');
    const seen: number[] = [];
    const result = await recutClip(tools, { input: { file: source }, output: out, start: 0.5, end: 1.5, onProgress: (f) => seen.push(f) });
    expect(result).toEqual({ seconds: 1, hasAudio: true });
    const facts = await probeClip(tools, { file: out });
    expect(facts).toMatchObject({ width: 64, height: 48, fps: 24, hasAudio: true });
    expect(facts.seconds).toBeCloseTo(1, 2);
    expect(await frameNumberShown(out, 0)).toBe(12);
    expect(await frameNumberShown(out, 23)).toBe(35);
    expect(await loudness(tools, out, 0.1, 0.8)).toBeGreaterThan(0.03);
    expect(Math.max(...seen)).toBeGreaterThan(0.9);
    expect(Math.max(...seen)).toBeLessThanOrEqual(1);
  });

  it('extends by holding the last frame, in silence after the sound', async () => {
    const out = path.join(tmp, 'hold.mp4');
    const result = await recutClip(tools, { input: { file: source }, output: out, start: 0, end: 1, extendTo: 2, extendMode: 'hold' });
    expect(result.seconds).toBe(2);
    expect((await probeClip(tools, { file: out })).seconds).toBeCloseTo(2, 2);
    expect(await frameNumberShown(out, 23)).toBe(23);
    expect(await frameNumberShown(out, 47)).toBe(23);
    expect(await loudness(tools, out, 0.1, 0.8)).toBeGreaterThan(0.03);
    expect(await loudness(tools, out, 1.2, 0.7)).toBeLessThan(0.003);
  });

  it('extends by looping the cut, sound and all', async () => {
    const out = path.join(tmp, 'loop.mp4');
    const result = await recutClip(tools, { input: { file: source }, output: out, start: 0.5, end: 1, extendTo: 1.5, extendMode: 'loop' });
    expect(result.seconds).toBe(1.5);
    expect((await probeClip(tools, { file: out })).seconds).toBeCloseTo(1.5, 2);
    // The cut is frames 12..23; the loop starts it again at output frame 12 and again at 24.
    expect(await frameNumberShown(out, 11)).toBe(23);
    expect(await frameNumberShown(out, 12)).toBe(12);
    expect(await frameNumberShown(out, 24)).toBe(12);
    expect(await loudness(tools, out, 1.05, 0.4)).toBeGreaterThan(0.03);
  });

  it('stops at once on abort', async () => {
    const controller = new AbortController();
    const pending = recutClip(tools, { input: { file: source }, output: path.join(tmp, 'aborted.mp4'), start: 0, end: 2, extendTo: 6, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses a cut outside the clip', async () => {
    await expect(recutClip(tools, { input: { file: source }, output: path.join(tmp, 'never.mp4'), start: 2.5, end: 3 })).rejects.toThrow(RangeError);
  });
});
