import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Canvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { meanLuminance } from '../../../../test/helpers/frames.js';
import { compose } from '../compose.js';
import { planPrompt } from '../parse.js';
import { loadImageBackdrop } from './backdrop.js';
import { guessHorizon } from './depth-bands.js';

const W = 854;
const H = 480;
const dir = mkdtempSync(path.join(tmpdir(), 'kinora-backdrop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A landscape: smooth sky above `horizon` (fraction of the height), speckled grass below, a black pole at x = 600. */
function landscape(horizon: number, width = 800, height = 600): Canvas {
  const canvas = new Canvas(width, height);
  const ctx = canvas.getContext('2d');
  const sky = ctx.createLinearGradient(0, 0, 0, height * horizon);
  sky.addColorStop(0, '#3a7bd5');
  sky.addColorStop(1, '#cfe8ff');
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, width, height * horizon);
  ctx.fillStyle = '#5a9a3a';
  ctx.fillRect(0, height * horizon, width, height);
  for (let i = 0; i < 900; i++) {
    ctx.fillStyle = i % 2 ? '#4c8a30' : '#7ab85a';
    ctx.fillRect((i * 97) % width, height * horizon + ((i * 53) % Math.round(height * (1 - horizon))), 10, 5);
  }
  ctx.fillStyle = '#000000';
  ctx.fillRect(590, 100, 20, height - 100);
  return canvas;
}

function rgba(canvas: Canvas): Uint8ClampedArray {
  return canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
}

/** The middle of the black pole along row `y` of a frame. */
function poleX(pixels: Uint8ClampedArray, y: number): number {
  let sum = 0;
  let count = 0;
  for (let x = 0; x < W; x++) {
    const i = (y * W + x) * 4;
    if ((pixels[i] as number) + (pixels[i + 1] as number) + (pixels[i + 2] as number) < 90) {
      sum += x;
      count++;
    }
  }
  expect(count, `pole on row ${y}`).toBeGreaterThan(5);
  return sum / count;
}

async function drawn(prompt: string, frames: number[], seed = 1): Promise<Uint8ClampedArray[]> {
  const file = path.join(dir, 'landscape.png');
  writeFileSync(file, landscape(0.5).toBuffer('image/png'));
  const timeline = compose({ plan: planPrompt(prompt, { seconds: 2 }), seed, width: W, height: H, seconds: 2, imageBackdrop: true });
  const backdrop = await loadImageBackdrop(file, timeline);
  const canvas = new Canvas(W, H);
  return frames.map((frame) => {
    backdrop.draw(canvas.getContext('2d'), frame, timeline.shots[0]!);
    return rgba(canvas).slice();
  });
}

describe('image backdrop', () => {
  it('guesses the horizon where smooth bright sky meets busy ground', () => {
    for (const horizon of [0.3, 0.5, 0.65]) {
      const picture = landscape(horizon, 64, 48);
      expect(guessHorizon(rgba(picture), 64, 48)).toBeCloseTo(horizon, 1);
    }
    // A picture with no horizon: the default split.
    const flat = new Canvas(64, 48);
    flat.getContext('2d').fillStyle = '#808080';
    flat.getContext('2d').fillRect(0, 0, 64, 48);
    expect(guessHorizon(rgba(flat), 64, 48)).toBe(0.45);
  });

  it('moves the near ground more than the far sky (parallax), not as one flat picture', async () => {
    // An odd seed drifts right, the same way the push-in carries a pole right of centre.
    const [first, last] = await drawn('a quiet meadow', [0, 47], 1);
    const skyRow = 60;
    const groundRow = 470;
    const farMove = poleX(last!, skyRow) - poleX(first!, skyRow);
    const nearMove = poleX(last!, groundRow) - poleX(first!, groundRow);
    expect(farMove).toBeGreaterThan(5);
    expect(nearMove).toBeGreaterThan(farMove * 2);
  });

  it('lights the picture for the time of day, and leaves plain daylight alone', async () => {
    // The picture as the frame shows it: scaled to fill the width, the top and bottom cut.
    const framed = new Canvas(W, H);
    const scale = W / 800;
    framed.getContext('2d').drawImage(landscape(0.5), 0, (H - 600 * scale) / 2, W, 600 * scale);
    const original = meanLuminance(rgba(framed));
    const [day] = await drawn('a quiet meadow', [0]);
    const [night] = await drawn('a quiet meadow at night', [0]);
    expect(Math.abs(meanLuminance(day!) - original) / original).toBeLessThan(0.01);
    expect(meanLuminance(night!)).toBeLessThan(original * 0.6);
  });
});
