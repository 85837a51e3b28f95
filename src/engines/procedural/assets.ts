/**
 * Artwork: noun -> sprite. Two kinds of art are rasterised: Fluent Emoji Flat icons (MIT, Microsoft), built into an
 * SVG with @iconify/utils, and game-icons silhouettes (CC BY 3.0), single paths filled with a paint
 * (artwork/silhouette-raster.ts). Each is rasterised by Skia once per (icon, pixel size, tint, style treatment),
 * then cached: drawing a cached bitmap per frame is cheap; re-rasterising per frame is not. The icon sets themselves
 * are parsed on demand and released when idle (artwork/icon-sets.ts). Shapes ("shape:*") are drawn live by the
 * renderer.
 *
 * Tinting ("a red car") recolours Fluent art with the `color` blend mode (keeps the art's shading, takes the tint's
 * hue and saturation), then darkens or lightens for near-black and near-white tints where hue alone says nothing. A
 * silhouette has no colours of its own: the tint, or else the paint in its asset id, is what it is filled with.
 */
import { Canvas, loadImage, type SKRSContext2D } from '@napi-rs/canvas';
import { colorKeywords, iconToHTML, iconToSVG, replaceIDs } from '@iconify/utils';
import { derivedIcon } from './artwork/derived-icons.js';
import { fluentSet, gameIconSet, type IconData } from './artwork/icon-sets.js';
import { drawSilhouette, singlePathData } from './artwork/silhouette-raster.js';
import { GAME_ICONS_PREFIX, silhouetteFacing } from './artwork/silhouettes.js';
import { shapeAssets } from './lexicon/nouns.js';
import { restyleSprite } from './render/sprite-style.js';

export const FLUENT_PREFIX = 'fluent-emoji-flat:';
export const SHAPE_PREFIX = 'shape:';
export { GAME_ICONS_PREFIX };

/** A Fluent icon, or one derived from Fluent art (artwork/derived-icons.ts). */
function fluentIcon(name: string): IconData | null {
  return fluentSet.icon(name) ?? derivedIcon(name, (base) => fluentSet.icon(base));
}

/** A game-icons asset id split into icon and paint: "game-icons:fox#d8742c". */
function silhouetteAsset(asset: string): { icon: string; paint: string } {
  const [icon = '', paint] = asset.slice(GAME_ICONS_PREFIX.length).split('#');
  return { icon, paint: paint ? `#${paint}` : '#6b7280' };
}

/** Whether an asset is drawn from a cached bitmap (icons) rather than live (shapes). */
export function isRasterAsset(asset: string): boolean {
  return asset.startsWith(FLUENT_PREFIX) || asset.startsWith(GAME_ICONS_PREFIX);
}

/** Whether an asset id names artwork that exists: an icon of its set, or a drawn shape. */
export function artworkExists(asset: string): boolean {
  if (asset.startsWith(FLUENT_PREFIX)) return fluentIcon(asset.slice(FLUENT_PREFIX.length)) !== null;
  if (asset.startsWith(GAME_ICONS_PREFIX)) return gameIconSet.icon(silhouetteAsset(asset).icon) !== null;
  if (asset.startsWith(SHAPE_PREFIX)) return (shapeAssets as readonly string[]).includes(asset.slice(SHAPE_PREFIX.length));
  return false;
}

/** The SVG markup of an icon at a pixel height (width follows the icon's aspect ratio). */
export function iconSvg(name: string, heightPx: number): string {
  const data = fluentIcon(name);
  if (!data) throw new Error(`no icon "${name}" in fluent-emoji-flat`);
  const built = iconToSVG(data, { height: heightPx });
  // Unique ids keep gradients of two icons from colliding inside Skia's SVG parser.
  return iconToHTML(replaceIDs(built.body), built.attributes);
}

/**
 * CSS's "brown" is #a52a2a, a brick red: "a brown bear" painted with it reads as red. People saying brown mean the
 * colour of wood and fur, so the plan keeps the word and the paint uses this instead.
 */
const spokenColors: Record<string, [number, number, number]> = { brown: [139, 90, 50] };

/** CSS colour name or #hex -> [r,g,b] 0..255; null when unknown. */
export function parseColor(color: string): [number, number, number] | null {
  const spoken = spokenColors[color.toLowerCase()];
  if (spoken) return spoken;
  const hex = /^#?([0-9a-f]{6})$/i.exec(color);
  if (hex) {
    const n = parseInt(hex[1] as string, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const keyword = (colorKeywords as Record<string, { type: string; r?: number; g?: number; b?: number }>)[color.toLowerCase()];
  if (keyword && keyword.type === 'rgb') return [keyword.r ?? 0, keyword.g ?? 0, keyword.b ?? 0];
  return null;
}

/** How a sprite is treated once at load time, for styles whose look lives in the sprite itself. */
export type SpriteTreatment = 'plain' | 'outline' | 'glow';

export interface Sprite {
  /** Rasterised art, including `pad` pixels of margin on every side (for outline or glow). */
  canvas: Canvas;
  /** Size of the art itself, without padding. */
  width: number;
  height: number;
  pad: number;
}

export interface SpriteRequest {
  asset: string;
  /** Pixel height to rasterise at (rounded up to a bucket by the cache). */
  heightPx: number;
  tint?: string | null;
  treatment?: SpriteTreatment;
  glowColor?: string;
  /** Multiply the art by this colour (scene light: warm at sunset, dim and blue at night). */
  shade?: string | null;
  /** Recolour into this style's palette (render/sprite-style.ts). */
  style?: string;
  /** Colour of the outline treatment's edge (default: near-black ink). */
  ink?: string | null;
}

/** Bucketed to limit cache entries: sizes within 16 px share one raster (downscaling by <10 % is invisible). */
export function bucketSize(px: number): number {
  const clamped = Math.max(16, Math.min(1536, Math.ceil(px)));
  return Math.ceil(clamped / 16) * 16;
}

/** Bound on rasters kept between generations, by pixel memory (a 1080p castle sprite alone is ~4 MB). */
const MAX_CACHE_BYTES = 192 * 1024 * 1024;
const cache = new Map<string, Promise<Sprite>>();
const sizes = new Map<string, number>();
let cachedBytes = 0;

function evict(): void {
  for (const key of cache.keys()) {
    if (cachedBytes <= MAX_CACHE_BYTES) break;
    const bytes = sizes.get(key);
    if (bytes === undefined) continue; // still rasterising
    cache.delete(key);
    sizes.delete(key);
    cachedBytes -= bytes;
  }
}

/** A rasterised sprite for an icon asset; shapes ("shape:*") are drawn live by the renderer and have none. */
export function loadSprite(request: SpriteRequest): Promise<Sprite> {
  const size = bucketSize(request.heightPx);
  const key = `${request.asset}|${size}|${request.tint ?? ''}|${request.treatment ?? 'plain'}|${request.glowColor ?? ''}|${request.shade ?? ''}|${request.style ?? ''}|${request.ink ?? ''}`;
  let entry = cache.get(key);
  if (entry) {
    // Most recently used last, so eviction drops the stalest rasters first.
    cache.delete(key);
    cache.set(key, entry);
    return entry;
  }
  entry = rasterise({ ...request, heightPx: size });
  cache.set(key, entry);
  entry.then(
    (sprite) => {
      if (cache.get(key) !== entry) return;
      const bytes = sprite.canvas.width * sprite.canvas.height * 4;
      sizes.set(key, bytes);
      cachedBytes += bytes;
      evict();
    },
    () => cache.delete(key),
  );
  return entry;
}

/** The art itself at the requested height, coloured by its tint. */
async function drawArt(request: SpriteRequest): Promise<Canvas> {
  if (request.asset.startsWith(GAME_ICONS_PREFIX)) {
    const { icon, paint } = silhouetteAsset(request.asset);
    const data = gameIconSet.icon(icon);
    if (!data) throw new Error(`no icon "${icon}" in game-icons`);
    const fill = request.tint && parseColor(request.tint) ? request.tint : paint;
    return drawSilhouette(singlePathData(data.body), request.heightPx, fill, silhouetteFacing[icon] === 'right');
  }
  if (!request.asset.startsWith(FLUENT_PREFIX)) throw new Error(`not a raster asset: ${request.asset}`);
  const image = await loadImage(Buffer.from(iconSvg(request.asset.slice(FLUENT_PREFIX.length), request.heightPx)));
  const art = new Canvas(Math.max(1, Math.round(image.width)), Math.max(1, Math.round(image.height)));
  art.getContext('2d').drawImage(image, 0, 0, art.width, art.height);
  if (request.tint) tintInPlace(art, request.tint);
  return art;
}

async function rasterise(request: SpriteRequest): Promise<Sprite> {
  const art = await drawArt(request);
  const { width, height } = art;
  const treatment = request.treatment ?? 'plain';
  const pad = treatment === 'plain' ? 0 : Math.ceil(height * (treatment === 'glow' ? 0.18 : 0.05));

  if (request.shade) shadeInPlace(art, request.shade);
  if (request.style) restyleSprite(art, request.style);
  if (treatment === 'plain') return { canvas: art, width, height, pad: 0 };

  const out = new Canvas(width + pad * 2, height + pad * 2);
  const ctx = out.getContext('2d');
  if (treatment === 'outline') {
    // A dark silhouette stamped around the art gives the inked edge of a comic panel.
    const silhouette = new Canvas(width, height);
    const sctx = silhouette.getContext('2d');
    sctx.drawImage(art, 0, 0);
    sctx.globalCompositeOperation = 'source-in';
    sctx.fillStyle = request.ink ?? '#141018';
    sctx.fillRect(0, 0, width, height);
    const o = Math.max(1, pad * 0.6);
    for (let k = 0; k < 12; k++) {
      const a = (k / 12) * Math.PI * 2;
      ctx.drawImage(silhouette, pad + Math.cos(a) * o, pad + Math.sin(a) * o);
    }
  } else {
    ctx.shadowColor = request.glowColor ?? '#ff4fd8';
    ctx.shadowBlur = pad * 0.8;
    ctx.drawImage(art, pad, pad);
    ctx.shadowBlur = pad * 0.35;
  }
  ctx.shadowBlur = 0;
  ctx.drawImage(art, pad, pad);
  return { canvas: out, width, height, pad };
}

/** Rec. 709 luma of an sRGB colour, 0..1 (on the gamma-encoded values, as the blend modes work). */
function lumaOf(r: number, g: number, b: number): number {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** Mean luma of the art's visible pixels, each weighted by its opacity. */
function meanLuma(canvas: Canvas): number {
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let sum = 0;
  let weight = 0;
  for (let i = 0; i < data.length; i += 4) {
    const a = data[i + 3] as number;
    if (a === 0) continue;
    sum += a * lumaOf(data[i] as number, data[i + 1] as number, data[i + 2] as number);
    weight += a;
  }
  return weight ? sum / weight : 0;
}

/**
 * Paint the art the named colour: its hue and saturation, keeping the art's own light and shade. A light colour on
 * dark art would come out as its dim form (yellow on a red car is olive), so the art is then lifted toward the
 * colour until it is about as light as the colour itself; a dark colour deepens the art instead.
 */
function tintInPlace(canvas: Canvas, tint: string): void {
  const rgb = parseColor(tint);
  if (!rgb) return;
  const ctx = canvas.getContext('2d');
  const { width, height } = canvas;
  const original = new Canvas(width, height);
  original.getContext('2d').drawImage(canvas, 0, 0);
  const css = `rgb(${rgb[0]},${rgb[1]},${rgb[2]})`;
  const luma = lumaOf(...rgb);
  // Blend modes paint over transparent pixels too: each pass is cut back to the art's own shape.
  const keepShape = (): void => {
    ctx.globalAlpha = 1;
    ctx.globalCompositeOperation = 'destination-in';
    ctx.drawImage(original, 0, 0);
    ctx.globalCompositeOperation = 'source-over';
  };
  const paint = (mode: SKRSContext2D['globalCompositeOperation'], alpha: number): void => {
    ctx.globalCompositeOperation = mode;
    ctx.globalAlpha = alpha;
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, width, height);
    keepShape();
  };
  paint('color', 1);
  if (luma < 0.3) {
    paint('multiply', 0.75);
    return;
  }
  // Screen with the colour at alpha k adds about k × luma × (1 − have) to a pixel of luma `have`.
  const have = meanLuma(canvas);
  const k = have < luma ? Math.min(0.9, (luma - have) / (luma * (1 - have))) : 0;
  if (k > 0.02) paint('screen', k);
}

function shadeInPlace(canvas: Canvas, shade: string): void {
  const ctx = canvas.getContext('2d');
  const original = new Canvas(canvas.width, canvas.height);
  original.getContext('2d').drawImage(canvas, 0, 0);
  ctx.globalCompositeOperation = 'multiply';
  ctx.fillStyle = shade;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.globalCompositeOperation = 'destination-in';
  ctx.drawImage(original, 0, 0);
  ctx.globalCompositeOperation = 'source-over';
}

/**
 * Let go of the parsed icon sets now rather than after their idle minute: once a render's sprites are rasterised it
 * needs no icon data, and ~35 MB of live JSON would be marked again by every full GC while its frames are drawn.
 * Whoever asks for an icon later parses the set again.
 */
export function releaseIconSets(): void {
  fluentSet.release();
  gameIconSet.release();
}

/** Drop cached rasters (tests, or a long-lived process that wants its memory back). */
export function clearSpriteCache(): void {
  cache.clear();
  sizes.clear();
  cachedBytes = 0;
}
