/**
 * What people built: city skylines with lit windows, and the man-made props of a row (fences, lamp posts, bollards,
 * pier posts, cranes, houses and barns, and the audience in front of a stage).
 */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { hash2 } from '../prng.js';
import type { LayerItem, PropKind } from '../timeline.js';
import { blob, ell, fillBody, glowStroke, TAU, type Built, type DrawProp, type LayerRange, type PropPaths } from './geometry.js';

type Skyline = Extract<LayerItem, { kind: 'skyline' }>;

/** A row of buildings of hashed widths and heights, some with spires or gables, and their windows. */
export function buildSkyline(item: Skyline, r: LayerRange): Built {
  const body = new Path2D();
  const windows = new Path2D();
  const edge = new Path2D();
  let x = Math.floor((r.x0 - 0.2) / item.width) * item.width;
  let i = 0;
  let started = false;
  while (x < r.x1 + 0.2) {
    const h1 = hash2(Math.round(x * 1000), 3, item.seed);
    const h2 = hash2(Math.round(x * 1000), 5, item.seed);
    const w = item.width * (0.6 + 0.8 * h1);
    const h = item.height * (0.3 + 0.7 * h2 * h2 + 0.1 * Math.sin(i));
    const top = item.base - h;
    body.rect(x, top, w * 0.96, h + 0.4);
    if (h2 > 0.7) body.rect(x + w * 0.45, top - h * 0.12, w * 0.04, h * 0.12);
    if (h1 > 0.75) {
      body.moveTo(x, top);
      body.lineTo(x + w * 0.48, top - w * 0.4);
      body.lineTo(x + w * 0.96, top);
      body.closePath();
    }
    if (!started) {
      edge.moveTo(x, top);
      started = true;
    } else edge.lineTo(x, top);
    edge.lineTo(x + w * 0.96, top);
    if (item.windows) {
      const cols = Math.max(2, Math.floor((w / item.width) * 4));
      const rows = Math.max(2, Math.floor(h / (item.width * 0.35)));
      const cw = (w * 0.96) / cols;
      const rh = h / rows;
      for (let cx = 0; cx < cols; cx++) {
        for (let ry = 0; ry < rows - 1; ry++) {
          if (hash2(i * 97 + cx, ry, item.seed) < item.lit) windows.rect(x + cx * cw + cw * 0.25, top + ry * rh + rh * 0.3, cw * 0.5, rh * 0.4);
        }
      }
    }
    x += w;
    i++;
  }
  return { paths: [body, windows], edge };
}

export function drawSkyline(ctx: SKRSContext2D, item: Skyline, built: Built): void {
  fillBody(ctx, built, item.color, item.windows);
  if (item.stroke && built.edge) glowStroke(ctx, built.edge, item.stroke, 0.003);
}

function fence({ main, second }: PropPaths, x: number, y: number, s: number): void {
  main.rect(x - s * 0.05, y - s, s * 0.1, s);
  main.moveTo(x - s * 0.05, y - s);
  main.lineTo(x, y - s * 1.12);
  main.lineTo(x + s * 0.05, y - s);
  main.closePath();
  second.rect(x - s * 0.5, y - s * 0.78, s * 1.0, s * 0.1);
  second.rect(x - s * 0.5, y - s * 0.38, s * 1.0, s * 0.1);
}

function lampPost({ main, third }: PropPaths, x: number, y: number, s: number): void {
  main.rect(x - s * 0.012, y - s, s * 0.024, s);
  main.rect(x - s * 0.03, y - s * 0.06, s * 0.06, s * 0.06);
  main.moveTo(x, y - s);
  main.quadraticCurveTo(x + s * 0.02, y - s * 1.08, x + s * 0.12, y - s * 1.05);
  main.lineTo(x + s * 0.12, y - s * 1.03);
  main.quadraticCurveTo(x + s * 0.02, y - s * 1.05, x + s * 0.005, y - s * 0.98);
  main.closePath();
  ell(third, x + s * 0.12, y - s * 1.02, s * 0.035, s * 0.015, 0, 0, TAU);
}

function crane({ main, second }: PropPaths, x: number, y: number, s: number): void {
  main.rect(x - s * 0.03, y - s, s * 0.06, s);
  main.rect(x - s * 0.2, y - s * 1.02, s * 0.8, s * 0.05);
  second.rect(x + s * 0.45, y - s * 0.97, s * 0.008, s * 0.45);
}

/** Walls, a pitched roof and a door; a barn is wider and taller, with two windows. */
function building({ main, second, third }: PropPaths, x: number, y: number, s: number, barn: boolean): void {
  const w = s * (barn ? 1.2 : 0.8);
  main.rect(x - w / 2, y - s * 0.6, w, s * 0.6);
  second.moveTo(x - w * 0.6, y - s * 0.58);
  second.lineTo(x, y - s * (barn ? 1.0 : 0.95));
  second.lineTo(x + w * 0.6, y - s * 0.58);
  second.closePath();
  third.rect(x - w * 0.12, y - s * 0.35, w * 0.24, s * 0.35);
  if (barn) {
    third.rect(x - w * 0.35, y - s * 0.5, w * 0.15, s * 0.12);
    third.rect(x + w * 0.2, y - s * 0.5, w * 0.15, s * 0.12);
  }
}

/** A head and shoulders seen from behind. */
function spectator({ main }: PropPaths, x: number, y: number, s: number): void {
  blob(main, x, y - s * 0.55, s * 0.17);
  ell(main, x, y, s * 0.36, s * 0.4, 0, Math.PI, TAU);
}

export const structureProps = {
  fence,
  'lamp-post': lampPost,
  bollard: ({ main }, x, y, s) => main.roundRect(x - s * 0.25, y - s, s * 0.5, s, [s * 0.25, s * 0.25, 0, 0]),
  'pier-post': ({ main, second }, x, y, s) => {
    main.rect(x - s * 0.06, y - s, s * 0.12, s * 1.4);
    second.rect(x - s * 0.08, y - s * 1.05, s * 0.16, s * 0.08);
  },
  crane,
  house: (paths, x, y, s) => building(paths, x, y, s, false),
  barn: (paths, x, y, s) => building(paths, x, y, s, true),
  crowd: spectator,
} satisfies Partial<Record<PropKind, DrawProp>>;
