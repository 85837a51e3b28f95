/**
 * Each style's colour mapping: one function from a daylight-lit colour to the style's colour. It recolours the
 * scenery at compose time (every colour in the timeline goes through it) and the sprites once when they are
 * rasterised (through a lookup table, see render/sprite-style.ts), so art and scenery always share one palette and no
 * frame pays for it. Styles whose look is a frame-wide effect (pixel-art, vintage-film) keep the colours as they are.
 */
export type Rgb = [number, number, number];

const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : v);
const luma = ([r, g, b]: Rgb): number => 0.299 * r + 0.587 * g + 0.114 * b;

function saturate(c: Rgb, k: number): Rgb {
  const l = luma(c);
  return [clamp(l + (c[0] - l) * k), clamp(l + (c[1] - l) * k), clamp(l + (c[2] - l) * k)];
}

function toward(c: Rgb, target: Rgb, t: number): Rgb {
  return [c[0] + (target[0] - c[0]) * t, c[1] + (target[1] - c[1]) * t, c[2] + (target[2] - c[2]) * t];
}

/** Contrast about mid-grey. */
function contrast(c: Rgb, k: number): Rgb {
  return [clamp((c[0] - 120) * k + 120), clamp((c[1] - 120) * k + 120), clamp((c[2] - 120) * k + 120)];
}

/** Flat colour bands: `levels` steps per channel, the look of inks and cut paper instead of smooth shading. */
function posterize(c: Rgb, levels: number): Rgb {
  const step = 255 / (levels - 1);
  return [Math.round(c[0] / step) * step, Math.round(c[1] / step) * step, Math.round(c[2] / step) * step];
}

/** Hue kept, saturation and lightness cut into a few flat steps with a floor on saturation: sheets of coloured paper. */
function paperSheet(c: Rgb): Rgb {
  const [r, g, b] = [c[0] / 255, c[1] / 255, c[2] / 255];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  let h = 0;
  if (d > 0) h = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  const sat = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  const L = Math.min(0.92, Math.max(0.14, Math.round(l * 6) / 6));
  const S = d < 0.02 ? 0 : Math.max(0.3, Math.round(sat * 3) / 3) * 0.85;
  const C = (1 - Math.abs(2 * L - 1)) * S;
  const X = C * (1 - Math.abs((h % 2) - 1));
  const m = L - C / 2;
  const [R, G, B] = h < 1 ? [C, X, 0] : h < 2 ? [X, C, 0] : h < 3 ? [0, C, X] : h < 4 ? [0, X, C] : h < 5 ? [X, 0, C] : [C, 0, X];
  return [(R + m) * 255, (G + m) * 255, (B + m) * 255];
}

function nearest(c: Rgb, inks: readonly Rgb[]): Rgb {
  let best = inks[0] as Rgb;
  let bestD = Infinity;
  for (const ink of inks) {
    // Weighted RGB distance: close enough to perceptual for picking an ink.
    const dr = c[0] - ink[0];
    const dg = c[1] - ink[1];
    const db = c[2] - ink[2];
    const d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
    if (d < bestD) {
      bestD = d;
      best = ink;
    }
  }
  return best;
}

const parse = (hex: string): Rgb => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];

/** The few pigments of an Edo woodblock print: Prussian blues, indigo, vermilion, ochre, sage, sumi ink, paper. */
const woodblockInks: readonly Rgb[] = [
  '#1b2a48', '#2d5784', '#4a7fae', '#8fb3c4', '#c9d8d2', '#efe4c8', '#d9c497', '#b88c4a', '#b3412c', '#d9876a',
  '#3f5e3a', '#6f8f5a', '#a3b58c', '#8fa596', '#26221f', '#6b5443', '#9a8f7c',
].map(parse);

const paper: Rgb = [251, 246, 236];
const pastelWhite: Rgb = [255, 244, 248];
const warm: Rgb = [255, 176, 112];
const teal: Rgb = [29, 74, 90];

const maps: Record<string, (c: Rgb) => Rgb> = {
  pastel: (c) => toward(saturate(c, 0.7), pastelWhite, 0.38),
  watercolor: (c) => toward(saturate(c, 0.8), paper, 0.22),
  vivid: (c) => contrast(saturate(c, 1.5), 1.08),
  comic: (c) => posterize(saturate(c, 1.3), 6),
  noir: (c) => contrast(c, 1.35),
  sketch: (c) => toward(saturate(c, 0.3), paper, 0.3),
  cinematic: (c) => {
    // Teal shadows, warm highlights.
    const l = luma(c) / 255;
    return l < 0.45 ? toward(c, teal, 0.22 * (1 - l)) : toward(c, warm, 0.14 * l);
  },
  // Plasticine: rich, warm and matte (highlights held down, shadows lifted), never glossy.
  claymation: (c) => {
    const s = saturate(toward(c, warm, 0.1), 1.25);
    return [clamp(18 + s[0] * 0.88), clamp(14 + s[1] * 0.86), clamp(10 + s[2] * 0.84)];
  },
  'paper-cut': paperSheet,
  // Mostly the nearest ink, with a little of the original so neighbouring shades still read apart.
  'ukiyo-e': (c) => toward(nearest(saturate(c, 0.85), woodblockInks), c, 0.2),
  'low-poly': (c) => posterize(saturate(c, 1.15), 9),
};

/** A colour in the style's palette (identity for styles that leave colours alone). */
export function styleRgb(c: Rgb, style: string): Rgb {
  const map = maps[style];
  return map ? map(c) : c;
}

/** Whether the style recolours sprites (neon keeps the art bright so it glows against its dark world). */
export function restylesSprites(style: string): boolean {
  return style in maps;
}
