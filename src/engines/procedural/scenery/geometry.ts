/**
 * What the scenery drawers share: the range a layer shows, the cached geometry of static items, and small helpers for
 * building paths (triangles, ellipses, blobs) and painting them (two-tone fills, neon edges).
 */
import type { Path2D, SKRSContext2D } from '@napi-rs/canvas';
import { withAlpha } from '../color.js';

export const TAU = Math.PI * 2;

/** The world x range a layer shows over the whole shot, and its bottom edge. */
export interface LayerRange {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Geometry of a static item, built once per shot in world units and only re-filled each frame. */
export interface Built {
  paths: Path2D[];
  edge?: Path2D;
}

/** A row of props as three paths: `main` in the prop's colour, `second` in its second colour, `third` in white. */
export interface PropPaths {
  main: Path2D;
  second: Path2D;
  third: Path2D;
}

/** Adds one prop standing at (x, y), `s` high, to the row's paths; `r` in 0..1 varies it. */
export type DrawProp = (paths: PropPaths, x: number, y: number, s: number, r: number) => void;

/** Fill the body (paths[0]) and, where the item has a second colour and a second path, that path over it. */
export function fillBody(ctx: SKRSContext2D, built: Built, color: SKRSContext2D['fillStyle'], color2: string | null): void {
  ctx.fillStyle = color;
  ctx.fill(built.paths[0] as Path2D);
  if (color2 && built.paths[1]) {
    ctx.fillStyle = color2;
    ctx.fill(built.paths[1]);
  }
}

/** Neon-style edge: a wide faint stroke under a thin bright one reads as a glow without a blur filter. */
export function glowStroke(ctx: SKRSContext2D, path: Path2D, color: string, width: number): void {
  ctx.save();
  ctx.strokeStyle = withAlpha(color, 0.18);
  ctx.lineWidth = width * 5;
  ctx.stroke(path);
  ctx.strokeStyle = withAlpha(color, 0.35);
  ctx.lineWidth = width * 2.2;
  ctx.stroke(path);
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.stroke(path);
  ctx.restore();
}

/** A triangle standing on (x, y). */
export function tri(p: Path2D, x: number, y: number, w: number, h: number): void {
  p.moveTo(x - w / 2, y);
  p.lineTo(x, y - h);
  p.lineTo(x + w / 2, y);
  p.closePath();
}

/** Path2D.ellipse continues the current subpath with a line; start a new subpath at the ellipse's first point. */
export function ell(p: Path2D, x: number, y: number, rx: number, ry: number, rot: number, a0: number, a1: number): void {
  const cx = Math.cos(a0) * rx;
  const cy = Math.sin(a0) * ry;
  p.moveTo(x + cx * Math.cos(rot) - cy * Math.sin(rot), y + cx * Math.sin(rot) + cy * Math.cos(rot));
  p.ellipse(x, y, rx, ry, rot, a0, a1);
}

/** A full circle as a subpath of its own. */
export function blob(p: Path2D, x: number, y: number, r: number): void {
  p.moveTo(x + r, y);
  p.arc(x, y, r, 0, TAU);
}
