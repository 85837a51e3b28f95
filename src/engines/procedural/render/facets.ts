/**
 * The low-poly look: the frame redrawn as a lattice of flat-shaded triangles, rows of triangles pointing up and down
 * with every other row shifted half a triangle. Each triangle takes the colour under its centre, darkened or
 * lightened by a fixed per-facet light so neighbouring faces read as turned to the light.
 *
 * It is all image work, because filling a thousand anti-aliased triangles costs tens of ms a frame: the colours are
 * two small images, one pixel per triangle (pointing down, pointing up), drawn up in row strips without smoothing;
 * the up-pointing triangles are cut out by a mask made once and re-coloured in place.
 */
import { Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { mulberry32 } from '../prng.js';

/** Triangles pointing one way: where their centres sit, their light, and this frame's colours. */
interface Half {
  /** Horizontal shift of this half's triangles within a row, in triangle widths. */
  shift: number;
  /** Height of the triangle centres within a row, as a fraction of the row. */
  centre: number;
  light: Canvas;
  colours: Canvas;
}

export class Facets {
  private readonly cols: number;
  private readonly rows: number;
  private readonly tw: number;
  private readonly th: number;
  private readonly down: Half;
  private readonly up: Half;
  /** The up-pointing triangles, opaque; re-coloured each frame by drawing 'source-atop', which keeps this alpha. */
  private readonly cutout: Canvas;

  constructor(private readonly width: number, private readonly height: number, size: number, seed: number) {
    this.tw = size;
    // Equilateral: a row is √3/2 of a side tall.
    this.rows = Math.max(2, Math.round(height / (size * 0.866)));
    this.th = height / this.rows;
    this.cols = Math.ceil(width / size) + 2;
    const rand = mulberry32(seed);
    this.down = { shift: -0.5, centre: 1 / 3, light: this.lightMap(rand), colours: new Canvas(this.cols, this.rows) };
    this.up = { shift: 0, centre: 2 / 3, light: this.lightMap(rand), colours: new Canvas(this.cols, this.rows) };
    this.cutout = new Canvas(width, height);
    const ctx = this.cutout.getContext('2d');
    ctx.fillStyle = '#000000';
    ctx.beginPath();
    for (let j = 0; j < this.rows; j++) {
      const y = j * this.th;
      for (let i = 0; i < this.cols; i++) {
        const x = this.rowStart(j) + i * this.tw;
        ctx.moveTo(x, y + this.th);
        ctx.lineTo(x + this.tw / 2, y);
        ctx.lineTo(x + this.tw, y + this.th);
        ctx.closePath();
      }
    }
    ctx.fill();
  }

  /** Left edge of row j's first up-pointing triangle: rows alternate by half a triangle, starting off-frame. */
  private rowStart(j: number): number {
    return -this.tw + (j % 2) * (this.tw / 2);
  }

  /** A light level per facet (one pixel per triangle), multiplied into that half's colours. */
  private lightMap(rand: () => number): Canvas {
    const map = new Canvas(this.cols, this.rows);
    const ctx = map.getContext('2d');
    const image = ctx.createImageData(this.cols, this.rows);
    for (let i = 0; i < this.cols * this.rows; i++) {
      const v = Math.round(255 * (0.84 + rand() * 0.16));
      image.data[i * 4] = v;
      image.data[i * 4 + 1] = v;
      image.data[i * 4 + 2] = v;
      image.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
    return map;
  }

  /** One half's colours: each row of the frame sampled at its triangles' centres, then lit per facet. */
  private sample(canvas: Canvas, half: Half): Canvas {
    const ctx = half.colours.getContext('2d');
    ctx.globalCompositeOperation = 'source-over';
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'low';
    // A rough fit of the whole frame first: triangles whose centres fall just off the frame keep these colours.
    ctx.drawImage(canvas, 0, 0, this.cols, this.rows);
    for (let j = 0; j < this.rows; j++) {
      // Source rectangle placed so each pixel centre of the row lands on a triangle centre.
      const x = this.rowStart(j) + half.shift * this.tw;
      const y = (j + half.centre - 0.5) * this.th;
      ctx.drawImage(canvas, x, y, this.cols * this.tw, this.th, 0, j, this.cols, 1);
    }
    ctx.globalCompositeOperation = 'multiply';
    ctx.drawImage(half.light, 0, 0);
    return half.colours;
  }

  /** Draw a half's colours as triangle-wide blocks, row by row, each row at its own offset. */
  private blocks(ctx: SKRSContext2D, half: Half): void {
    for (let j = 0; j < this.rows; j++) {
      ctx.drawImage(half.colours, 0, j, this.cols, 1, this.rowStart(j) + half.shift * this.tw, j * this.th, this.cols * this.tw, this.th);
    }
  }

  /** Redraw `canvas` as the facet lattice. */
  apply(canvas: Canvas, ctx: SKRSContext2D): void {
    this.sample(canvas, this.down);
    this.sample(canvas, this.up);
    const cut = this.cutout.getContext('2d');
    // 'source-atop' paints only inside the triangles and leaves the rest of the mask alone, strip after strip.
    cut.globalCompositeOperation = 'source-atop';
    cut.imageSmoothingEnabled = false;
    this.blocks(cut, this.up);
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.imageSmoothingEnabled = false;
    this.blocks(ctx, this.down);
    ctx.drawImage(this.cutout, 0, 0);
    ctx.restore();
  }
}
