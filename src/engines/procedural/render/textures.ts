/**
 * The surface textures styles lay over a finished frame: film grain, halftone dots and the papers and clay of the
 * hand-made styles. Each is a 256 px tile made once from the seed (seamless: its noise repeats with the tile), so a
 * frame pays one composite, never a per-pixel loop. All but grain are multiplied over the picture (white = no change).
 */
import { Canvas } from '@napi-rs/canvas';
import { hash2, mulberry32 } from '../prng.js';

export type TextureKind = 'grain' | 'halftone' | 'paper' | 'washi' | 'craft' | 'wash' | 'clay';

const SIZE = 256;

/** Value noise that wraps every `period` lattice cells, so a tile of it repeats without a seam. */
function tiledNoise(x: number, y: number, period: number, seed: number): number {
  const fx = (x / SIZE) * period;
  const fy = (y / SIZE) * period;
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const u = fx - x0;
  const v = fy - y0;
  const su = u * u * (3 - 2 * u);
  const sv = v * v * (3 - 2 * v);
  const at = (i: number, j: number): number => hash2(((i % period) + period) % period, ((j % period) + period) % period, seed);
  const top = at(x0, y0) + (at(x0 + 1, y0) - at(x0, y0)) * su;
  const bottom = at(x0, y0 + 1) + (at(x0 + 1, y0 + 1) - at(x0, y0 + 1)) * su;
  return top + (bottom - top) * sv;
}

/** Fractal noise in 0..1 from octaves of tiled value noise, coarsest first. */
function fbm(x: number, y: number, periods: readonly number[], seed: number): number {
  let sum = 0;
  let weight = 0;
  let w = 1;
  periods.forEach((period, k) => {
    sum += tiledNoise(x, y, period, seed + k * 101) * w;
    weight += w;
    w *= 0.5;
  });
  return sum / weight;
}

/** The RGB of one texel of a texture kind. */
function texel(kind: TextureKind, x: number, y: number, rand: () => number, seed: number): [number, number, number] {
  switch (kind) {
    case 'grain': {
      // Light and dark specks; the alpha channel (see get) makes them a speckle laid over the picture.
      const v = rand() < 0.5 ? 0 : 255;
      return [v, v, v];
    }
    case 'halftone': {
      const d = Math.hypot((x % 8) - 3.5, (y % 8) - 3.5);
      const v = d < 2.4 ? 40 : 255;
      return [v, v, v];
    }
    case 'paper': {
      const fibre = Math.sin(x * 0.31 + Math.sin(y * 0.07) * 3) * 0.5 + Math.sin(y * 0.23 + x * 0.05) * 0.5;
      const v = 236 + fibre * 8 + (rand() - 0.5) * 22;
      return [v, v, v - 10];
    }
    case 'washi': {
      // Cream mulberry paper: long pale fibres and a blotchy, uneven tone.
      const tone = fbm(x, y, [4, 16, 64], seed) - 0.5;
      const fibre = Math.max(0, fbm(x, y, [32, 64], seed + 7) - 0.6) * 2.5;
      const v = 232 + tone * 14 - fibre * 18 + (rand() - 0.5) * 6;
      return [v + 14, v + 4, v - 22];
    }
    case 'craft': {
      // Construction paper: fine tooth and a few darker flecks.
      const tooth = fbm(x, y, [32, 64], seed) - 0.5;
      const fleck = rand() < 0.004 ? -40 : 0;
      const v = 238 + tooth * 30 + fleck + (rand() - 0.5) * 10;
      return [v + 4, v, v - 8];
    }
    case 'wash': {
      // Watercolour pigment settling in blooms on cold-press paper.
      const bloom = fbm(x, y, [2, 4, 8], seed);
      const tooth = fbm(x, y, [64], seed + 3) - 0.5;
      const v = 214 + bloom * 40 + tooth * 18;
      return [v, v + 2, v + 4];
    }
    case 'clay': {
      // Plasticine: soft dents and thumb marks, darker where pressed in.
      const dents = fbm(x, y, [8, 16], seed) - 0.5;
      const pits = fbm(x, y, [64], seed + 5) - 0.5;
      const v = 232 + dents * 60 + pits * 30;
      return [v + 6, v + 2, v - 4];
    }
  }
}

/** Texture tiles by kind, made on first use. */
export class TextureTiles {
  private readonly tiles = new Map<TextureKind, Canvas>();

  constructor(private readonly seed: number) {}

  get(kind: TextureKind): Canvas {
    let tile = this.tiles.get(kind);
    if (tile) return tile;
    tile = new Canvas(SIZE, SIZE);
    const ctx = tile.getContext('2d');
    const image = ctx.createImageData(SIZE, SIZE);
    const data = image.data;
    const seed = (this.seed ^ (kind.length * 7919 + kind.charCodeAt(0))) >>> 0;
    const rand = mulberry32(seed);
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        const [r, g, b] = texel(kind, x, y, rand, seed);
        const i = (y * SIZE + x) * 4;
        data[i] = r;
        data[i + 1] = g;
        data[i + 2] = b;
        data[i + 3] = kind === 'grain' ? Math.floor(rand() * 96) : 255;
      }
    }
    ctx.putImageData(image, 0, 0);
    this.tiles.set(kind, tile);
    return tile;
  }
}
