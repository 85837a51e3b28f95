/**
 * A guess at the depth of a still picture, cheap enough to need no model: most photographs and paintings put the far
 * away (sky, distant hills) at the top and the near (the ground at the viewer's feet) at the bottom, with a horizon
 * between where smooth, bright sky gives way to textured land. The guess is that horizon, found on a thumbnail, and
 * from it three horizontal bands (far, middle, near) that the backdrop moves at different speeds.
 */

/** Where the horizon is assumed when the picture shows no clear one (a close-up, a flat texture). */
const DEFAULT_HORIZON = 0.45;
/** The split must beat this (in 0..255 luminance steps) to count as a horizon rather than noise. */
const MIN_SCORE = 3;

export interface DepthBand {
  /** Top edge, as a fraction of the frame height: the band is opaque below it (0 for the far band: all of it). */
  top: number;
  /** How much of the camera's move this band makes: 1 for the nearest, less for further back. */
  depth: number;
}

/** Rows of luminance of an RGBA thumbnail. */
function luminanceRows(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Float64Array[] {
  return Array.from({ length: height }, (_, y) => {
    const row = new Float64Array(width);
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      row[x] = 0.299 * (rgba[i] as number) + 0.587 * (rgba[i + 1] as number) + 0.114 * (rgba[i + 2] as number);
    }
    return row;
  });
}

/**
 * The horizon of a picture as a fraction of its height (0 top, 1 bottom): the row that best splits it into a
 * smoother, brighter part above and a busier, darker part below.
 */
export function guessHorizon(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): number {
  if (height < 8 || width < 2) return DEFAULT_HORIZON;
  const rows = luminanceRows(rgba, width, height);
  const texture = new Float64Array(height);
  const brightness = new Float64Array(height);
  rows.forEach((row, y) => {
    const above = rows[Math.max(0, y - 1)] as Float64Array;
    let busy = 0;
    let sum = 0;
    for (let x = 0; x < width; x++) {
      const v = row[x] as number;
      busy += Math.abs(v - (row[Math.max(0, x - 1)] as number)) + Math.abs(v - (above[x] as number));
      sum += v;
    }
    texture[y] = busy / width;
    brightness[y] = sum / width;
  });
  const mean = (values: Float64Array, from: number, to: number): number => {
    let sum = 0;
    for (let y = from; y < to; y++) sum += values[y] as number;
    return sum / Math.max(1, to - from);
  };
  let best = DEFAULT_HORIZON;
  let bestScore = MIN_SCORE;
  for (let y = Math.round(height * 0.2); y <= Math.round(height * 0.75); y++) {
    const score = mean(texture, y, height) - mean(texture, 0, y) + 0.5 * (mean(brightness, 0, y) - mean(brightness, y, height));
    if (score > bestScore) {
      bestScore = score;
      best = y / height;
    }
  }
  return best;
}

/** Far (everything, behind), middle (from the horizon down) and near (the lower part of the ground). */
export function depthBands(horizon: number): DepthBand[] {
  return [
    { top: 0, depth: 0.35 },
    { top: horizon, depth: 0.7 },
    { top: horizon + (1 - horizon) * 0.5, depth: 1 },
  ];
}
