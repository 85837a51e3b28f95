/**
 * Rows of props along a layer (trees, rocks, posts, houses…), one per cell with its position, size and variation
 * hashed from the cell, so a row goes on for ever and looks the same wherever the camera is.
 */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { withAlpha } from '../color.js';
import { hash2 } from '../prng.js';
import type { LayerItem, PropKind } from '../timeline.js';
import type { Built, DrawProp, LayerRange, PropPaths } from './geometry.js';
import { natureProps } from './nature.js';
import { structureProps } from './structures.js';

type Props = Extract<LayerItem, { kind: 'props' }>;

const drawers: Record<PropKind, DrawProp> = { ...natureProps, ...structureProps };

export function buildProps(item: Props, r: LayerRange): Built {
  const paths: PropPaths = { main: new Path2D(), second: new Path2D(), third: new Path2D() };
  const draw = drawers[item.prop];
  const first = Math.floor(r.x0 / item.spacing) - 2;
  const last = Math.ceil(r.x1 / item.spacing) + 2;
  for (let i = first; i <= last; i++) {
    const h1 = hash2(i, 7, item.seed);
    const h2 = hash2(i, 11, item.seed);
    const h3 = hash2(i, 13, item.seed);
    if (item.spacing > 0.3 && h3 < 0.18) continue; // gaps in sparse rows look natural
    const x = (i + 0.5 + (h1 - 0.5) * item.jitter) * item.spacing;
    const base = item.base + (h2 - 0.5) * item.spread;
    const s = item.size * (0.75 + 0.5 * h2);
    draw(paths, x, base, s, h3);
  }
  return { paths: [paths.main, paths.second, paths.third] };
}

/** Second colour under the prop's colour, white highlights on top, then the outline (comic, sketch) or neon edge. */
export function drawProps(ctx: SKRSContext2D, item: Props, built: Built): void {
  const [main, second, third] = built.paths as [Path2D, Path2D, Path2D];
  ctx.fillStyle = item.color2;
  ctx.fill(second);
  ctx.fillStyle = item.color;
  ctx.fill(main);
  ctx.fillStyle = withAlpha('#ffffff', 0.85);
  ctx.fill(third);
  if (item.stroke) {
    ctx.strokeStyle = item.stroke;
    ctx.lineWidth = 0.003;
    ctx.stroke(main);
  }
}
