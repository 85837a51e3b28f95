/**
 * Water, rebuilt every frame because it moves: lakes and seas with drifting glints (and a rolling, foaming top edge
 * on big water), and the shore where waves run up the sand and draw back.
 */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { withAlpha } from '../color.js';
import { hash2 } from '../prng.js';
import type { LayerItem } from '../timeline.js';
import { TAU, type LayerRange } from './geometry.js';

type Water = Extract<LayerItem, { kind: 'water' }>;

/** A body of water from y0 to y1: its gradient, a rolling foaming edge where it is big, and glints. */
export function drawWater(ctx: SKRSContext2D, item: Water, r: LayerRange, t: number): void {
  const g = ctx.createLinearGradient(0, item.y0, 0, item.y1);
  g.addColorStop(0, item.color);
  g.addColorStop(1, item.color2);
  ctx.fillStyle = g;
  const x0 = r.x0 - 0.05;
  const x1 = r.x1 + 0.05;
  if (item.amp > 0.012) {
    // Big water: a rolling top edge, built per frame.
    const p = new Path2D();
    p.moveTo(x0, item.y1 + 1);
    for (let x = x0; x <= x1 + 0.02; x += 0.02) p.lineTo(x, waveY(item, x, t));
    p.lineTo(x1 + 0.02, item.y1 + 1);
    p.closePath();
    ctx.fill(p);
    if (item.foam) {
      const crest = new Path2D();
      for (let x = x0; x <= x1; x += 0.02) {
        const y = waveY(item, x, t);
        const slope = waveY(item, x + 0.01, t) - y;
        if (slope < -item.amp * 0.08) {
          crest.moveTo(x, y);
          crest.lineTo(x + 0.02, waveY(item, x + 0.02, t));
        }
      }
      ctx.strokeStyle = withAlpha(item.foam, 0.85);
      ctx.lineWidth = 0.006;
      ctx.lineCap = 'round';
      ctx.stroke(crest);
    }
  } else {
    ctx.fillRect(x0, item.y0, x1 - x0, item.y1 - item.y0);
  }
  // Glints: short dashes drifting along rows that get longer toward the viewer.
  const glints = new Path2D();
  for (let row = 0; row < item.lines; row++) {
    const f = (row + 0.5) / item.lines;
    const y = item.y0 + (item.y1 - item.y0) * f ** 1.5 + (item.amp > 0.012 ? item.amp * 0.6 : 0);
    const len = 0.015 + 0.05 * f;
    const gap = len * 3.2;
    const shift = ((t * item.speed * (0.02 + 0.04 * f) + hash2(row, 0, item.seed)) % 1) * gap * 4;
    for (let x = Math.floor(x0 / gap) * gap - gap; x < x1; x += gap) {
      const h = hash2(Math.round(x / gap), row, item.seed);
      if (h < 0.45) continue;
      const wob = Math.sin(t * 1.5 + h * 20) * 0.3 + 0.7;
      const gx = x + shift + h * gap;
      glints.rect(gx, y, len * wob, 0.0018 + 0.0025 * f);
    }
  }
  ctx.fillStyle = withAlpha(item.highlight, 0.55);
  ctx.fill(glints);
}

/** The top edge of big water at x: two swells travelling against each other. */
function waveY(item: Water, x: number, t: number): number {
  const w = item.speed;
  return item.y0 + item.amp * (0.6 * Math.sin(x * 9 - t * 1.6 * w + item.seed) + 0.4 * Math.sin(x * 17 + t * 1.1 * w + item.seed * 0.3));
}

export function drawShore(ctx: SKRSContext2D, item: Extract<LayerItem, { kind: 'shore' }>, r: LayerRange, t: number): void {
  // Waves run up the sand and draw back: a wet band and two foam lines that breathe with a 4 s swell.
  const x0 = r.x0 - 0.05;
  const x1 = r.x1 + 0.05;
  const swell = (x: number, k: number): number => item.y + 0.012 * Math.sin((t / 4) * TAU + k) + 0.004 * Math.sin(x * 14 + t * 0.8 + k);
  const wet = new Path2D();
  wet.moveTo(x0, item.y - 0.01);
  for (let x = x0; x <= x1; x += 0.02) wet.lineTo(x, swell(x, 0) + 0.012);
  wet.lineTo(x1, item.y + 0.04);
  wet.lineTo(x0, item.y + 0.04);
  wet.closePath();
  ctx.fillStyle = withAlpha(item.color, 0.55);
  ctx.fill(wet);
  for (const [k, alpha, width] of [[0, 0.9, 0.006], [2.1, 0.55, 0.004]] as const) {
    const foam = new Path2D();
    let first = true;
    for (let x = x0; x <= x1; x += 0.02) {
      const y = swell(x, k) - (k ? 0.012 : 0);
      if (first) foam.moveTo(x, y);
      else foam.lineTo(x, y);
      first = false;
    }
    ctx.strokeStyle = withAlpha(item.foam, alpha);
    ctx.lineWidth = width;
    ctx.stroke(foam);
  }
}
