/** Landforms behind the ground: ridges of hills and mountains (with snow caps and mesas), and the volcano. */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { withAlpha } from '../color.js';
import { hash2 } from '../prng.js';
import type { LayerItem } from '../timeline.js';
import { fillBody, glowStroke, TAU, type Built, type LayerRange } from './geometry.js';

type Ridge = Extract<LayerItem, { kind: 'ridge' }>;

/** Height 0..1 of a ridge at x: four octaves of sines, from rounded hills to sharp peaks as `sharp` grows. */
function ridgeValue(x: number, item: Ridge): number {
  let v = 0;
  let norm = 0;
  for (let o = 0; o < 4; o++) {
    const a = 0.5 ** o;
    const f = item.freq * 2 ** o * TAU;
    const s = Math.sin(x * f + hash2(o, 1, item.seed) * TAU);
    const smooth = 0.5 + 0.5 * s;
    const ridged = 1 - Math.abs(s);
    const k = Math.min(1, item.sharp);
    v += a * (smooth * (1 - k) + ridged * k);
    norm += a;
  }
  v /= norm;
  // Very sharp settings read as mesas: flat tops at a common height.
  if (item.sharp > 1.2) v = Math.min(v, 0.72) / 0.72;
  return v;
}

/** The ridge's body, its crest line (for neon edges) and its snow caps. */
export function buildRidge(item: Ridge, r: LayerRange): Built {
  const body = new Path2D();
  const cap = item.cap ? new Path2D() : null;
  const edge = new Path2D();
  const step = 0.008;
  const x0 = r.x0 - 0.05;
  const x1 = r.x1 + 0.05;
  body.moveTo(x0, r.y1 + 1);
  let first = true;
  const capLine = item.base - item.amp * 0.64;
  for (let x = x0; x <= x1 + step; x += step) {
    const y = item.base - item.amp * (0.3 + 0.7 * ridgeValue(x, item));
    body.lineTo(x, y);
    if (first) edge.moveTo(x, y);
    else edge.lineTo(x, y);
    first = false;
  }
  body.lineTo(x1 + step, r.y1 + 1);
  body.closePath();
  if (cap) {
    // Snow caps: the part of the ridge above the cap line, with a ragged lower edge.
    let inCap = false;
    for (let x = x0; x <= x1 + step; x += step) {
      const y = item.base - item.amp * (0.3 + 0.7 * ridgeValue(x, item));
      const limit = capLine + Math.sin(x * 90 + item.seed) * item.amp * 0.04;
      if (y < limit) {
        if (!inCap) {
          cap.moveTo(x, limit);
          inCap = true;
        }
        cap.lineTo(x, y);
      } else if (inCap) {
        cap.lineTo(x, limit);
        cap.closePath();
        inCap = false;
      }
    }
    if (inCap) cap.closePath();
  }
  return cap ? { paths: [body, cap], edge } : { paths: [body], edge };
}

/** A ridge, shaded from its colour at the crest to its second colour at the foot. */
export function drawRidge(ctx: SKRSContext2D, item: Ridge, built: Built): void {
  const g = ctx.createLinearGradient(0, item.base - item.amp, 0, item.base + 0.02);
  g.addColorStop(0, item.color);
  g.addColorStop(1, item.color2);
  fillBody(ctx, built, g, item.cap);
  if (item.stroke && built.edge) glowStroke(ctx, built.edge, item.stroke, 0.004);
}

/** The volcano's cone, lava glowing in the crater and down the flank, and smoke rising (rebuilt per frame). */
export function drawVolcano(ctx: SKRSContext2D, item: Extract<LayerItem, { kind: 'volcano' }>, t: number, view: { w: number; h: number }): void {
  const x = item.x * view.w;
  const top = item.base - item.height;
  const w = item.height * 1.6;
  ctx.beginPath();
  ctx.moveTo(x - w, item.base + 0.02);
  ctx.quadraticCurveTo(x - w * 0.3, item.base - item.height * 0.5, x - w * 0.12, top);
  ctx.lineTo(x + w * 0.12, top);
  ctx.quadraticCurveTo(x + w * 0.3, item.base - item.height * 0.5, x + w, item.base + 0.02);
  ctx.closePath();
  ctx.fillStyle = item.color;
  ctx.fill();
  // Lava glow in the crater and streaks down the flank.
  ctx.save();
  ctx.globalCompositeOperation = 'lighter';
  const glow = ctx.createRadialGradient(x, top, 0, x, top, item.height * 0.5);
  glow.addColorStop(0, withAlpha(item.lava, 0.9));
  glow.addColorStop(1, withAlpha(item.lava, 0));
  ctx.fillStyle = glow;
  ctx.fillRect(x - item.height * 0.5, top - item.height * 0.5, item.height, item.height);
  ctx.strokeStyle = withAlpha(item.lava, 0.75);
  ctx.lineWidth = 0.008;
  for (let k = 0; k < 3; k++) {
    ctx.beginPath();
    ctx.moveTo(x + (k - 1) * w * 0.06, top);
    ctx.quadraticCurveTo(x + (k - 1) * w * 0.2, top + item.height * 0.4, x + (k - 1) * w * 0.3 + Math.sin(k) * 0.02, top + item.height * (0.55 + k * 0.1));
    ctx.stroke();
  }
  ctx.restore();
  // Smoke: puffs rising and spreading from the crater.
  ctx.fillStyle = withAlpha(item.smoke, 0.55);
  const smoke = new Path2D();
  for (let k = 0; k < 14; k++) {
    const life = ((t * 0.12 + k / 14) % 1 + 1) % 1;
    const sy = top - life * item.height * 1.1;
    const sx = x + Math.sin(k * 2.3 + life * 3) * life * 0.15 + life * 0.1;
    const rad = 0.02 + life * 0.09;
    smoke.moveTo(sx + rad, sy);
    smoke.arc(sx, sy, rad, 0, TAU);
  }
  ctx.fill(smoke);
}
