import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centrePixel, loudness, makeClip } from '../../test/helpers/clips.js';
import { blendClips } from './blend.js';
import { resolveMediaTools, type MediaTools } from './ffmpeg-binaries.js';
import { probeClip } from './ffmpeg-edit.js';

describe('blendClips', () => {
  let tools: MediaTools;
  let tmp: string;
  let red: string;
  let blue: string;

  beforeAll(async () => {
    tools = await resolveMediaTools();
    tmp = await mkdtemp(path.join(os.tmpdir(), 'kinora-blend-'));
    red = await makeClip(tools, path.join(tmp, 'red.mp4'), { size: '64x48', seconds: 2, colour: 'red', tone: 440 });
    // Another size and no sound: it is fitted into A's frame, and its part of the sound is silence.
    blue = await makeClip(tools, path.join(tmp, 'blue.mp4'), { size: '48x48', seconds: 2, colour: 'blue' });
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('dissolves the end of A into the start of B, picture and sound', async () => {
    const out = path.join(tmp, 'blend.mp4');
    const result = await blendClips(tools, { a: { file: red }, b: { file: blue }, output: out, transitionSeconds: 1 });
    expect(result).toEqual({ seconds: 3, hasAudio: true });
    const facts = await probeClip(tools, { file: out });
    expect(facts).toMatchObject({ width: 64, height: 48, fps: 24, hasAudio: true });
    expect(facts.seconds).toBeCloseTo(3, 2);

    const [r0, , b0] = await centrePixel(tools, out, 5);
    expect(r0).toBeGreaterThan(200);
    expect(b0).toBeLessThan(40);
    // Halfway through the dissolve (frames 24..47): as much red as blue.
    const [rMid, , bMid] = await centrePixel(tools, out, 36);
    expect(rMid).toBeGreaterThan(90);
    expect(rMid).toBeLessThan(170);
    expect(bMid).toBeGreaterThan(90);
    expect(bMid).toBeLessThan(170);
    const [rEnd, , bEnd] = await centrePixel(tools, out, 66);
    expect(rEnd).toBeLessThan(40);
    expect(bEnd).toBeGreaterThan(200);

    const before = await loudness(tools, out, 0.1, 0.8);
    const during = await loudness(tools, out, 1.4, 0.2);
    const after = await loudness(tools, out, 2.2, 0.6);
    expect(before).toBeGreaterThan(0.03);
    expect(during).toBeLessThan(before * 0.8);
    expect(during).toBeGreaterThan(before * 0.2);
    expect(after).toBeLessThan(0.003);
  });

  it('refuses a transition longer than a clip', async () => {
    await expect(blendClips(tools, { a: { file: red }, b: { file: blue }, output: path.join(tmp, 'never.mp4'), transitionSeconds: 2 })).rejects.toThrow(RangeError);
  });
});
