import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Canvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { compose } from './compose.js';
import { planPrompt } from './parse.js';
import { FrameRenderer } from './render.js';

async function renderOne(prompt: string, width: number, height: number, seed: number, frame = 12): Promise<Uint8Array> {
  const renderer = new FrameRenderer(compose({ plan: planPrompt(prompt, { seconds: 1 }), seed, width, height, seconds: 1 }));
  await renderer.prepare();
  renderer.render(frame);
  return Uint8Array.from(renderer.pixels());
}

function stats(pixels: Uint8Array): { mean: [number, number, number]; hist: number[] } {
  const mean: [number, number, number] = [0, 0, 0];
  const hist = new Array<number>(64).fill(0);
  const n = pixels.length / 4;
  for (let i = 0; i < pixels.length; i += 4) {
    mean[0] += pixels[i] as number;
    mean[1] += pixels[i + 1] as number;
    mean[2] += pixels[i + 2] as number;
    hist[((pixels[i] as number) >> 6) * 16 + ((pixels[i + 1] as number) >> 6) * 4 + ((pixels[i + 2] as number) >> 6)]! += 1 / n;
  }
  return { mean: [mean[0] / n, mean[1] / n, mean[2] / n], hist };
}

describe('render', () => {
  it('gives visibly different frames for different prompts', async () => {
    const a = stats(await renderOne('a dog running on a sunny beach', 854, 480, 1));
    const b = stats(await renderOne('a ghost floating in a cave at night, noir', 854, 480, 1));
    const c = stats(await renderOne('a red car driving through a city at night in the rain', 854, 480, 1));
    const distance = (p: typeof a, q: typeof a) => p.hist.reduce((sum, v, i) => sum + Math.abs(v - (q.hist[i] as number)), 0);
    expect(distance(a, b)).toBeGreaterThan(0.5);
    expect(distance(a, c)).toBeGreaterThan(0.5);
    expect(distance(b, c)).toBeGreaterThan(0.3);
    expect(Math.abs(a.mean[0] + a.mean[1] + a.mean[2] - (b.mean[0] + b.mean[1] + b.mean[2]))).toBeGreaterThan(60);
  });

  it('is deterministic: same seed -> identical pixels; another seed differs', async () => {
    const hash = (p: Uint8Array) => createHash('sha256').update(p).digest('hex');
    const prompt = 'three birds flying over a lake at sunset';
    expect(hash(await renderOne(prompt, 854, 480, 5))).toBe(hash(await renderOne(prompt, 854, 480, 5)));
    expect(hash(await renderOne(prompt, 854, 480, 5))).not.toBe(hash(await renderOne(prompt, 854, 480, 6)));
  });

  it('renders vertical and square frames, opaque and full size', async () => {
    for (const [w, h] of [[480, 854], [720, 720]] as const) {
      const pixels = await renderOne('a lighthouse at night with a rocket, pixel art', w, h, 2);
      expect(pixels.length).toBe(w * h * 4);
      let opaque = true;
      for (let i = 3; i < pixels.length; i += 4 * 97) if (pixels[i] !== 255) opaque = false;
      expect(opaque).toBe(true);
    }
  });

  it('draws every setting and style without throwing', async () => {
    const settings = ['forest', 'ocean', 'city', 'desert', 'mountains', 'underwater', 'space', 'moon', 'snowfield', 'jungle', 'room', 'stage', 'sky', 'farm', 'canyon', 'volcano', 'cave', 'harbor', 'island', 'swamp', 'river'];
    const styles = ['cinematic', 'watercolor', 'neon', 'pixel-art', 'noir', 'pastel', 'vintage-film', 'comic', 'sketch', 'vivid'];
    for (const [i, setting] of settings.entries()) {
      const pixels = await renderOne(`a cat and a bird in a ${setting}, ${styles[i % styles.length]}`, 320, 180, i, 10);
      expect(pixels.length).toBe(320 * 180 * 4);
    }
  });

  it('uses an input image as the backdrop: frame 0 shows the image, subjects on top', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kinora-render-'));
    try {
      const image = new Canvas(400, 300);
      const ictx = image.getContext('2d');
      ictx.fillStyle = '#3366cc';
      ictx.fillRect(0, 0, 400, 300);
      const file = path.join(dir, 'input.png');
      writeFileSync(file, image.toBuffer('image/png'));
      const timeline = compose({ plan: planPrompt('a cat walking', { seconds: 1 }), seed: 1, width: 854, height: 480, seconds: 1, imageBackdrop: true });
      const renderer = new FrameRenderer(timeline);
      await renderer.prepare({ inputImage: file });
      renderer.render(0);
      const pixels = renderer.pixels();
      const at = (x: number, y: number) => Array.from(pixels.slice((y * 854 + x) * 4, (y * 854 + x) * 4 + 3));
      expect(at(10, 10)).toEqual([0x33, 0x66, 0xcc]);
      expect(at(843, 200)).toEqual([0x33, 0x66, 0xcc]);
      // The cat stands in the lower part of the frame, over the image.
      let covered = 0;
      for (let y = 300; y < 470; y += 4) for (let x = 0; x < 854; x += 4) if (at(x, y).join() !== '51,102,204') covered++;
      expect(covered).toBeGreaterThan(100);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
