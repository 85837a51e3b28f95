/**
 * The ground plane: its gradient fill, and the textures laid over it (grass, sand, snow, planks, crops, road, path,
 * craters, the neon grid), drawn in perspective so that marks grow and spread toward the viewer.
 */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { hash2 } from '../prng.js';
import type { LayerItem } from '../timeline.js';
import { ell, fillBody, glowStroke, TAU, type Built, type LayerRange } from './geometry.js';

type Texture = Extract<LayerItem, { kind: 'texture' }>;

/** The ground's gradient from the horizon down, with a neon edge along its top in that style. */
export function drawGroundFill(ctx: SKRSContext2D, item: Extract<LayerItem, { kind: 'fill' }>, r: LayerRange, view: { w: number; h: number }): void {
  const g = ctx.createLinearGradient(0, item.y0, 0, view.h + 0.05);
  g.addColorStop(0, item.color);
  g.addColorStop(1, item.color2);
  ctx.fillStyle = g;
  ctx.fillRect(r.x0, item.y0, r.x1 - r.x0, r.y1 - item.y0 + 1);
  if (item.stroke) {
    const p = new Path2D();
    p.moveTo(r.x0, item.y0);
    p.lineTo(r.x1, item.y0);
    glowStroke(ctx, p, item.stroke, 0.004);
  }
}

/** A texture's marks as two paths (one per colour); craters add a third for their rims. */
export function buildTexture(item: Texture, r: LayerRange, horizon: number, view: { w: number; h: number }): Built {
  const a = new Path2D();
  const b = new Path2D();
  const c = new Path2D();
  const bottom = Math.max(view.h + 0.1, r.y1);
  const depthOf = (y: number): number => Math.max(0.05, (y - horizon) / Math.max(0.05, view.h - horizon));
  const vanishX = view.w / 2;
  switch (item.type) {
    case 'grass':
    case 'sand':
    case 'snow': {
      // Rows get sparser and marks larger toward the viewer, which sells the ground plane's perspective.
      let row = 0;
      for (let y = item.y0 + 0.006; y < bottom; row++) {
        const d = depthOf(y);
        const step = 0.035 * (0.5 + d);
        for (let x = r.x0 - 0.05; x < r.x1 + 0.05; x += step) {
          const h1 = hash2(Math.round(x * 500), row, item.seed);
          const h2 = hash2(Math.round(x * 500), row + 1000, item.seed);
          const px = x + h1 * step;
          const py = y + h2 * 0.01 * d;
          const target = h2 > 0.5 ? a : b;
          if (item.type === 'grass') {
            const len = 0.012 * (0.4 + d) * (0.7 + h1 * 0.6);
            const lean = (h2 - 0.5) * len * 0.8;
            target.moveTo(px - len * 0.12, py);
            target.lineTo(px + lean, py - len);
            target.lineTo(px + len * 0.12, py);
            target.closePath();
          } else if (item.type === 'sand') {
            ell(target, px, py, 0.004 * (0.4 + d), 0.0012 * (0.4 + d), 0, 0, TAU);
          } else {
            if (h1 > 0.6) ell(target, px, py, 0.01 * (0.4 + d), 0.0025 * (0.4 + d), 0, 0, TAU);
          }
        }
        y += 0.012 * (0.5 + d * 1.5);
      }
      return { paths: [a, b] };
    }
    case 'planks':
    case 'crops': {
      // Lines converging on a vanishing point above the horizon.
      const n = item.type === 'planks' ? 28 : 40;
      const spread = (r.x1 - r.x0) * 2.5;
      for (let k = 0; k <= n; k++) {
        const bx = vanishX - spread / 2 + (k / n) * spread;
        const tx = vanishX + (bx - vanishX) * 0.12;
        const w = item.type === 'planks' ? 0.0025 : 0.006;
        a.moveTo(tx - w * 0.2, item.y0);
        a.lineTo(tx + w * 0.2, item.y0);
        a.lineTo(bx + w * 2, bottom);
        a.lineTo(bx - w * 2, bottom);
        a.closePath();
      }
      if (item.type === 'planks') {
        for (let y = item.y0 + 0.02; y < bottom; y += 0.03 * (0.3 + depthOf(y) * 2)) b.rect(r.x0 - 1, y, r.x1 - r.x0 + 2, 0.0015);
      }
      return { paths: [a, b] };
    }
    case 'road': {
      // Asphalt band between sidewalks, with a dashed centre line.
      const top = item.y0 + (bottom - item.y0) * 0.18;
      const bot = item.y0 + (view.h - item.y0) * 0.92;
      a.rect(r.x0 - 1, top, r.x1 - r.x0 + 2, bot - top);
      const mid = (top + bot) / 2;
      for (let x = Math.floor(r.x0 / 0.2) * 0.2 - 0.2; x < r.x1 + 0.2; x += 0.2) b.rect(x, mid - 0.004, 0.1, 0.008);
      b.rect(r.x0 - 1, top, r.x1 - r.x0 + 2, 0.004);
      b.rect(r.x0 - 1, bot - 0.004, r.x1 - r.x0 + 2, 0.004);
      return { paths: [a, b] };
    }
    case 'path': {
      const y = item.y0 + (view.h - item.y0) * 0.55;
      a.moveTo(r.x0 - 1, y);
      for (let x = r.x0 - 1; x <= r.x1 + 1; x += 0.05) a.lineTo(x, y + Math.sin(x * 2.2 + item.seed) * 0.025);
      for (let x = r.x1 + 1; x >= r.x0 - 1; x -= 0.05) a.lineTo(x, y + 0.07 + Math.sin(x * 2.2 + item.seed) * 0.025);
      a.closePath();
      return { paths: [a] };
    }
    case 'craters': {
      for (let k = 0; k < 60; k++) {
        const x = r.x0 + hash2(k, 1, item.seed) * (r.x1 - r.x0);
        const y = item.y0 + 0.02 + hash2(k, 2, item.seed) ** 1.5 * (view.h - item.y0);
        const d = depthOf(y);
        const rad = (0.01 + hash2(k, 3, item.seed) * 0.03) * (0.4 + d);
        ell(a, x, y, rad, rad * 0.32, 0, 0, TAU);
        ell(b, x, y + rad * 0.05, rad * 0.8, rad * 0.22, 0, 0, Math.PI);
        ell(c, x + rad * 0.1, y - rad * 0.02, rad * 0.75, rad * 0.2, 0, Math.PI, TAU);
      }
      return { paths: [a, b, c] };
    }
    case 'grid': {
      for (let k = 0; k < 18; k++) {
        const y = item.y0 + (bottom - item.y0) * ((k / 18) ** 2.2);
        a.moveTo(r.x0 - 1, y);
        a.lineTo(r.x1 + 1, y);
      }
      const spread = (r.x1 - r.x0) * 3;
      for (let k = 0; k <= 40; k++) {
        const bx = vanishX - spread / 2 + (k / 40) * spread;
        b.moveTo(vanishX + (bx - vanishX) * 0.08, item.y0);
        b.lineTo(bx, bottom);
      }
      return { paths: [a, b] };
    }
  }
}

/** A texture in its two colours; the grid as two neon line sets; craters with a lit rim. */
export function drawTexture(ctx: SKRSContext2D, item: Texture, built: Built): void {
  if (item.type === 'grid') {
    glowStroke(ctx, built.paths[0] as Path2D, item.color, 0.003);
    glowStroke(ctx, built.paths[1] as Path2D, item.color2, 0.003);
    return;
  }
  fillBody(ctx, built, item.color, item.color2);
  if (built.paths[2]) {
    // Crater rims, in the second colour.
    ctx.globalAlpha = 0.6;
    ctx.fill(built.paths[2]);
    ctx.globalAlpha = 1;
  }
}
