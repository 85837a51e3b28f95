/**
 * Recolours a rasterised sprite into its style's palette, once, when it is loaded: the same mapping the scenery's
 * colours went through (style-palette.ts), looked up in a 32×32×32 table so a large sprite takes milliseconds.
 * Claymation also models the art as soft plasticine: blurred colour joins and a rounded, lit edge; low-poly cuts it
 * into flat-shaded facets.
 */
import { Canvas } from '@napi-rs/canvas';
import { restylesSprites, styleRgb } from '../style-palette.js';
import { Facets } from './facets.js';

const tables = new Map<string, Uint8Array>();

/** The style's mapping sampled at the centre of every 8×8×8 cell of RGB space. */
function tableFor(style: string): Uint8Array {
  let table = tables.get(style);
  if (table) return table;
  table = new Uint8Array(32 * 32 * 32 * 3);
  for (let r = 0; r < 32; r++) {
    for (let g = 0; g < 32; g++) {
      for (let b = 0; b < 32; b++) {
        const [R, G, B] = styleRgb([r * 8 + 4, g * 8 + 4, b * 8 + 4], style);
        const i = ((r << 10) | (g << 5) | b) * 3;
        table[i] = Math.round(R);
        table[i + 1] = Math.round(G);
        table[i + 2] = Math.round(B);
      }
    }
  }
  tables.set(style, table);
  return table;
}

/** Recolour `canvas` in place; alpha is kept, so the art's shape and soft edges are untouched. */
function recolour(canvas: Canvas, style: string): void {
  const table = tableFor(style);
  const ctx = canvas.getContext('2d');
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const data = image.data;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] === 0) continue;
    const j = (((data[i] as number) >> 3) << 10 | ((data[i + 1] as number) >> 3) << 5 | ((data[i + 2] as number) >> 3)) * 3;
    data[i] = table[j] as number;
    data[i + 1] = table[j + 1] as number;
    data[i + 2] = table[j + 2] as number;
  }
  ctx.putImageData(image, 0, 0);
}

/** Give a rasterised sprite its style, once, when it is loaded: palette, and the modelling of clay or of facets. */
export function restyleSprite(canvas: Canvas, style: string): void {
  if (restylesSprites(style)) recolour(canvas, style);
  if (style === 'claymation') modelClay(canvas);
  if (style === 'low-poly') facetSprite(canvas);
}

/** The art's shape, filled with one colour. */
function silhouette(art: Canvas, color: string): Canvas {
  const out = new Canvas(art.width, art.height);
  const ctx = out.getContext('2d');
  ctx.drawImage(art, 0, 0);
  ctx.globalCompositeOperation = 'source-in';
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, art.width, art.height);
  return out;
}

/**
 * The rim of the art on the side facing (dx, dy): pixels whose neighbour that way is outside the shape, softened.
 * Lit from the top left, this is the highlight (-, -) and the shade (+, +) of a rounded lump.
 */
function rim(shape: Canvas, dx: number, dy: number, color: string, blur: number): Canvas {
  const out = new Canvas(shape.width, shape.height);
  const ctx = out.getContext('2d');
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, shape.width, shape.height);
  ctx.globalCompositeOperation = 'destination-out';
  ctx.drawImage(shape, -dx, -dy);
  ctx.globalCompositeOperation = 'destination-in';
  ctx.drawImage(shape, 0, 0);
  const soft = new Canvas(shape.width, shape.height);
  const sctx = soft.getContext('2d');
  sctx.filter = `blur(${blur.toFixed(1)}px)`;
  sctx.drawImage(out, 0, 0);
  return soft;
}

/** Plasticine: colours pressed softly into each other, a shaded underside and a dull highlight on top. */
/**
 * Low-poly: the art redrawn as flat-shaded triangles about a ninth of its size, cut back to its own outline. The
 * frame's facets are laid over the scenery only (render.ts), whose triangles are far too big for a subject's shape.
 */
export function facetSprite(art: Canvas): void {
  const { width, height } = art;
  const shape = new Canvas(width, height);
  shape.getContext('2d').drawImage(art, 0, 0);
  const faceted = new Canvas(width, height);
  new Facets(width, height, Math.max(5, Math.round(Math.min(width, height) / 9)), width * 31 + height).apply(art, faceted.getContext('2d'));
  const ctx = art.getContext('2d');
  ctx.save();
  ctx.clearRect(0, 0, width, height);
  ctx.drawImage(faceted, 0, 0);
  ctx.globalCompositeOperation = 'destination-in';
  ctx.drawImage(shape, 0, 0);
  ctx.restore();
}

export function modelClay(art: Canvas): void {
  const { width, height } = art;
  const size = Math.min(width, height);
  const shape = silhouette(art, '#000000');
  const ctx = art.getContext('2d');
  const soft = new Canvas(width, height);
  const sctx = soft.getContext('2d');
  sctx.filter = `blur(${Math.max(0.5, size * 0.006).toFixed(1)}px)`;
  sctx.drawImage(art, 0, 0);
  ctx.save();
  ctx.globalCompositeOperation = 'source-atop';
  ctx.drawImage(soft, 0, 0);
  const d = Math.max(1, size * 0.05);
  ctx.globalAlpha = 0.45;
  ctx.drawImage(rim(shape, d, d, '#2a1408', d * 0.8), 0, 0);
  ctx.globalAlpha = 0.35;
  ctx.drawImage(rim(shape, -d * 0.7, -d * 0.7, '#fff3dc', d * 0.7), 0, 0);
  ctx.restore();
}
