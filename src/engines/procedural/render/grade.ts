/**
 * The style grade applied to a finished frame. The style's palette is already in the picture (style-palette.ts), so
 * what is left here are frame-wide effects, each one composite at most: everything static (vignette, paper, clay,
 * halftone, sky band) is baked once into a single layer multiplied over the frame; grain is a speckle sheet drawn at
 * a new offset each frame; blurs come from a shrunken copy; and the per-pixel work (pixel-art palette, low-poly
 * facet colours) runs on a frame a few hundred pixels wide, never on the full frame.
 */
import { Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { withAlpha } from '../color.js';
import { mulberry32 } from '../prng.js';
import type { GradeSpec } from '../timeline.js';
import { Facets } from './facets.js';
import { quantizeRetro } from './retro-palette.js';
import { TextureTiles } from './textures.js';

/** How far the grain sheet reaches past the frame, so each frame can show it from a different offset. */
const GRAIN_SLACK = 256;

/** Style grading of a finished frame; owns the scratch canvases and texture layers it needs. */
export class Grader {
  private readonly tiles: TextureTiles;
  private readonly scratch = new Map<string, Canvas>();
  private surface: { key: string; canvas: Canvas } | undefined;
  private grainSheet: Canvas | undefined;
  private facets: { size: number; mesh: Facets } | undefined;

  constructor(private readonly width: number, private readonly height: number, private readonly seed: number) {
    this.tiles = new TextureTiles(seed);
  }

  /** A reusable canvas at `scale` of the frame, one per purpose so two steps of one frame never share it. */
  private scratchCanvas(purpose: string, scale: number): Canvas {
    const w = Math.max(2, Math.round(this.width * scale));
    const h = Math.max(2, Math.round(this.height * scale));
    let canvas = this.scratch.get(purpose);
    if (!canvas || canvas.width !== w || canvas.height !== h) {
      canvas = new Canvas(w, h);
      this.scratch.set(purpose, canvas);
    }
    return canvas;
  }

  /**
   * A blurred copy of the frame at half size: shrunk by `shrink` (the blur radius) and smoothly grown back to half
   * size. Drawn over the frame without smoothing, it costs a plain copy instead of a full-size bilinear upscale.
   */
  private blurred(canvas: Canvas, shrink: number): Canvas {
    const small = this.scratchCanvas('blur-small', shrink);
    const sctx = small.getContext('2d');
    sctx.imageSmoothingEnabled = true;
    sctx.imageSmoothingQuality = 'low';
    sctx.drawImage(canvas, 0, 0, small.width, small.height);
    const half = this.scratchCanvas('blur-half', 0.5);
    const hctx = half.getContext('2d');
    hctx.imageSmoothingEnabled = true;
    hctx.imageSmoothingQuality = 'low';
    hctx.drawImage(small, 0, 0, half.width, half.height);
    return half;
  }

  private overlay(ctx: SKRSContext2D, half: Canvas, op: SKRSContext2D['globalCompositeOperation'], alpha: number, dx = 0, dy = 0): void {
    ctx.save();
    ctx.imageSmoothingEnabled = false;
    ctx.globalCompositeOperation = op;
    ctx.globalAlpha = alpha;
    ctx.drawImage(half, dx, dy, this.width, this.height);
    ctx.restore();
  }

  /** Everything static the style lays over the picture, as one layer to multiply: white where it changes nothing. */
  private surfaceLayer(g: GradeSpec, unit: number): Canvas | null {
    if (g.paper <= 0 && g.halftone <= 0 && g.vignette <= 0 && !g.skyBand) return null;
    const key = `${g.surface}|${g.paper}|${g.halftone}|${g.vignette}|${g.skyBand}|${unit}`;
    if (this.surface?.key === key) return this.surface.canvas;
    const { width, height } = this;
    const canvas = this.surface?.canvas ?? new Canvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    const texture = (tile: Canvas, alpha: number, zoom: number): void => {
      const pattern = ctx.createPattern(tile, 'repeat');
      if (!pattern) return;
      ctx.save();
      ctx.globalAlpha = alpha;
      ctx.scale(zoom, zoom);
      ctx.fillStyle = pattern;
      ctx.fillRect(0, 0, width / zoom + 1, height / zoom + 1);
      ctx.restore();
    };
    // Broad washes and clay dents read at the scale of the picture; paper tooth stays fine.
    if (g.paper > 0) texture(this.tiles.get(g.surface), g.paper, Math.max(1, unit / (g.surface === 'wash' || g.surface === 'clay' ? 360 : 720)));
    if (g.halftone > 0) texture(this.tiles.get('halftone'), g.halftone, Math.max(1, width / 1280));
    if (g.skyBand) {
      const depth = height * 0.42;
      const band = ctx.createLinearGradient(0, 0, 0, depth);
      band.addColorStop(0, g.skyBand);
      band.addColorStop(0.35, withAlpha(g.skyBand, 0.55));
      band.addColorStop(1, withAlpha(g.skyBand, 0));
      ctx.save();
      ctx.globalCompositeOperation = 'multiply';
      ctx.globalAlpha = 0.85;
      ctx.fillStyle = band;
      ctx.fillRect(0, 0, width, depth);
      ctx.restore();
    }
    if (g.vignette > 0) {
      const r = Math.hypot(width, height) / 2;
      const v = ctx.createRadialGradient(width / 2, height / 2, r * 0.45, width / 2, height / 2, r);
      v.addColorStop(0, 'rgba(0,0,0,0)');
      v.addColorStop(1, `rgba(0,0,0,${g.vignette.toFixed(3)})`);
      ctx.fillStyle = v;
      ctx.fillRect(0, 0, width, height);
    }
    this.surface = { key, canvas };
    return canvas;
  }

  /** A sheet of grain speckles larger than the frame, made once from the tile. */
  private grain(): Canvas {
    if (this.grainSheet) return this.grainSheet;
    const sheet = new Canvas(this.width + GRAIN_SLACK, this.height + GRAIN_SLACK);
    const ctx = sheet.getContext('2d');
    const pattern = ctx.createPattern(this.tiles.get('grain'), 'repeat');
    if (pattern) {
      ctx.fillStyle = pattern;
      ctx.fillRect(0, 0, sheet.width, sheet.height);
    }
    this.grainSheet = sheet;
    return sheet;
  }

  private facetMesh(size: number): Facets {
    if (this.facets?.size !== size) this.facets = { size, mesh: new Facets(this.width, this.height, size, this.seed) };
    return this.facets.mesh;
  }

  /**
   * The low-poly lattice over what is drawn so far: the renderer calls it once the scenery behind the subjects is
   * down, so the subjects (faceted finer as sprites) keep their shape.
   */
  facet(canvas: Canvas, g: GradeSpec, unit: number): void {
    if (g.facets > 0) this.facetMesh(Math.max(8, Math.round(unit * g.facets))).apply(canvas, canvas.getContext('2d'));
  }

  /** Grade `canvas` in place; grain, scratches and flicker change from frame to frame. */
  apply(canvas: Canvas, g: GradeSpec, frame: number, unit: number): void {
    const ctx = canvas.getContext('2d');
    const { width, height } = this;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.globalCompositeOperation = 'source-over';
    const rand = mulberry32(this.seed + frame * 7919);
    if (g.pixelate > 0) {
      // Nearest-neighbour down and up: big crisp pixels; the retro palette is applied to the few small ones.
      const block = Math.max(2, Math.round(unit * g.pixelate));
      const small = this.scratchCanvas('pixels', 1 / block);
      const sctx = small.getContext('2d');
      sctx.imageSmoothingEnabled = true;
      sctx.drawImage(canvas, 0, 0, small.width, small.height);
      if (g.retroPalette) quantizeRetro(small);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(small, 0, 0, width, height);
      ctx.imageSmoothingEnabled = true;
    }
    // Pigment gathers where a darker wash meets a lighter one: the lighter side darkens toward it, softly.
    if (g.edgePool > 0) this.overlay(ctx, this.blurred(canvas, 0.25), 'darken', g.edgePool);
    if (g.cutShadow > 0) this.overlay(ctx, this.blurred(canvas, 0.25), 'darken', g.cutShadow, Math.round(unit * 0.006), Math.round(unit * 0.01));
    // Bloom: a blurry copy added on top makes the bright edges glow (additive light: also the cheapest blend).
    if (g.bloom > 0) this.overlay(ctx, this.blurred(canvas, 0.125), 'lighter', g.bloom);
    if (g.mono) {
      ctx.globalCompositeOperation = 'color';
      ctx.globalAlpha = g.mono.amount;
      ctx.fillStyle = g.mono.color;
      ctx.fillRect(0, 0, width, height);
      ctx.globalCompositeOperation = 'source-over';
      ctx.globalAlpha = 1;
    }
    const surface = this.surfaceLayer(g, unit);
    if (surface) {
      ctx.globalCompositeOperation = 'multiply';
      ctx.drawImage(surface, 0, 0);
      ctx.globalCompositeOperation = 'source-over';
    }
    if (g.grain > 0) {
      ctx.globalAlpha = Math.min(1, g.grain * 5);
      ctx.drawImage(this.grain(), -Math.floor(rand() * GRAIN_SLACK), -Math.floor(rand() * GRAIN_SLACK));
      ctx.globalAlpha = 1;
    }
    if (g.scratches) {
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
    }
    if (g.flicker > 0) {
      ctx.fillStyle = `rgba(0,0,0,${(rand() * g.flicker).toFixed(3)})`;
      ctx.fillRect(0, 0, width, height);
    }
    if (g.letterbox > 0) {
      const bar = Math.round(height * g.letterbox);
      ctx.fillStyle = '#000000';
      ctx.fillRect(0, 0, width, bar);
      ctx.fillRect(0, height - bar, width, bar);
    }
    ctx.restore();
  }
}
