import { Canvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { frameDiff, meanLuminance } from '../../../test/helpers/frames.js';
import { compose } from './compose.js';
import { weatherSpec } from './compose/atmosphere.js';
import { planPrompt } from './parse.js';
import { Rng } from './prng.js';
import { FrameRenderer } from './render.js';
import { drawWeather } from './render/weather.js';
import type { WeatherSpec } from './timeline.js';

const W = 480;
const H = 270;
const view = { w: W / H, h: 1 };

/** The weather alone, drawn over black at time t. */
function weatherOnly(spec: WeatherSpec, t: number): Uint8Array {
  const canvas = new Canvas(W, H);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#000000';
  ctx.fillRect(0, 0, W, H);
  drawWeather(ctx, spec, W, H, H, t, 0, 0);
  return Uint8Array.from(ctx.getImageData(0, 0, W, H).data);
}

const spec = (kind: string, seed = 1): WeatherSpec => weatherSpec(kind, view, 4, new Rng(seed), 'meadow');
const lit = (p: Uint8Array, x: number, y: number): boolean => x >= 0 && x < W && y >= 0 && y < H && (p[(y * W + x) * 4] as number) > 40;

/** How often a lit pixel has a lit pixel `dy` rows below and `dx` columns across: high along the streaks. */
function alongStreaks(p: Uint8Array, dx: number, dy: number): number {
  let pairs = 0;
  let lits = 0;
  for (let y = 0; y < H - dy; y++) {
    for (let x = 0; x < W; x++) {
      if (!lit(p, x, y)) continue;
      lits++;
      if (lit(p, x + dx, y + dy)) pairs++;
    }
  }
  return pairs / Math.max(1, lits);
}

/** Sizes (pixel counts) of the separate bright specks. */
function specks(p: Uint8Array): number[] {
  const seen = new Uint8Array(W * H);
  const sizes: number[] = [];
  for (let start = 0; start < W * H; start++) {
    if (seen[start] || !lit(p, start % W, Math.floor(start / W))) continue;
    let size = 0;
    const stack = [start];
    seen[start] = 1;
    while (stack.length) {
      const i = stack.pop() as number;
      size++;
      const x = i % W;
      const y = Math.floor(i / W);
      for (const [nx, ny] of [[x + 1, y], [x - 1, y], [x, y + 1], [x, y - 1]] as const) {
        const j = ny * W + nx;
        if (lit(p, nx, ny) && !seen[j]) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    sizes.push(size);
  }
  return sizes;
}

describe('weather', () => {
  it('rains in streaks slanted by the wind, harder in a storm', () => {
    const rain = weatherOnly(spec('rain'), 1);
    const storm = weatherOnly(spec('storm'), 1);
    // Streaks fall down and to the left (the wind's way): lit pixels continue that way, not the mirror way.
    expect(alongStreaks(storm, -2, 5)).toBeGreaterThan(alongStreaks(storm, 2, 5) * 2);
    expect(spec('storm').rain?.slant).toBeGreaterThan(spec('rain').rain?.slant ?? 1);
    // Streaks, not dots: lit pixels run on downwards far more than sideways.
    expect(alongStreaks(rain, 0, 3)).toBeGreaterThan(alongStreaks(rain, 3, 0) * 3);
    expect(meanLuminance(storm)).toBeGreaterThan(meanLuminance(rain));
  });

  it('snows bright specks of different sizes that drift down over time', () => {
    const a = weatherOnly(spec('snow'), 1);
    const sizes = specks(a);
    expect(sizes.length).toBeGreaterThan(80);
    sizes.sort((p, q) => p - q);
    expect(sizes[Math.floor(sizes.length * 0.9)] as number).toBeGreaterThan((sizes[Math.floor(sizes.length * 0.1)] as number) * 2);
    expect(frameDiff(a, weatherOnly(spec('snow'), 1.5))).toBeGreaterThan(1);
  });

  it('rolls soft fog banks across the frame', () => {
    const a = weatherOnly(spec('fog'), 0);
    const b = weatherOnly(spec('fog'), 3);
    expect(meanLuminance(a)).toBeGreaterThan(30);
    // The banks move: the same fog, somewhere else.
    expect(frameDiff(a, b)).toBeGreaterThan(2);
    expect(Math.abs(meanLuminance(a) - meanLuminance(b))).toBeLessThan(8);
  });

  it('blows leaves across the frame in the wind', () => {
    const leaves = specks(weatherOnly(spec('wind'), 1)).filter((size) => size >= 3);
    expect(leaves.length).toBeGreaterThan(10);
  });

  it('is the same storm for the same seed, another for another seed', () => {
    expect(Buffer.from(weatherOnly(spec('storm', 7), 2)).equals(Buffer.from(weatherOnly(spec('storm', 7), 2)))).toBe(true);
    expect(frameDiff(weatherOnly(spec('storm', 7), 2), weatherOnly(spec('storm', 8), 2))).toBeGreaterThan(1);
  });

  it('lights a storm with a flash much brighter than the frames around it', async () => {
    const timeline = compose({ plan: planPrompt('a lighthouse on a hill in a thunderstorm', { seconds: 3 }), seed: 5, width: 320, height: 180, seconds: 3 });
    const strike = timeline.shots[0]?.atmosphere.lightning[0] as number;
    expect(strike).toBeGreaterThan(0);
    const renderer = new FrameRenderer(timeline);
    await renderer.prepare();
    const brightness = (frame: number): number => {
      renderer.render(frame);
      return meanLuminance(renderer.pixels());
    };
    const at = Math.round(strike * timeline.fps);
    const flash = brightness(at + 1);
    expect(flash).toBeGreaterThan(brightness(at - 6) + 40);
    expect(flash).toBeGreaterThan(brightness(at + 16) + 40);
  });
});
