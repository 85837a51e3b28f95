/**
 * The sky and what hangs in it: the gradient, sun, moon, stars and nebula, drifting clouds, and planets. The gradient
 * runs in screen space; everything else is in world units under a far layer's parallax transform.
 */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { withAlpha } from '../color.js';
import { hash2 } from '../prng.js';
import type { LayerItem, SkySpec } from '../timeline.js';
import { TAU } from './geometry.js';

type View = { w: number; h: number };

/** Screen rows the gradient runs over: it follows the horizon (screen y), so a tilt reveals more sky or more ground. */
export function skyGradientRows(height: number, horizonY: number): [top: number, bottom: number] {
  const bottom = Math.max(height * 0.2, horizonY);
  return [Math.min(0, bottom - height * 1.2), bottom];
}

/** Fill a rectangle with the sky gradient, top colour at y0 and bottom colour from y1 down (in the context's units). */
export function fillSkyGradient(ctx: SKRSContext2D, sky: SkySpec, y0: number, y1: number, rect: { x: number; y: number; w: number; h: number }): void {
  const g = ctx.createLinearGradient(0, y0, 0, y1);
  g.addColorStop(0, sky.top);
  g.addColorStop(0.55, sky.mid);
  g.addColorStop(1, sky.bottom);
  ctx.fillStyle = g;
  ctx.fillRect(rect.x, rect.y, rect.w, rect.h);
}

/**
 * Sun, moon, stars and nebula, drawn in world units under a far-layer transform (x0..x1 is the visible range).
 * `unit` converts pixels to world units for hairline-sized stars.
 */
export function drawSkyBodies(ctx: SKRSContext2D, sky: SkySpec, view: View, horizon: number, range: { x0: number; x1: number }, t: number, unit: number): void {
  drawNebula(ctx, sky, view);
  drawStars(ctx, sky, view, horizon, range, t, unit);
  drawSun(ctx, sky, view, horizon);
  drawMoon(ctx, sky, view, horizon);
}

/** The discs of the sun and the moon (world units): they hide the stars behind them. */
export function skyDiscs(sky: SkySpec, view: View, horizon: number): Array<{ x: number; y: number; r: number }> {
  const discs = [];
  if (sky.sun) discs.push({ x: sky.sun.x * view.w, y: horizon * sky.sun.y, r: sky.sun.r });
  if (sky.moon) discs.push({ x: sky.moon.x * view.w, y: horizon * sky.moon.y * 1.4, r: sky.moon.r });
  return discs;
}

export function drawNebula(ctx: SKRSContext2D, sky: SkySpec, view: View): void {
  if (!sky.nebula) return;
  ctx.save();
  ctx.globalCompositeOperation = 'screen';
  for (let k = 0; k < 4; k++) {
    const x = view.w * (0.15 + 0.7 * hash2(k, 1, sky.nebula.seed));
    const y = view.h * (0.15 + 0.5 * hash2(k, 2, sky.nebula.seed));
    const r = 0.3 + 0.4 * hash2(k, 3, sky.nebula.seed);
    const g = ctx.createRadialGradient(x, y, 0, x, y, r);
    g.addColorStop(0, withAlpha(k % 2 ? sky.nebula.color : sky.nebula.color2, 0.35));
    g.addColorStop(1, withAlpha(k % 2 ? sky.nebula.color : sky.nebula.color2, 0));
    ctx.fillStyle = g;
    ctx.fillRect(x - r, y - r, r * 2, r * 2);
  }
  ctx.restore();
}

/** Twinkling stars; those inside one of the `hidden` discs are left out. */
export function drawStars(ctx: SKRSContext2D, sky: SkySpec, view: View, horizon: number, range: { x0: number; x1: number }, t: number, unit: number, hidden: Array<{ x: number; y: number; r: number }> = []): void {
  if (!sky.stars) return;
  const buckets = [new Path2D(), new Path2D(), new Path2D()];
  const w = range.x1 - range.x0;
  const span = Math.max(view.w + 1, w);
  for (let k = 0; k < sky.stars.count; k++) {
    const x = range.x0 + hash2(k, 1, sky.stars.seed) * span;
    const y = -0.3 + hash2(k, 2, sky.stars.seed) * (horizon + 0.3);
    if (hidden.some((disc) => Math.hypot(x - disc.x, y - disc.y) < disc.r)) continue;
    const size = (0.6 + hash2(k, 3, sky.stars.seed) ** 3 * 1.8) / unit;
    const twinkle = Math.sin(t * (1 + hash2(k, 4, sky.stars.seed) * 3) + k);
    const bucket = buckets[twinkle > 0.5 ? 0 : twinkle > -0.4 ? 1 : 2] as Path2D;
    bucket.rect(x - size / 2, y - size / 2, size, size);
  }
  [1, 0.65, 0.3].forEach((alpha, i) => {
    ctx.fillStyle = withAlpha(sky.stars?.color ?? '#ffffff', alpha);
    ctx.fill(buckets[i] as Path2D);
  });
}

export function drawSun(ctx: SKRSContext2D, sky: SkySpec, view: View, horizon: number): void {
  if (!sky.sun) return;
  const s = sky.sun;
  const x = s.x * view.w;
  const y = horizon * s.y;
  ctx.save();
  ctx.globalCompositeOperation = 'screen';
  const glow = ctx.createRadialGradient(x, y, s.r * 0.5, x, y, s.r * 7);
  glow.addColorStop(0, withAlpha(s.glow, 0.55));
  glow.addColorStop(0.3, withAlpha(s.glow, 0.18));
  glow.addColorStop(1, withAlpha(s.glow, 0));
  ctx.fillStyle = glow;
  ctx.fillRect(x - s.r * 7, y - s.r * 7, s.r * 14, s.r * 14);
  ctx.restore();
  if (s.striped) {
    // The synthwave sun: a yellow-to-pink disc cut by widening horizontal gaps.
    ctx.save();
    const clip = new Path2D();
    for (let k = 0; k < 12; k++) {
      const y0 = y - s.r + (k / 12) * 2 * s.r;
      const gap = k > 5 ? (k - 5) * s.r * 0.025 : 0;
      clip.rect(x - s.r, y0 + gap, s.r * 2, (2 * s.r) / 12 - gap);
    }
    ctx.clip(clip);
    const g = ctx.createLinearGradient(0, y - s.r, 0, y + s.r);
    g.addColorStop(0, s.color);
    g.addColorStop(1, s.glow);
    ctx.fillStyle = g;
    ctx.beginPath();
    ctx.arc(x, y, s.r, 0, TAU);
    ctx.fill();
    ctx.restore();
  } else {
    ctx.fillStyle = s.color;
    ctx.beginPath();
    ctx.arc(x, y, s.r, 0, TAU);
    ctx.fill();
  }
}

export function drawMoon(ctx: SKRSContext2D, sky: SkySpec, view: View, horizon: number): void {
  if (!sky.moon) return;
  const m = sky.moon;
  const x = m.x * view.w;
  const y = horizon * m.y * 1.4;
  const glow = ctx.createRadialGradient(x, y, m.r * 0.8, x, y, m.r * 5);
  glow.addColorStop(0, 'rgba(220,230,255,0.28)');
  glow.addColorStop(1, 'rgba(220,230,255,0)');
  ctx.fillStyle = glow;
  ctx.fillRect(x - m.r * 5, y - m.r * 5, m.r * 10, m.r * 10);
  ctx.fillStyle = m.color;
  ctx.beginPath();
  ctx.arc(x, y, m.r, 0, TAU);
  ctx.fill();
  ctx.fillStyle = 'rgba(160,160,150,0.35)';
  for (const [dx, dy, r] of [[-0.3, -0.2, 0.22], [0.25, 0.15, 0.16], [-0.05, 0.4, 0.12]] as const) {
    ctx.beginPath();
    ctx.arc(x + dx * m.r, y + dy * m.r, r * m.r, 0, TAU);
    ctx.fill();
  }
}

/** A cloud in local units (1 = cloud size): its shaded underside and body, and the box around both. */
export interface CloudShape {
  main: Path2D;
  shade: Path2D;
  bounds: { x0: number; y0: number; x1: number; y1: number };
  x: number;
  y: number;
  size: number;
}

/** Cloud shapes, built once per shot. */
export function buildCloudShapes(sky: SkySpec): CloudShape[] {
  const c = sky.clouds;
  if (!c) return [];
  const shapes = [];
  for (let k = 0; k < c.count; k++) {
    const main = new Path2D();
    const shade = new Path2D();
    const bounds = { x0: -0.8, y0: -0.15, x1: 0.8, y1: 0 };
    const puffs = 5 + Math.floor(hash2(k, 9, c.seed) * 4);
    for (let p = 0; p < puffs; p++) {
      const px = (p / (puffs - 1) - 0.5) * 1.6 + (hash2(k, p, c.seed) - 0.5) * 0.2;
      const r = 0.22 + 0.28 * Math.sin((p / (puffs - 1)) * Math.PI) + hash2(p, k, c.seed) * 0.12;
      const py = -r * 0.55;
      main.moveTo(px + r, py);
      main.arc(px, py, r, 0, TAU);
      shade.moveTo(px + r, py + 0.09);
      shade.arc(px, py + 0.09, r, 0, TAU);
      bounds.x0 = Math.min(bounds.x0, px - r);
      bounds.x1 = Math.max(bounds.x1, px + r);
      bounds.y0 = Math.min(bounds.y0, py - r);
      bounds.y1 = Math.max(bounds.y1, py + 0.09 + r);
    }
    main.rect(-0.8, -0.15, 1.6, 0.15);
    shapes.push({ main, shade, bounds, x: hash2(k, 1, c.seed), y: c.y0 + (c.y1 - c.y0) * hash2(k, 2, c.seed), size: 0.08 + 0.12 * hash2(k, 3, c.seed) });
  }
  return shapes;
}

/** Paint one cloud in its local units: the shade, then the body over it, both at the clouds' alpha. */
export function paintCloud(ctx: SKRSContext2D, sky: SkySpec, shape: CloudShape): void {
  const c = sky.clouds;
  if (!c) return;
  ctx.save();
  ctx.globalAlpha = c.alpha;
  ctx.fillStyle = c.shade;
  ctx.fill(shape.shade);
  ctx.fillStyle = c.color;
  ctx.fill(shape.main);
  ctx.restore();
}

/** Where a cloud is at t (world units): each drifts at its own speed and wraps around the range. */
export function cloudPosition(sky: SkySpec, shape: CloudShape, horizon: number, range: { x0: number; x1: number }, t: number): { x: number; y: number } {
  const speed = sky.clouds?.speed ?? 0;
  const span = range.x1 - range.x0 + 1;
  const x = range.x0 - 0.5 + ((((shape.x * span + t * speed * (0.6 + shape.size * 3)) % span) + span) % span);
  return { x, y: shape.y * horizon };
}

/** A planet lit from the upper left, its ring passing behind and then in front of it. */
export function drawPlanet(ctx: SKRSContext2D, item: Extract<LayerItem, { kind: 'planet' }>, view: { w: number; h: number }): void {
  const x = item.x * view.w;
  const y = item.y * view.h;
  const ring = item.ring;
  if (ring) {
    ctx.strokeStyle = withAlpha(ring, 0.8);
    ctx.lineWidth = item.r * 0.12;
    ctx.beginPath();
    ctx.ellipse(x, y, item.r * 1.9, item.r * 0.45, -0.35, Math.PI, TAU);
    ctx.stroke();
  }
  const g = ctx.createRadialGradient(x - item.r * 0.4, y - item.r * 0.4, item.r * 0.1, x, y, item.r);
  g.addColorStop(0, item.color);
  g.addColorStop(0.7, item.color2);
  g.addColorStop(1, '#120a18');
  ctx.fillStyle = g;
  ctx.beginPath();
  ctx.arc(x, y, item.r, 0, TAU);
  ctx.fill();
  if (ring) {
    ctx.strokeStyle = withAlpha(ring, 0.9);
    ctx.lineWidth = item.r * 0.12;
    ctx.beginPath();
    ctx.ellipse(x, y, item.r * 1.9, item.r * 0.45, -0.35, 0, Math.PI);
    ctx.stroke();
  }
}
