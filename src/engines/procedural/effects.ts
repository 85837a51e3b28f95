/**
 * What is drawn around the scenery: the sky (gradient, sun, moon, stars, nebula, clouds), the weather in front of
 * everything (rain, snow, fog banks, lightning, wind-blown leaves), and the style grade applied to the finished frame.
 * Every grade step is one full-frame operation at most; textures (grain, paper, halftone) come from small tiles made
 * once and drawn as patterns, never from a per-frame filter.
 */
import { Canvas, Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { withAlpha } from './color.js';
import { hash2, mulberry32 } from './prng.js';
import type { GradeSpec, SkySpec, WeatherSpec } from './timeline.js';

const TAU = Math.PI * 2;

// ------------------------------------------------------------------------------------------------------------ sky

export interface SkyFrame {
  width: number;
  height: number;
  /** Screen y of the horizon. */
  horizonY: number;
  t: number;
}

/** Gradient in screen space; it follows the horizon so a tilt reveals more sky or more ground. */
export function drawSkyGradient(ctx: SKRSContext2D, sky: SkySpec, f: SkyFrame): void {
  const bottom = Math.max(f.height * 0.2, f.horizonY);
  const g = ctx.createLinearGradient(0, Math.min(0, bottom - f.height * 1.2), 0, bottom);
  g.addColorStop(0, sky.top);
  g.addColorStop(0.55, sky.mid);
  g.addColorStop(1, sky.bottom);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, f.width, f.height);
}

/**
 * Sun, moon, stars and nebula, drawn in world units under a far-layer transform (x0..x1 is the visible range).
 * `unit` converts pixels to world units for hairline-sized stars.
 */
export function drawSkyBodies(ctx: SKRSContext2D, sky: SkySpec, view: { w: number; h: number }, horizon: number, range: { x0: number; x1: number }, t: number, unit: number): void {
  if (sky.nebula) {
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
  if (sky.stars) {
    const buckets = [new Path2D(), new Path2D(), new Path2D()];
    const w = range.x1 - range.x0;
    const span = Math.max(view.w + 1, w);
    for (let k = 0; k < sky.stars.count; k++) {
      const x = range.x0 + hash2(k, 1, sky.stars.seed) * span;
      const y = -0.3 + hash2(k, 2, sky.stars.seed) * (horizon + 0.3);
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
  if (sky.sun) {
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
  if (sky.moon) {
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
}

/** Cloud shapes, built once per shot, in local units (1 = cloud size). */
export function buildCloudShapes(sky: SkySpec): Array<{ main: Path2D; shade: Path2D; x: number; y: number; size: number }> {
  const c = sky.clouds;
  if (!c) return [];
  const shapes = [];
  for (let k = 0; k < c.count; k++) {
    const main = new Path2D();
    const shade = new Path2D();
    const puffs = 5 + Math.floor(hash2(k, 9, c.seed) * 4);
    for (let p = 0; p < puffs; p++) {
      const px = (p / (puffs - 1) - 0.5) * 1.6 + (hash2(k, p, c.seed) - 0.5) * 0.2;
      const r = 0.22 + 0.28 * Math.sin((p / (puffs - 1)) * Math.PI) + hash2(p, k, c.seed) * 0.12;
      const py = -r * 0.55;
      main.moveTo(px + r, py);
      main.arc(px, py, r, 0, TAU);
      shade.moveTo(px + r, py + 0.09);
      shade.arc(px, py + 0.09, r, 0, TAU);
    }
    main.rect(-0.8, -0.15, 1.6, 0.15);
    shapes.push({ main, shade, x: hash2(k, 1, c.seed), y: c.y0 + (c.y1 - c.y0) * hash2(k, 2, c.seed), size: 0.08 + 0.12 * hash2(k, 3, c.seed) });
  }
  return shapes;
}

export function drawClouds(ctx: SKRSContext2D, sky: SkySpec, shapes: ReturnType<typeof buildCloudShapes>, horizon: number, range: { x0: number; x1: number }, t: number): void {
  const c = sky.clouds;
  if (!c) return;
  const span = range.x1 - range.x0 + 1;
  ctx.save();
  ctx.globalAlpha = c.alpha;
  for (const shape of shapes) {
    const x = range.x0 - 0.5 + ((((shape.x * span + t * c.speed * (0.6 + shape.size * 3)) % span) + span) % span);
    const y = shape.y * horizon;
    ctx.save();
    ctx.translate(x, y);
    ctx.scale(shape.size, shape.size * 0.8);
    ctx.fillStyle = c.shade;
    ctx.fill(shape.shade);
    ctx.fillStyle = c.color;
    ctx.fill(shape.main);
    ctx.restore();
  }
  ctx.restore();
}

// -------------------------------------------------------------------------------------------------------- weather

/** Weather particles in screen space (pixels), over the whole frame. */
export function drawWeather(ctx: SKRSContext2D, w: WeatherSpec, width: number, height: number, unit: number, t: number, flash: number, camShift: number): void {
  if (w.fog) {
    for (let b = 0; b < w.fog.bands; b++) {
      const y = height * (0.35 + 0.14 * b) + Math.sin(t * 0.2 + b) * height * 0.02;
      const bh = height * (0.22 + 0.05 * (b % 2));
      const g = ctx.createLinearGradient(0, y - bh / 2, 0, y + bh / 2);
      g.addColorStop(0, withAlpha(w.fog.color, 0));
      g.addColorStop(0.5, withAlpha(w.fog.color, w.fog.alpha * (0.6 + 0.4 * Math.sin(t * 0.3 + b * 2))));
      g.addColorStop(1, withAlpha(w.fog.color, 0));
      ctx.fillStyle = g;
      ctx.fillRect(0, y - bh / 2, width, bh);
    }
    ctx.fillStyle = withAlpha(w.fog.color, 0.18);
    ctx.fillRect(0, 0, width, height);
  }
  if (w.snow) {
    const near = new Path2D();
    const far = new Path2D();
    for (let k = 0; k < w.snow.count; k++) {
      const h1 = hash2(k, 1, w.seed);
      const h2 = hash2(k, 2, w.seed);
      const h3 = hash2(k, 3, w.seed);
      const depth = 0.5 + h3;
      const y = ((h2 * height + t * w.snow.speed * unit * depth * 1.5) % (height + 20)) - 10;
      const x = ((h1 * (width + 40) + Math.sin(t * 0.9 + k) * w.snow.drift * unit - camShift * unit * depth) % (width + 40) + width + 40) % (width + 40) - 20;
      const r = w.snow.size * unit * depth;
      const target = h3 > 0.5 ? near : far;
      target.moveTo(x + r, y);
      target.arc(x, y, r, 0, TAU);
    }
    ctx.fillStyle = withAlpha('#ffffff', 0.6);
    ctx.fill(far);
    ctx.fillStyle = withAlpha('#ffffff', 0.92);
    ctx.fill(near);
  }
  if (w.rain) {
    const p = new Path2D();
    const len = w.rain.length * unit;
    for (let k = 0; k < w.rain.count; k++) {
      const h1 = hash2(k, 1, w.seed);
      const h2 = hash2(k, 2, w.seed);
      const speed = w.rain.speed * unit * (0.8 + h2 * 0.4);
      const y = ((h2 * height + t * speed) % (height + len)) - len;
      const x = ((h1 * (width + 200) + w.rain.slant * (y + t * speed * 0.2)) % (width + 200)) - 100;
      p.moveTo(x, y);
      p.lineTo(x - w.rain.slant * len, y + len);
    }
    ctx.strokeStyle = w.rain.color;
    ctx.lineWidth = Math.max(1, unit / 900);
    ctx.stroke(p);
  }
  if (w.wind && w.wind.leaves > 0) {
    const leaves = new Path2D();
    for (let k = 0; k < w.wind.leaves; k++) {
      const h1 = hash2(k, 1, w.seed);
      const h2 = hash2(k, 2, w.seed);
      const x = ((h1 * width + t * unit * (0.35 + h2 * 0.3)) % (width + 60)) - 30;
      const y = height * (0.15 + 0.75 * h2) + Math.sin(t * 2 + k) * unit * 0.03;
      const r = unit * (0.006 + 0.004 * h1);
      const rot = t * 4 + k;
      leaves.moveTo(x + r * 1.6 * Math.cos(rot), y + r * 1.6 * Math.sin(rot));
      leaves.ellipse(x, y, r * 1.6, r * 0.7, rot, 0, TAU);
    }
    ctx.fillStyle = withAlpha(w.wind.color, 0.9);
    ctx.fill(leaves);
    // Faint streaks sell the gusts.
    const streaks = new Path2D();
    for (let k = 0; k < 10; k++) {
      const y = height * hash2(k, 7, w.seed);
      const x = ((hash2(k, 8, w.seed) * width + t * unit * 1.2) % (width + unit)) - unit * 0.5;
      streaks.moveTo(x, y);
      streaks.lineTo(x + unit * 0.18, y);
    }
    ctx.strokeStyle = 'rgba(255,255,255,0.16)';
    ctx.lineWidth = Math.max(1, unit / 700);
    ctx.stroke(streaks);
  }
  if (flash > 0) {
    if (flash > 0.7) {
      const strike = Math.floor(t * 3);
      const bolt = new Path2D();
      let x = width * (0.2 + 0.6 * hash2(strike, 5, w.seed));
      let y = 0;
      bolt.moveTo(x, y);
      const rand = mulberry32(strike * 7 + w.seed);
      while (y < height * 0.6) {
        y += height * (0.04 + rand() * 0.05);
        x += (rand() - 0.5) * unit * 0.08;
        bolt.lineTo(x, y);
      }
      ctx.strokeStyle = 'rgba(230,240,255,0.95)';
      ctx.lineWidth = Math.max(2, unit / 300);
      ctx.stroke(bolt);
    }
    ctx.fillStyle = `rgba(235,240,255,${(flash * 0.45).toFixed(3)})`;
    ctx.fillRect(0, 0, width, height);
  }
}

// ---------------------------------------------------------------------------------------------------------- grade

/** Style grading of a finished frame; owns the scratch canvases and texture tiles it needs. */
export class Grader {
  private readonly tiles = new Map<string, Canvas>();
  private scratch: Canvas | undefined;
  private vignette: Canvas | undefined;
  private vignetteKey = '';

  constructor(private readonly width: number, private readonly height: number, private readonly seed: number) {}

  private tile(kind: 'grain' | 'paper' | 'halftone'): Canvas {
    let tile = this.tiles.get(kind);
    if (tile) return tile;
    const size = 256;
    tile = new Canvas(size, size);
    const ctx = tile.getContext('2d');
    const image = ctx.createImageData(size, size);
    const rand = mulberry32(this.seed ^ (kind === 'grain' ? 1 : kind === 'paper' ? 2 : 3));
    const data = image.data;
    for (let i = 0; i < size * size; i++) {
      let v = 128;
      let a = 255;
      if (kind === 'grain') v = Math.round(128 + (rand() - 0.5) * 255);
      else if (kind === 'paper') {
        const x = i % size;
        const y = Math.floor(i / size);
        const fibre = Math.sin(x * 0.31 + Math.sin(y * 0.07) * 3) * 0.5 + Math.sin(y * 0.23 + x * 0.05) * 0.5;
        v = Math.round(236 + fibre * 8 + (rand() - 0.5) * 22);
      } else {
        const x = i % 8;
        const y = Math.floor(i / size) % 8;
        const d = Math.hypot(x - 3.5, y - 3.5);
        v = d < 2.4 ? 40 : 255;
        a = 255;
      }
      data[i * 4] = v;
      data[i * 4 + 1] = v;
      data[i * 4 + 2] = kind === 'paper' ? Math.max(0, v - 10) : v;
      data[i * 4 + 3] = a;
    }
    ctx.putImageData(image, 0, 0);
    this.tiles.set(kind, tile);
    return tile;
  }

  private pattern(ctx: SKRSContext2D, kind: 'grain' | 'paper' | 'halftone', alpha: number, op: SKRSContext2D['globalCompositeOperation'], offset: number): void {
    const pattern = ctx.createPattern(this.tile(kind), 'repeat');
    if (!pattern) return;
    ctx.save();
    ctx.globalAlpha = alpha;
    ctx.globalCompositeOperation = op;
    ctx.translate(-offset, -((offset * 7) % 256));
    if (kind === 'halftone') ctx.scale(Math.max(1, this.width / 1280), Math.max(1, this.width / 1280));
    ctx.fillStyle = pattern;
    ctx.fillRect(0, 0, this.width + 512, this.height + 512);
    ctx.restore();
  }

  private scratchCanvas(scale: number): Canvas {
    const w = Math.max(2, Math.round(this.width * scale));
    const h = Math.max(2, Math.round(this.height * scale));
    if (!this.scratch || this.scratch.width !== w || this.scratch.height !== h) this.scratch = new Canvas(w, h);
    return this.scratch;
  }

  private vignetteCanvas(strength: number): Canvas {
    const key = strength.toFixed(3);
    if (this.vignette && this.vignetteKey === key) return this.vignette;
    const canvas = new Canvas(this.width, this.height);
    const ctx = canvas.getContext('2d');
    const r = Math.hypot(this.width, this.height) / 2;
    const g = ctx.createRadialGradient(this.width / 2, this.height / 2, r * 0.45, this.width / 2, this.height / 2, r);
    g.addColorStop(0, 'rgba(0,0,0,0)');
    g.addColorStop(1, `rgba(0,0,0,${strength.toFixed(3)})`);
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, this.width, this.height);
    this.vignette = canvas;
    this.vignetteKey = key;
    return canvas;
  }

  apply(canvas: Canvas, g: GradeSpec, frame: number, unit: number): void {
    const ctx = canvas.getContext('2d');
    const { width, height } = this;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    const rand = mulberry32(this.seed + frame * 7919);
    if (g.pixelate > 0) {
      // Nearest-neighbour down and up: big crisp pixels, and a posterised look for free.
      const block = Math.max(2, Math.round(unit * g.pixelate));
      const small = this.scratchCanvas(1 / block);
      const sctx = small.getContext('2d');
      sctx.imageSmoothingEnabled = true;
      sctx.drawImage(canvas, 0, 0, small.width, small.height);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(small, 0, 0, width, height);
      ctx.imageSmoothingEnabled = true;
    }
    if (g.soften > 0) {
      // Bilinear ('low') both ways: a soft bleed of colour is the point, and 'high' costs 3x as much at 1080p.
      const small = this.scratchCanvas(0.25);
      const sctx = small.getContext('2d');
      sctx.imageSmoothingQuality = 'low';
      sctx.drawImage(canvas, 0, 0, small.width, small.height);
      ctx.save();
      ctx.globalAlpha = g.soften;
      ctx.imageSmoothingQuality = 'low';
      ctx.drawImage(small, 0, 0, width, height);
      ctx.restore();
    }
    if (g.neonGlow) {
      // Bloom: a blurry copy (downscaled 8x, upscaled smooth) added on top makes the bright edges glow.
      const small = this.scratchCanvas(0.125);
      const sctx = small.getContext('2d');
      sctx.imageSmoothingQuality = 'low';
      sctx.drawImage(canvas, 0, 0, small.width, small.height);
      ctx.save();
      ctx.imageSmoothingQuality = 'low';
      ctx.globalCompositeOperation = 'screen';
      ctx.globalAlpha = 0.55;
      ctx.drawImage(small, 0, 0, width, height);
      ctx.restore();
    }
    if (g.contrast > 0) {
      const copy = this.scratchCanvas(0.5);
      copy.getContext('2d').drawImage(canvas, 0, 0, copy.width, copy.height);
      ctx.save();
      ctx.globalCompositeOperation = 'soft-light';
      ctx.globalAlpha = Math.min(1, g.contrast * 2.5);
      ctx.drawImage(copy, 0, 0, width, height);
      ctx.restore();
    }
    ctx.save();
    if (g.desaturate > 0) {
      ctx.globalCompositeOperation = 'saturation';
      ctx.globalAlpha = g.desaturate;
      ctx.fillStyle = '#808080';
      ctx.fillRect(0, 0, width, height);
    }
    if (g.sepia > 0) {
      ctx.globalCompositeOperation = 'color';
      ctx.globalAlpha = g.sepia;
      ctx.fillStyle = '#a27a4e';
      ctx.fillRect(0, 0, width, height);
    }
    if (g.tint) {
      ctx.globalCompositeOperation = 'soft-light';
      ctx.globalAlpha = g.tintAlpha;
      ctx.fillStyle = g.tint;
      ctx.fillRect(0, 0, width, height);
    }
    ctx.restore();
    if (g.paper > 0) this.pattern(ctx, 'paper', g.paper, 'multiply', 0);
    if (g.halftone > 0) this.pattern(ctx, 'halftone', g.halftone, 'multiply', 0);
    if (g.grain > 0) this.pattern(ctx, 'grain', g.grain * 1.4, 'overlay', Math.floor(rand() * 256));
    if (g.scratches) {
      ctx.save();
      ctx.strokeStyle = 'rgba(255,248,230,0.35)';
      ctx.lineWidth = Math.max(1, unit / 900);
      const n = Math.floor(rand() * 3);
      for (let k = 0; k < n; k++) {
        const x = rand() * width;
        ctx.beginPath();
        ctx.moveTo(x, 0);
        ctx.lineTo(x + (rand() - 0.5) * 6, height);
        ctx.stroke();
      }
      ctx.restore();
    }
    if (g.flicker > 0) {
      ctx.fillStyle = `rgba(0,0,0,${(rand() * g.flicker).toFixed(3)})`;
      ctx.fillRect(0, 0, width, height);
    }
    if (g.vignette > 0) ctx.drawImage(this.vignetteCanvas(g.vignette), 0, 0);
    if (g.letterbox > 0) {
      const bar = Math.round(height * g.letterbox);
      ctx.fillStyle = '#000000';
      ctx.fillRect(0, 0, width, bar);
      ctx.fillRect(0, height - bar, width, bar);
    }
  }
}
