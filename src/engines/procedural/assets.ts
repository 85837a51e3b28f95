/**
 * Artwork: noun -> sprite. The Fluent Emoji Flat set (MIT, Microsoft) is read once, lazily; each icon is built into
 * an SVG with @iconify/utils and rasterised by Skia once per (icon, pixel size, tint, style treatment), then cached.
 * Drawing a cached bitmap per frame is cheap; re-rasterising an SVG per frame is not.
 *
 * Tinting ("a red car") recolours the art with the `color` blend mode (keeps the art's shading, takes the tint's hue
 * and saturation), then darkens or lightens for near-black and near-white tints where hue alone says nothing.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Canvas, loadImage } from '@napi-rs/canvas';
import { colorKeywords, getIconData, iconToHTML, iconToSVG, replaceIDs } from '@iconify/utils';

export const FLUENT_PREFIX = 'fluent-emoji-flat:';
export const SHAPE_PREFIX = 'shape:';

type IconifyJSON = Parameters<typeof getIconData>[0];

const requireCjs = createRequire(import.meta.url);
let iconSet: IconifyJSON | undefined;

/** The parsed icon set (≈55 ms and ≈20 MB the first time; shared afterwards). */
export function fluentIcons(): IconifyJSON {
  if (!iconSet) {
    const file = requireCjs.resolve('@iconify-json/fluent-emoji-flat/icons.json');
    iconSet = JSON.parse(readFileSync(file, 'utf8')) as IconifyJSON;
  }
  return iconSet;
}

export function hasIcon(name: string): boolean {
  return getIconData(fluentIcons(), name) !== null;
}

/** The SVG markup of an icon at a pixel height (width follows the icon's aspect ratio). */
export function iconSvg(name: string, heightPx: number): string {
  const data = getIconData(fluentIcons(), name);
  if (!data) throw new Error(`no icon "${name}" in fluent-emoji-flat`);
  const built = iconToSVG(data, { height: heightPx });
  // Unique ids keep gradients of two icons from colliding inside Skia's SVG parser.
  return iconToHTML(replaceIDs(built.body), built.attributes);
}

/** CSS colour name or #hex -> [r,g,b] 0..255; null when unknown. */
export function parseColor(color: string): [number, number, number] | null {
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

/** A rasterised sprite for a fluent asset; shapes ("shape:*") are drawn live by the renderer and have none. */
export function loadSprite(request: SpriteRequest): Promise<Sprite> {
  const size = bucketSize(request.heightPx);
  const key = `${request.asset}|${size}|${request.tint ?? ''}|${request.treatment ?? 'plain'}|${request.glowColor ?? ''}|${request.shade ?? ''}`;
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

async function rasterise(request: SpriteRequest): Promise<Sprite> {
  if (!request.asset.startsWith(FLUENT_PREFIX)) throw new Error(`not a raster asset: ${request.asset}`);
  const name = request.asset.slice(FLUENT_PREFIX.length);
  const image = await loadImage(Buffer.from(iconSvg(name, request.heightPx)));
  const width = Math.max(1, Math.round(image.width));
  const height = Math.max(1, Math.round(image.height));
  const treatment = request.treatment ?? 'plain';
  const pad = treatment === 'plain' ? 0 : Math.ceil(height * (treatment === 'glow' ? 0.18 : 0.05));

  const art = new Canvas(width, height);
  const artCtx = art.getContext('2d');
  artCtx.drawImage(image, 0, 0, width, height);
  if (request.tint) tintInPlace(art, request.tint);
  if (request.shade) shadeInPlace(art, request.shade);
  if (treatment === 'plain') return { canvas: art, width, height, pad: 0 };

  const out = new Canvas(width + pad * 2, height + pad * 2);
  const ctx = out.getContext('2d');
  if (treatment === 'outline') {
    // A dark silhouette stamped around the art gives the inked edge of a comic panel.
    const silhouette = new Canvas(width, height);
    const sctx = silhouette.getContext('2d');
    sctx.drawImage(art, 0, 0);
    sctx.globalCompositeOperation = 'source-in';
    sctx.fillStyle = '#141018';
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

function tintInPlace(canvas: Canvas, tint: string): void {
  const rgb = parseColor(tint);
  if (!rgb) return;
  const ctx = canvas.getContext('2d');
  const { width, height } = canvas;
  const original = new Canvas(width, height);
  original.getContext('2d').drawImage(canvas, 0, 0);
  const css = `rgb(${rgb[0]},${rgb[1]},${rgb[2]})`;
  const luma = (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255;
  ctx.globalCompositeOperation = 'color';
  ctx.fillStyle = css;
  ctx.fillRect(0, 0, width, height);
  if (luma < 0.3) {
    ctx.globalCompositeOperation = 'multiply';
    ctx.globalAlpha = 0.75;
    ctx.fillRect(0, 0, width, height);
  } else if (luma > 0.8) {
    ctx.globalCompositeOperation = 'screen';
    ctx.globalAlpha = 0.55;
    ctx.fillRect(0, 0, width, height);
  }
  // Blend modes painted over transparent pixels too; keep only the art's own shape.
  ctx.globalAlpha = 1;
  ctx.globalCompositeOperation = 'destination-in';
  ctx.drawImage(original, 0, 0);
  ctx.globalCompositeOperation = 'source-over';
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

/** Drop cached rasters (tests, or a long-lived process that wants its memory back). */
export function clearSpriteCache(): void {
  cache.clear();
  sizes.clear();
  cachedBytes = 0;
}
