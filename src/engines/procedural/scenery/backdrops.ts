/**
 * The enclosed settings, which have a backdrop instead of a sky: the deep blue of the sea, a cave wall, a room with a
 * window and a picture, a stage curtain; and the light beams that fall into them (sun rays underwater, spotlights).
 */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { withAlpha } from '../color.js';
import { hash2 } from '../prng.js';
import type { LayerItem } from '../timeline.js';
import { ell, TAU, type Built, type LayerRange } from './geometry.js';

type Backdrop = Extract<LayerItem, { kind: 'backdrop' }>;

/** The static part of a backdrop: the blotches of a cave wall. */
export function buildBackdrop(item: Backdrop, r: LayerRange): Built {
  const p = new Path2D();
  if (item.type === 'cave') {
    for (let k = 0; k < 40; k++) {
      const x = r.x0 + hash2(k, 1, 5) * (r.x1 - r.x0);
      const y = hash2(k, 2, 5) * 1.2;
      ell(p, x, y, 0.05 + hash2(k, 3, 5) * 0.12, 0.03 + hash2(k, 4, 5) * 0.06, hash2(k, 5, 5), 0, TAU);
    }
  }
  return { paths: [p] };
}

/** The backdrop across the whole range the layer shows. */
export function drawBackdrop(ctx: SKRSContext2D, item: Backdrop, r: LayerRange, view: { w: number; h: number }, built: Built): void {
  const w = r.x1 - r.x0;
  switch (item.type) {
    case 'underwater':
    case 'cave': {
      const g = ctx.createLinearGradient(0, r.y0, 0, view.h);
      g.addColorStop(0, item.color);
      g.addColorStop(1, item.color2);
      ctx.fillStyle = g;
      ctx.fillRect(r.x0, r.y0 - 1, w, r.y1 - r.y0 + 2);
      if (item.type === 'cave') {
        ctx.fillStyle = withAlpha(item.accent, 0.35);
        ctx.fill(built.paths[0] as Path2D);
      }
      break;
    }
    case 'wall': {
      const g = ctx.createLinearGradient(0, 0, 0, view.h);
      g.addColorStop(0, item.color);
      g.addColorStop(1, item.color2);
      ctx.fillStyle = g;
      ctx.fillRect(r.x0, r.y0 - 1, w, r.y1 - r.y0 + 2);
      // Wainscot, a window onto the sky outside, a framed picture.
      ctx.fillStyle = withAlpha('#000000', 0.08);
      ctx.fillRect(r.x0, view.h * 0.52, w, view.h * 0.02);
      const wx = view.w * 0.26;
      const ww = Math.min(0.42, view.w * 0.22);
      const wy = view.h * 0.12;
      const wh = view.h * 0.32;
      if (item.window) {
        const sky = ctx.createLinearGradient(0, wy, 0, wy + wh);
        sky.addColorStop(0, item.window.top);
        sky.addColorStop(1, item.window.bottom);
        ctx.fillStyle = sky;
        ctx.fillRect(wx - ww / 2, wy, ww, wh);
      }
      ctx.strokeStyle = '#f8f4ec';
      ctx.lineWidth = 0.012;
      ctx.strokeRect(wx - ww / 2, wy, ww, wh);
      ctx.beginPath();
      ctx.moveTo(wx, wy);
      ctx.lineTo(wx, wy + wh);
      ctx.moveTo(wx - ww / 2, wy + wh / 2);
      ctx.lineTo(wx + ww / 2, wy + wh / 2);
      ctx.lineWidth = 0.007;
      ctx.stroke();
      const px = view.w * 0.74;
      ctx.fillStyle = '#6a4a2a';
      ctx.fillRect(px - 0.09, view.h * 0.16, 0.18, 0.13);
      ctx.fillStyle = item.accent;
      ctx.fillRect(px - 0.075, view.h * 0.16 + 0.015, 0.15, 0.1);
      break;
    }
    case 'curtains': {
      ctx.fillStyle = item.color2;
      ctx.fillRect(r.x0, r.y0 - 1, w, r.y1 - r.y0 + 2);
      for (let x = Math.floor(r.x0 / 0.16) * 0.16; x < r.x1; x += 0.16) {
        const g = ctx.createLinearGradient(x, 0, x + 0.16, 0);
        g.addColorStop(0, item.color2);
        g.addColorStop(0.5, item.color);
        g.addColorStop(1, item.color2);
        ctx.fillStyle = g;
        ctx.fillRect(x, r.y0 - 1, 0.16, r.y1 - r.y0 + 2);
      }
      ctx.fillStyle = item.color;
      ctx.fillRect(r.x0, -1, w, 1 + view.h * 0.1);
      ctx.fillStyle = item.accent;
      ctx.fillRect(r.x0, view.h * 0.1, w, 0.012);
      break;
    }
  }
}

/** Sun rays slanting down through water, or spotlights from above the stage onto its floor. */
export function drawBeams(ctx: SKRSContext2D, item: Extract<LayerItem, { kind: 'beams' }>, r: LayerRange, t: number, view: { w: number; h: number }, horizon: number): void {
  ctx.save();
  ctx.globalCompositeOperation = 'screen';
  for (let k = 0; k < item.count; k++) {
    const h1 = hash2(k, 1, item.seed);
    const sway = Math.sin(t * 0.3 + k * 1.7) * 0.04;
    if (item.from === 'top') {
      const x = r.x0 + (k + 0.5) / item.count * (r.x1 - r.x0) + (h1 - 0.5) * 0.1;
      const w = 0.03 + h1 * 0.06;
      const g = ctx.createLinearGradient(0, -0.1, 0, view.h * 0.85);
      g.addColorStop(0, item.color);
      g.addColorStop(1, 'rgba(255,255,255,0)');
      ctx.fillStyle = g;
      ctx.beginPath();
      ctx.moveTo(x - w, -0.1);
      ctx.lineTo(x + w, -0.1);
      ctx.lineTo(x + w * 3 + 0.2 + sway, view.h * 0.85);
      ctx.lineTo(x - w + 0.2 + sway, view.h * 0.85);
      ctx.closePath();
      ctx.fill();
    } else {
      const x0 = view.w * (0.1 + 0.8 * ((k + 0.5) / item.count));
      const tx = view.w * 0.5 + (x0 - view.w * 0.5) * 0.35 + sway * 3;
      const floor = horizon + (view.h - horizon) * 0.45;
      const g = ctx.createLinearGradient(0, 0, 0, floor);
      g.addColorStop(0, 'rgba(255,248,220,0.05)');
      g.addColorStop(1, item.color);
      ctx.fillStyle = g;
      ctx.beginPath();
      ctx.moveTo(x0 - 0.01, 0);
      ctx.lineTo(x0 + 0.01, 0);
      ctx.lineTo(tx + 0.13, floor);
      ctx.lineTo(tx - 0.13, floor);
      ctx.closePath();
      ctx.fill();
      ctx.fillStyle = item.color;
      ctx.beginPath();
      ctx.ellipse(tx, floor, 0.13, 0.03, 0, 0, TAU);
      ctx.fill();
    }
  }
  ctx.restore();
}
