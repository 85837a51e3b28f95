/**
 * The style grade applied to a finished frame. Every grade step is one full-frame operation at most; textures (grain,
 * paper, halftone) come from small tiles made once and drawn as patterns, never from a per-frame filter.
 */
import { Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { mulberry32 } from '../prng.js';
import type { GradeSpec } from '../timeline.js';

/** Style grading of a finished frame; owns the scratch canvases and texture tiles it needs. */
export class Grader {
  private readonly tiles = new Map<string, Canvas>();
  private scratch: Canvas | undefined;
  private vignette: Canvas | undefined;
  private vignetteKey = '';

  constructor(private readonly width: number, private readonly height: number, private readonly seed: number) {}

  /** A 256 px tile of film grain, paper fibre or halftone dots, made once per kind. */
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
      }
      data[i * 4] = v;
      data[i * 4 + 1] = v;
      data[i * 4 + 2] = kind === 'paper' ? Math.max(0, v - 10) : v;
      data[i * 4 + 3] = 255;
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

  /** A bilinear downscale of the frame into the scratch canvas: the cheap blur under soften and bloom. */
  private shrink(canvas: Canvas, scale: number): Canvas {
    const small = this.scratchCanvas(scale);
    const sctx = small.getContext('2d');
    sctx.imageSmoothingQuality = 'low';
    sctx.drawImage(canvas, 0, 0, small.width, small.height);
    return small;
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

  /** Grade `canvas` in place; grain, scratches and flicker change from frame to frame. */
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
      const small = this.shrink(canvas, 0.25);
      ctx.save();
      ctx.globalAlpha = g.soften;
      ctx.imageSmoothingQuality = 'low';
      ctx.drawImage(small, 0, 0, width, height);
      ctx.restore();
    }
    if (g.neonGlow) {
      // Bloom: a blurry copy (downscaled 8x, upscaled smooth) added on top makes the bright edges glow.
      const small = this.shrink(canvas, 0.125);
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
