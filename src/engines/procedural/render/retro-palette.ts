/**
 * The pixel-art palette: every pixel of the shrunken frame snapped to one of a console's few colours, with ordered
 * (Bayer) dithering so skies and shading become the checkered ramps of old games. It runs on the low-resolution
 * frame (about 200×120 at any output size), so it costs a fraction of a millisecond.
 */
import type { Canvas } from '@napi-rs/canvas';

const inks = [
  '#0b0b14', '#2a2438', '#4b4a66', '#7d7f99', '#b8bccb', '#f2f0e6', '#1d2b53', '#2b5fb4', '#3fa4e8', '#8fd3ff',
  '#134d3a', '#24843f', '#64c04c', '#b9e06a', '#4f7a6a', '#8fb0a0', '#5a3421', '#8f5a32', '#c98c4a', '#f0c48a',
  '#7e2553', '#c0314a', '#ff6b5a', '#ff9f43', '#ffd93d', '#8a4fbf', '#f08ec8', '#c8d8e8',
].map((hex) => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)] as const);

/** 4×4 Bayer thresholds, centred on zero. */
const bayer = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5].map((v) => (v + 0.5) / 16 - 0.5);
/** How far dithering pushes a channel: about half the gap between neighbouring palette ramps. */
const SPREAD = 22;

let lookup: Uint8Array | null = null;

/** Nearest palette ink (index) for every 5-bit-per-channel colour. */
function table(): Uint8Array {
  if (lookup) return lookup;
  lookup = new Uint8Array(32 * 32 * 32);
  for (let i = 0; i < lookup.length; i++) {
    const r = ((i >> 10) & 31) * 8 + 4;
    const g = ((i >> 5) & 31) * 8 + 4;
    const b = (i & 31) * 8 + 4;
    let best = 0;
    let bestD = Infinity;
    inks.forEach(([R, G, B], k) => {
      const d = 2 * (r - R) ** 2 + 4 * (g - G) ** 2 + 3 * (b - B) ** 2;
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    });
    lookup[i] = best;
  }
  return lookup;
}

const channel = (v: number): number => (v < 0 ? 0 : v > 255 ? 31 : v >> 3);

/** Snap every pixel of the (small) canvas to the palette, dithered. */
export function quantizeRetro(canvas: Canvas): void {
  const lut = table();
  const ctx = canvas.getContext('2d');
  const { width, height } = canvas;
  const image = ctx.getImageData(0, 0, width, height);
  const data = image.data;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const d = (bayer[((y & 3) << 2) | (x & 3)] as number) * SPREAD;
      const ink = inks[lut[(channel((data[i] as number) + d) << 10) | (channel((data[i + 1] as number) + d) << 5) | channel((data[i + 2] as number) + d)] as number] as readonly number[];
      data[i] = ink[0] as number;
      data[i + 1] = ink[1] as number;
      data[i + 2] = ink[2] as number;
    }
  }
  ctx.putImageData(image, 0, 0);
}
