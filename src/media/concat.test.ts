import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centrePixel, loudness, makeClip } from '../../test/helpers/clips.js';
import { concatClips } from './concat.js';
import { resolveMediaTools, type MediaTools } from './ffmpeg-binaries.js';
import { probeClip } from './ffmpeg-edit.js';

describe('concatClips', () => {
  let tools: MediaTools;
  let tmp: string;

  beforeAll(async () => {
    tools = await resolveMediaTools();
    tmp = await mkdtemp(path.join(os.tmpdir(), 'kinora-concat-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('plays clips of different sizes, rates and sound one after the other', async () => {
    const first = await makeClip(tools, path.join(tmp, 'green.mp4'), { size: '64x48', seconds: 1, colour: 'lime' });
    const second = await makeClip(tools, path.join(tmp, 'blue.mp4'), { size: '96x48', seconds: 1.5, fps: 30, colour: 'blue', tone: 660 });
    const out = path.join(tmp, 'joined.mp4');
    const result = await concatClips(tools, { inputs: [{ file: first }, { file: second, format: 'mov' }], output: out, width: 64, height: 48, fps: 24 });
    expect(result).toEqual({ seconds: 2.5, hasAudio: true });
    const facts = await probeClip(tools, { file: out });
    expect(facts).toMatchObject({ width: 64, height: 48, fps: 24, hasAudio: true });
    expect(facts.seconds).toBeCloseTo(2.5, 2);
    const [, g0, b0] = await centrePixel(tools, out, 12);
    expect(g0).toBeGreaterThan(200);
    expect(b0).toBeLessThan(40);
    const [, g1, b1] = await centrePixel(tools, out, 30);
    expect(g1).toBeLessThan(40);
    expect(b1).toBeGreaterThan(200);
    // The silent first clip stays silent; the second one's tone starts with its picture.
    expect(await loudness(tools, out, 0.1, 0.8)).toBeLessThan(0.003);
    expect(await loudness(tools, out, 1.1, 1.2)).toBeGreaterThan(0.03);
  });

  it('writes no sound track when no clip has sound', async () => {
    const a = await makeClip(tools, path.join(tmp, 'a.mp4'), { size: '64x48', seconds: 1 });
    const out = path.join(tmp, 'silent.mp4');
    expect(await concatClips(tools, { inputs: [{ file: a }, { file: a }], output: out, width: 64, height: 48, fps: 24 })).toEqual({ seconds: 2, hasAudio: false });
    expect((await probeClip(tools, { file: out })).hasAudio).toBe(false);
  });
});
