/**
 * What a viewer would notice in the rendered frames: night is dark, a red car is red where the car is (and a yellow one
 * still yellow at dusk), a pan moves the scenery the right way, and a still scene holds still. Real rendering through
 * FrameRenderer, measured on pixels.
 */
import { describe, expect, it } from 'vitest';
import { frameDiff, meanLuminance } from '../../../test/helpers/frames.js';
import { compose, sampleFrame } from './compose.js';
import { planPrompt } from './parse.js';
import { FrameRenderer } from './render.js';
import { layerMatrix } from './scenery/parallax.js';
import type { Timeline } from './timeline.js';

interface Clip {
  timeline: Timeline;
  /** RGBA bytes of frame `i` (a copy: the next render does not change it). */
  frame(i: number): Uint8Array;
}

async function clip(prompt: string, width = 320, height = 180, seconds = 1, seed = 3): Promise<Clip> {
  const timeline = compose({ plan: planPrompt(prompt, { seconds }), seed, width, height, seconds });
  const renderer = new FrameRenderer(timeline);
  await renderer.prepare();
  return {
    timeline,
    frame(i) {
      renderer.render(i);
      return Uint8Array.from(renderer.pixels());
    },
  };
}

type PixelTest = (p: Uint8Array, i: number) => boolean;

const isRed: PixelTest = (p, i) => {
  const [r, g, b] = [p[i] as number, p[i + 1] as number, p[i + 2] as number];
  return r > 110 && r > 1.7 * g && r > 1.7 * b;
};

/** Yellow as a viewer names it: bright red and green together, little blue (olive, its dimmed form, is too dark). */
const isYellow: PixelTest = (p, i) => {
  const [r, g, b] = [p[i] as number, p[i + 1] as number, p[i + 2] as number];
  return r > 185 && g > 160 && b < 0.45 * g;
};

/** Share of pixels passing `test` in a screen rectangle (clamped to the frame), and how many pixels it had. */
function colourShare(p: Uint8Array, width: number, height: number, box: { x0: number; y0: number; x1: number; y1: number }, test: PixelTest): { share: number; pixels: number } {
  let hits = 0;
  let pixels = 0;
  for (let y = Math.max(0, Math.round(box.y0)); y < Math.min(height, Math.round(box.y1)); y++) {
    for (let x = Math.max(0, Math.round(box.x0)); x < Math.min(width, Math.round(box.x1)); x++) {
      pixels++;
      if (test(p, (y * width + x) * 4)) hits++;
    }
  }
  return { share: pixels ? hits / pixels : 0, pixels };
}

/**
 * How far (pixels, + is rightward) the picture in rows y0..y1 moved from frame `a` to frame `b`: the shift that best
 * lines up the two frames' column brightness profiles (normalised cross-correlation).
 */
function horizontalShift(a: Uint8Array, b: Uint8Array, width: number, y0: number, y1: number, maxShift: number): number {
  const profile = (p: Uint8Array): number[] => {
    const columns = new Array<number>(width).fill(0);
    for (let y = y0; y < y1; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        columns[x]! += 0.299 * (p[i] as number) + 0.587 * (p[i + 1] as number) + 0.114 * (p[i + 2] as number);
      }
    }
    return columns;
  };
  const pa = profile(a);
  const pb = profile(b);
  let best = 0;
  let bestScore = -Infinity;
  for (let s = -maxShift; s <= maxShift; s++) {
    // Compare a[x] with b[x + s] where both exist, centred so that brightness alone does not decide.
    const xs = [];
    for (let x = Math.max(0, -s); x < Math.min(width, width - s); x++) xs.push(x);
    const ma = xs.reduce((sum, x) => sum + (pa[x] as number), 0) / xs.length;
    const mb = xs.reduce((sum, x) => sum + (pb[x + s] as number), 0) / xs.length;
    let num = 0;
    let da = 0;
    let db = 0;
    for (const x of xs) {
      const u = (pa[x] as number) - ma;
      const v = (pb[x + s] as number) - mb;
      num += u * v;
      da += u * u;
      db += v * v;
    }
    const score = num / Math.sqrt(da * db || 1);
    if (score > bestScore) {
      bestScore = score;
      best = s;
    }
  }
  return best;
}

describe('rendered pixels', () => {
  it('makes night darker than noon in the same place', async () => {
    for (const place of ['a lighthouse by the sea', 'a city street', 'a pine forest']) {
      const brightness = async (time: string): Promise<number> => {
        const c = await clip(`${place} at ${time}`);
        return [0, 12, 23].reduce((sum, i) => sum + meanLuminance(c.frame(i)), 0) / 3;
      };
      const noon = await brightness('noon');
      const night = await brightness('night');
      expect(night, place).toBeLessThan(noon * 0.6);
    }
  });

  it('mirrors the sky in the sea: warm far out at sunset, blue at noon', async () => {
    // Mean red minus blue of the far sea, below the horizon (the ocean's horizon is at 45 % of the height).
    const warmth = async (time: string): Promise<number> => {
      const c = await clip(`the open ocean at ${time}, static camera`, 320, 180);
      const p = c.frame(12);
      let sum = 0;
      let n = 0;
      for (let y = 86; y < 120; y++) {
        for (let x = 0; x < 320; x++, n++) sum += (p[(y * 320 + x) * 4] as number) - (p[(y * 320 + x) * 4 + 2] as number);
      }
      return sum / n;
    };
    // Measured: 67 (35 when warm light alone tinted the blue, which read as grey-brown).
    expect(await warmth('sunset')).toBeGreaterThan(50);
    expect(await warmth('noon')).toBeLessThan(-20);
  });

  /** How much of the middle of the car's body, and of the whole frame, passes `test` (frame 12 of a still shot). */
  const carColour = async (prompt: string, test: PixelTest): Promise<{ inBox: number; inFrame: number; pixels: number }> => {
    const W = 640;
    const H = 360;
    const c = await clip(prompt, W, H);
    const shot = c.timeline.shots[0]!;
    const index = shot.actors.findIndex((actor) => actor.noun === 'car');
    expect(index).toBeGreaterThanOrEqual(0);
    const frame = 12;
    const state = sampleFrame(c.timeline, frame);
    const car = state.actors.find((actor) => actor.actor === index)!;
    // The middle of the car's body: its art stands on (x, y) and is h tall; the box keeps clear of its outline.
    const m = layerMatrix({ width: W, height: H, unit: Math.min(W, H), view: c.timeline.view }, shot.actors[index]!.depth, state.camera);
    const cx = m.a * car.x + m.c * (car.y - car.h * 0.45) + m.e;
    const cy = m.b * car.x + m.d * (car.y - car.h * 0.45) + m.f;
    const half = car.h * m.d * 0.2;
    const pixels = c.frame(frame);
    const box = colourShare(pixels, W, H, { x0: cx - half * 1.5, y0: cy - half, x1: cx + half * 1.5, y1: cy + half }, test);
    const all = colourShare(pixels, W, H, { x0: 0, y0: 0, x1: W, y1: H }, test);
    return { inBox: box.share, inFrame: all.share, pixels: box.pixels };
  };

  it('paints a red car red, where the timeline puts the car', async () => {
    const red = await carColour('a red car on a street at noon, static camera', isRed);
    expect(red.pixels).toBeGreaterThan(100);
    expect(red.inBox).toBeGreaterThan(0.3);
    expect(red.inBox).toBeGreaterThan(red.inFrame * 5);
    // The red comes from the word: the same car asked for in blue has none there.
    const blue = await carColour('a blue car on a street at noon, static camera', isRed);
    expect(blue.inBox).toBeLessThan(0.05);
  });

  it('keeps a named colour that colour in dim, tinted light: a yellow car at dusk is yellow, not olive', async () => {
    const yellow = await carColour('a yellow car on a street at dusk, static camera', isYellow);
    expect(yellow.pixels).toBeGreaterThan(100);
    expect(yellow.inBox).toBeGreaterThan(0.3);
    // The light still falls on it: the same car at noon is brighter yellow.
    const noon = await carColour('a yellow car on a street at noon, static camera', isYellow);
    expect(noon.inBox).toBeGreaterThan(0.3);
  });

  it('moves the scenery rightward when the camera pans left, and leftward when it pans right', async () => {
    const W = 640;
    const H = 360;
    const shift = async (direction: string): Promise<number> => {
      const c = await clip(`a pine forest at noon, the camera pans ${direction}`, W, H, 2);
      expect(c.timeline.shots[0]!.actors).toHaveLength(0);
      return horizontalShift(c.frame(0), c.frame(47), W, Math.round(H * 0.3), Math.round(H * 0.95), 80);
    };
    const left = await shift('left');
    const right = await shift('right');
    expect(left).toBeGreaterThan(5);
    expect(right).toBeLessThan(-5);
  });

  it('holds a still scene still: no flicker from frame to frame', async () => {
    for (const prompt of ['a green meadow at noon, static camera', 'a quiet lake at dawn, static camera, watercolor']) {
      const c = await clip(prompt);
      expect(c.timeline.shots[0]!.actors, prompt).toHaveLength(0);
      let previous = c.frame(0);
      for (let i = 1; i < 24; i++) {
        const next = c.frame(i);
        // No global brightness jump, and only small things (drifting clouds, glints, pollen) change at all.
        expect(Math.abs(meanLuminance(next) - meanLuminance(previous)), `${prompt}: frame ${i}`).toBeLessThan(0.5);
        expect(frameDiff(next, previous), `${prompt}: frame ${i}`).toBeLessThan(1);
        previous = next;
      }
    }
  });
});
