/**
 * A static part of the scenery, painted once per shot into an offscreen canvas and copied onto every frame: a copy
 * costs the same whatever was drawn, where re-filling thousands of paths every frame does not.
 *
 * A camera that only slides (still, pan, tilt, tracking) moves a layer by whole and fractional pixels. The picture is
 * then painted once for each quarter-pixel phase the shot needs and copied at whole-pixel offsets, which is Skia's
 * cheapest copy (no resampling) and keeps the motion smooth to 1/8 px. Any other camera (zoom, roll) draws the picture
 * through the layer's matrix with bilinear sampling, from a copy painted at the largest zoom the shot reaches, so it
 * is only ever shrunk.
 *
 * The picture is cropped to where it has content and to the rows a later opaque layer never hides, and it reports the
 * band of rows it covers completely, so that the layers behind skip what it hides.
 */
import { Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { LayerRange } from './geometry.js';
import type { Matrix } from './parallax.js';

/** slide: translate-only at the picture's own scale; `stepX`/`stepY`: that axis moves, so it uses phases. */
export type Placement = { kind: 'slide'; stepX: boolean; stepY: boolean } | { kind: 'matrix' };

/** Sub-pixel phases per moving axis, and the precision of a still axis's fixed fraction. */
const PHASES = 4;
const STILL_PRECISION = 1000;
/** Spare pixels around the content, so a raster painted at another phase still fits. */
const MARGIN = 2;
/** The content is found on a raster this many times coarser (a sixteenth of the pixels to paint and read). */
const SURVEY = 4;

/** Screen rows [top, bottom) that a picture hides completely. */
export interface CoverBand {
  top: number;
  bottom: number;
}

interface Slide {
  /** Whole-pixel screen position of the full raster's origin, and the sub-pixel phase of the picture in it. */
  ix: number;
  iy: number;
  px: number;
  py: number;
}

/**
 * How to place a picture over a shot whose frames put its layer at `matrices`, and the scale to paint it at: slide when
 * every frame is the same translate-only matrix but for its offset along one axis at most; otherwise through the
 * matrix, painted at the largest scale any frame shows it at.
 */
export function placementFor(matrices: Matrix[]): { placement: Placement; scale: number } {
  const first = matrices[0] as Matrix;
  const slides = matrices.every((m) => m.b === 0 && m.c === 0 && m.a === first.a && m.d === first.a);
  const stepX = matrices.some((m) => m.e !== first.e);
  const stepY = matrices.some((m) => m.f !== first.f);
  if (slides && !(stepX && stepY)) return { placement: { kind: 'slide', stepX, stepY }, scale: first.a };
  return { placement: { kind: 'matrix' }, scale: Math.max(...matrices.map((m) => Math.hypot(m.a, m.b))) };
}

function split(value: number, step: boolean): [whole: number, phase: number] {
  const whole = Math.floor(value);
  const precision = step ? PHASES : STILL_PRECISION;
  const phase = Math.round((value - whole) * precision) / precision;
  return phase >= 1 ? [whole + 1, 0] : [whole, phase];
}

export class CachedPicture {
  /** Rasters by phase, all of the cropped size. */
  private readonly rasters = new Map<string, Canvas>();
  /** Size of a raster of the whole rectangle, and the crop of it that is kept (origin and size), in its pixels. */
  private readonly fullW: number;
  private readonly fullH: number;
  private ox = 0;
  private oy = 0;
  private cw = 0;
  private ch = 0;
  /** First full-raster row from which every row down is fully opaque across the inner columns; null if none. */
  private opaqueRow: number | null = null;
  /** Columns of the full raster that the opaque rows are known to cover. */
  private opaqueLeft = 0;
  private opaqueRight = 0;
  /** The phase of the first raster, which the matrix placement draws from. */
  private readonly basePx: number;
  private readonly basePy: number;
  private cropped = false;

  constructor(
    private readonly paint: (ctx: SKRSContext2D) => void,
    private readonly rect: LayerRange,
    /** Pixels per world unit of the rasters. */
    private readonly scale: number,
    private readonly placement: Placement,
    /** The matrix of the shot's first frame: the first raster is painted at its phase. */
    first: Matrix,
  ) {
    this.fullW = Math.ceil((rect.x1 - rect.x0) * scale) + 1;
    this.fullH = Math.ceil((rect.y1 - rect.y0) * scale) + 1;
    const { px, py } = placement.kind === 'slide' ? this.slide(first) : { px: 0, py: 0 };
    this.basePx = px;
    this.basePy = py;
    this.survey();
  }

  /** True when nothing was painted: the picture draws nothing. */
  get empty(): boolean {
    return this.cw === 0 || this.ch === 0;
  }

  /** Keep no row below world y `hiddenBelow` (a later layer always covers those). Called once, before the first draw. */
  crop(hiddenBelow = Infinity): void {
    if (this.cropped) return;
    this.cropped = true;
    const lastRow = Math.min(this.oy + this.ch, Math.ceil((hiddenBelow - this.rect.y0) * this.scale + this.basePy) + MARGIN);
    this.ch = Math.max(0, lastRow - this.oy);
  }

  /** The screen rows this picture hides completely in a frame drawn with `m`, or null. */
  coverBand(m: Matrix, width: number): CoverBand | null {
    if (this.opaqueRow === null || this.empty || m.b !== 0 || m.c !== 0) return null;
    // Rasters at other phases sit up to a pixel lower: the band starts a row later in any of them.
    const fromRow = this.opaqueRow + 1;
    const toRow = this.oy + this.ch;
    if (fromRow >= toRow) return null;
    if (this.slides(m)) {
      const { ix, iy } = this.slide(m);
      if (ix + this.opaqueLeft + 1 > 0 || ix + this.opaqueRight - 1 < width) return null;
      return { top: iy + fromRow, bottom: iy + toRow };
    }
    const x = (col: number): number => m.a * (this.rect.x0 + (col - this.basePx) / this.scale) + m.e;
    const y = (row: number): number => m.d * (this.rect.y0 + (row - this.basePy) / this.scale) + m.f;
    if (x(this.opaqueLeft + 1) > 0 || x(this.opaqueRight - 1) < width) return null;
    // Bilinear sampling blends the band's first row with the partly transparent one above it.
    return { top: Math.ceil(y(fromRow + 1)), bottom: Math.floor(y(toRow)) };
  }

  /** Draw onto the frame with the layer matrix `m`, skipping screen rows from `coverY` down. */
  draw(ctx: SKRSContext2D, m: Matrix, width: number, coverY: number): void {
    this.crop();
    if (this.empty) return;
    if (this.slides(m)) {
      const { ix, iy, px, py } = this.slide(m);
      const dx = ix + this.ox;
      const dy = iy + this.oy;
      const u0 = Math.max(0, -dx);
      const v0 = Math.max(0, -dy);
      const u1 = Math.min(this.cw, width - dx);
      const v1 = Math.min(this.ch, coverY - dy);
      if (u1 <= u0 || v1 <= v0) return;
      const canvas = this.phase(px, py);
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(canvas, u0, v0, u1 - u0, v1 - v0, dx + u0, dy + v0, u1 - u0, v1 - v0);
      ctx.restore();
      return;
    }
    const { basePx: px, basePy: py } = this;
    let rows = this.ch;
    if (m.b === 0 && m.c === 0 && m.d > 0) {
      const row = ((coverY - m.f) / m.d - this.rect.y0) * this.scale + py - this.oy;
      rows = Math.max(0, Math.min(this.ch, Math.ceil(row) + 2));
    }
    if (rows === 0) return;
    const canvas = this.phase(px, py);
    ctx.save();
    ctx.setTransform(m.a, m.b, m.c, m.d, m.e, m.f);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'low';
    const x = this.rect.x0 + (this.ox - px) / this.scale;
    const y = this.rect.y0 + (this.oy - py) / this.scale;
    ctx.drawImage(canvas, 0, 0, this.cw, rows, x, y, this.cw / this.scale, rows / this.scale);
    ctx.restore();
  }

  /** Free every raster now, rather than whenever the garbage collector gets to them. */
  release(): void {
    for (const canvas of this.rasters.values()) canvas.width = canvas.height = 1;
    this.rasters.clear();
  }

  private slides(m: Matrix): boolean {
    return this.placement.kind === 'slide' && m.b === 0 && m.c === 0 && m.a === this.scale && m.d === this.scale;
  }

  private slide(m: Matrix): Slide {
    const step = this.placement.kind === 'slide' ? this.placement : { stepX: true, stepY: true };
    // Screen position of the world rectangle's corner; the full raster puts that corner at (px, py).
    const [ix, px] = split(m.a * this.rect.x0 + m.e, step.stepX);
    const [iy, py] = split(m.d * this.rect.y0 + m.f, step.stepY);
    return { ix, iy, px, py };
  }

  /** The cropped raster at a phase, painted on first use. */
  private phase(px: number, py: number): Canvas {
    const key = `${px}:${py}`;
    let canvas = this.rasters.get(key);
    if (!canvas) {
      canvas = new Canvas(this.cw, this.ch);
      const ctx = canvas.getContext('2d');
      const s = this.scale;
      ctx.setTransform(s, 0, 0, s, -this.rect.x0 * s + px - this.ox, -this.rect.y0 * s + py - this.oy);
      this.paint(ctx);
      this.rasters.set(key, canvas);
    }
    return canvas;
  }

  /**
   * Find the content's bounds and the opaque band at the bottom on a coarse raster. Bounds get a survey pixel of
   * margin each way; a fully opaque survey pixel is fully covered at the fine scale too, and the band starts a survey
   * row lower, as the fine raster's partly covered edge can fall anywhere in the survey row above it.
   */
  private survey(): void {
    const s = this.scale / SURVEY;
    const w = Math.ceil(this.fullW / SURVEY) + 1;
    const h = Math.ceil(this.fullH / SURVEY) + 1;
    const canvas = new Canvas(w, h);
    const ctx = canvas.getContext('2d');
    ctx.setTransform(s, 0, 0, s, -this.rect.x0 * s + this.basePx / SURVEY, -this.rect.y0 * s + this.basePy / SURVEY);
    this.paint(ctx);
    const { data } = ctx.getImageData(0, 0, w, h);
    canvas.width = canvas.height = 1;
    // Little-endian RGBA words: alpha is the top byte.
    const px = new Uint32Array(data.buffer, data.byteOffset, w * h);
    let minX = w;
    let maxX = -1;
    let minY = h;
    let maxY = -1;
    for (let y = 0; y < h; y++) {
      const row = y * w;
      let left = 0;
      while (left < w && (px[row + left] as number) >>> 24 === 0) left++;
      if (left === w) continue;
      let right = w - 1;
      while ((px[row + right] as number) >>> 24 === 0) right--;
      if (y < minY) minY = y;
      maxY = y;
      if (left < minX) minX = left;
      if (right > maxX) maxX = right;
    }
    if (maxY < 0) return;
    // The opaque band: full rows from the bottom up, across the survey columns that lie wholly inside the rectangle.
    const right = Math.floor((this.fullW - 1) / SURVEY);
    let opaque = h;
    for (let y = h - 1; y >= 0; y--) {
      const row = y * w;
      let x = 1;
      while (x < right && (px[row + x] as number) >>> 24 === 255) x++;
      if (x < right) break;
      opaque = y;
    }
    this.opaqueRow = opaque < h ? (opaque + 1) * SURVEY : null;
    this.opaqueLeft = SURVEY;
    this.opaqueRight = right * SURVEY;
    this.ox = Math.max(0, (minX - 1) * SURVEY - MARGIN);
    this.oy = Math.max(0, (minY - 1) * SURVEY - MARGIN);
    this.cw = Math.min(this.fullW + MARGIN, (maxX + 2) * SURVEY + MARGIN) - this.ox;
    this.ch = Math.min(this.fullH + MARGIN, (maxY + 2) * SURVEY + MARGIN) - this.oy;
  }
}
