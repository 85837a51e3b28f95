import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProceduralEngine } from '../engines/procedural/procedural-engine.js';
import { resolveMediaTools, type MediaTools } from '../media/ffmpeg-binaries.js';
import { runProcess } from '../media/run-process.js';
import { matchFingerprint, videoFingerprint } from './fingerprint.js';

let media: MediaTools;
let dir: string;
beforeAll(async () => {
  media = await resolveMediaTools();
  dir = await mkdtemp(path.join(os.tmpdir(), 'kinora-fingerprint-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const engine = createProceduralEngine();
async function render(seed: number, prompt = 'a red kite flying over a meadow, the camera pans right'): Promise<string> {
  const workDir = await mkdtemp(path.join(dir, 'render-'));
  const request = { model: 'kinora-1', prompt, width: 854, height: 480, seconds: 3, seed };
  return (await engine.generate(request, { signal: new AbortController().signal, onProgress: () => {}, workDir })).file;
}

/** ffmpeg writing `output` (its last argument). */
async function ffmpeg(...args: string[]): Promise<string> {
  await runProcess(media.ffmpeg, ['-v', 'error', '-y', ...args], { timeoutMs: 60_000 });
  return args.at(-1)!;
}

describe('perceptual fingerprints', () => {
  it('match a re-encoded and a trimmed copy of a video, and not another seed or another prompt', async () => {
    const original = await render(7);
    const known = await videoFingerprint(media, original);
    expect(known).toMatch(/^[0-9a-f]+$/);
    expect(known.length).toBe(6 * 36);

    const reencoded = await ffmpeg('-i', original, '-vf', 'scale=640:360', '-c:v', 'libx264', '-crf', '32', path.join(dir, 're.mp4'));
    const trimmed = await ffmpeg('-ss', '1.3', '-i', original, '-t', '1.5', '-c:v', 'libx264', path.join(dir, 'trim.mp4'));
    for (const copy of [reencoded, trimmed]) expect(matchFingerprint(await videoFingerprint(media, copy), known)).toBeLessThan(0.15);

    for (const other of [await render(8), await render(7, 'a lighthouse on an island at night')]) {
      expect(matchFingerprint(await videoFingerprint(media, other), known)).toBeUndefined();
    }
  }, 120_000);

  it('needs at least a second of overlap to say anything', () => {
    const frame = 'f'.repeat(36);
    expect(matchFingerprint(frame, frame + frame)).toBeUndefined();
    expect(matchFingerprint(frame + frame, frame + frame + frame)).toBe(0);
  });
});
