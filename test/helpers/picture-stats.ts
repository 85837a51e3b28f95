/**
 * Measures of an RGBA picture that tell styles apart the way a viewer would: how colourful it is, how much contrast
 * and ink it has, how many distinct colours it uses, how fine its texture is.
 */
type Pixels = Uint8Array | Uint8ClampedArray;

const luma = (p: Pixels, i: number): number => 0.299 * (p[i] as number) + 0.587 * (p[i + 1] as number) + 0.114 * (p[i + 2] as number);

export interface PictureStats {
  /** Mean colour (0..255 per channel). */
  mean: [number, number, number];
  /** Mean chroma: the spread between a pixel's largest and smallest channel (0..255). */
  saturation: number;
  /** Standard deviation of luma (0..255): overall contrast. */
  contrast: number;
  /** Share of pixels on a strong edge (luma step > 48 to the right or below): outlines and hard shapes. */
  edges: number;
  /** Share of pixels that are near-black ink (luma < 40). */
  ink: number;
  /** How many different exact colours the picture uses. */
  colours: number;
  /** Mean absolute luma step between horizontal neighbours (0..255): fine texture such as grain or paper. */
  texture: number;
  /** Share of pixels exactly the colour of their right-hand neighbour: flat fills, facets and big pixels. */
  flat: number;
}

export function pictureStats(pixels: Pixels, width: number, height: number): PictureStats {
  const mean: [number, number, number] = [0, 0, 0];
  let saturation = 0;
  let sum = 0;
  let sumSq = 0;
  let edges = 0;
  let ink = 0;
  let texture = 0;
  let flat = 0;
  const colours = new Set<number>();
  const n = width * height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const r = pixels[i] as number;
      const g = pixels[i + 1] as number;
      const b = pixels[i + 2] as number;
      mean[0] += r;
      mean[1] += g;
      mean[2] += b;
      saturation += Math.max(r, g, b) - Math.min(r, g, b);
      const l = luma(pixels, i);
      sum += l;
      sumSq += l * l;
      if (l < 40) ink++;
      colours.add((r << 16) | (g << 8) | b);
      if (x + 1 < width) {
        const step = Math.abs(luma(pixels, i + 4) - l);
        texture += step;
        if (r === pixels[i + 4] && g === pixels[i + 5] && b === pixels[i + 6]) flat++;
        if (step > 48) edges++;
      }
      if (y + 1 < height && Math.abs(luma(pixels, i + width * 4) - l) > 48) edges++;
    }
  }
  const avg = sum / n;
  return {
    mean: [mean[0] / n, mean[1] / n, mean[2] / n],
    saturation: saturation / n,
    contrast: Math.sqrt(Math.max(0, sumSq / n - avg * avg)),
    edges: edges / n,
    ink: ink / n,
    colours: colours.size,
    texture: texture / n,
    flat: flat / n,
  };
}
