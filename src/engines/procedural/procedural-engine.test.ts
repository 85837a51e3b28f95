import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createProceduralEngine } from './procedural-engine.js';

const dirs: string[] = [];
const workDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kinora-procedural-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('procedural engine', () => {
  const engine = createProceduralEngine();

  it('declares kinora-1', () => {
    expect(engine.name).toBe('procedural');
    expect(engine.models[0]).toMatchObject({ id: 'kinora-1', engine: 'procedural', maxSeconds: 20, features: { imageInput: true, remix: true, audio: true } });
    expect(engine.models[0]?.sizes).toContain('1080x1920');
  });

  it('generates a short MP4 with progress reaching 1', async () => {
    const dir = workDir();
    const progress: number[] = [];
    const result = await engine.generate(
      { model: 'kinora-1', prompt: 'two puppies chasing a ball in a park', width: 854, height: 480, seconds: 1, seed: 1 },
      { signal: new AbortController().signal, onProgress: (f) => progress.push(f), workDir: dir },
    );
    expect(result).toMatchObject({ width: 854, height: 480, fps: 24, seconds: 1, hasAudio: true });
    expect(result.plan?.subjects[0]?.noun).toBe('dog');
    expect(existsSync(result.file)).toBe(true);
    expect(statSync(result.file).size).toBeGreaterThan(5_000);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toHaveLength(24);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  }, 30_000);

  it('stops quickly when aborted mid-generate', async () => {
    const dir = workDir();
    const controller = new AbortController();
    let abortedAt = 0;
    const run = engine.generate(
      { model: 'kinora-1', prompt: 'a dragon flying over mountains at sunset', width: 854, height: 480, seconds: 10, seed: 2 },
      {
        signal: controller.signal,
        onProgress: (f) => {
          if (f > 0.1 && !abortedAt) {
            abortedAt = performance.now();
            controller.abort(new Error('cancelled by test'));
          }
        },
        workDir: dir,
      },
    );
    await expect(run).rejects.toThrow('cancelled by test');
    expect(abortedAt).toBeGreaterThan(0);
    expect(performance.now() - abortedAt).toBeLessThan(1_000);
  }, 30_000);

  it('rejects a size or length it does not serve', async () => {
    const context = { signal: new AbortController().signal, onProgress: () => undefined, workDir: workDir() };
    await expect(engine.generate({ model: 'kinora-1', prompt: 'a cat', width: 640, height: 480, seconds: 1, seed: 1 }, context)).rejects.toThrow(/size/);
    await expect(engine.generate({ model: 'kinora-1', prompt: 'a cat', width: 854, height: 480, seconds: 30, seed: 1 }, context)).rejects.toThrow(/seconds/);
  });
});
