/**
 * Where a parallax layer lands on screen: the world -> pixel matrix of a layer at a given depth for a camera, and the
 * world rectangle such a layer shows over a whole shot. Shared by the live drawing and the scenery caches, so both
 * place a layer with the very same numbers.
 */
import { sampleCamera } from '../compose/camera.js';
import type { FrameState, ShotTrack } from '../timeline.js';
import type { LayerRange } from './geometry.js';

export type Camera = FrameState['camera'];

/** A 2D affine matrix in canvas order: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export interface Matrix {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

/** The output frame: pixel size, pixels per world unit, and the view in world units at zoom 1. */
export interface FrameGeometry {
  width: number;
  height: number;
  unit: number;
  view: { w: number; h: number };
}

/** The zoom a layer at `depth` sees: far layers feel little of the camera's zoom. */
export function layerZoom(depth: number, cam: Camera): number {
  return 1 + (cam.zoom - 1) * depth;
}

/** The world point a layer at `depth` shows at the centre of the screen: far layers follow the camera less. */
export function layerCentre(view: FrameGeometry['view'], depth: number, cam: Camera): { cx: number; cy: number } {
  return { cx: view.w / 2 + (cam.x - view.w / 2) * depth + cam.orbit * (1 - depth), cy: view.h / 2 + (cam.y - view.h / 2) * depth };
}

/** world -> screen for a layer at parallax depth `depth` (0 stays fixed to the screen, 1 is the ground plane). */
export function layerMatrix(frame: FrameGeometry, depth: number, cam: Camera): Matrix {
  const { width, height, view } = frame;
  const { cx, cy } = layerCentre(view, depth, cam);
  const k = frame.unit * layerZoom(depth, cam);
  const cos = Math.cos(cam.rot);
  const sin = Math.sin(cam.rot);
  const a = k * cos;
  const b = k * sin;
  const c = -k * sin;
  const d = k * cos;
  return { a, b, c, d, e: width / 2 - (a * cx + c * cy), f: height / 2 - (b * cx + d * cy) };
}

/** `m` with its origin moved to world point (x, y): where a thing placed at (x, y) in that layer is drawn from. */
export function translated(m: Matrix, x: number, y: number): Matrix {
  return { ...m, e: m.a * x + m.c * y + m.e, f: m.b * x + m.d * y + m.f };
}

/** World y shown at screen row `y` by a layer drawn with `m`; Infinity when the layer is rotated (rows are slanted). */
export function worldYAtRow(m: Matrix, y: number): number {
  return m.b === 0 && m.c === 0 && m.d > 0 ? (y - m.f) / m.d : Infinity;
}

/** The world rectangle a layer at `depth` shows over the whole shot (so static geometry is built once). */
export function layerRange(frame: FrameGeometry, shot: ShotTrack, depth: number): LayerRange {
  const { width, height, view, unit } = frame;
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i <= 24; i++) {
    const cam = sampleCamera(shot, (shot.seconds * i) / 24);
    const zf = layerZoom(depth, cam);
    const { cx, cy } = layerCentre(view, depth, cam);
    const hw = (width / 2 / (unit * zf)) * 1.15;
    const hh = (height / 2 / (unit * zf)) * 1.15;
    x0 = Math.min(x0, cx - hw);
    x1 = Math.max(x1, cx + hw);
    y0 = Math.min(y0, cy - hh);
    y1 = Math.max(y1, cy + hh);
  }
  return { x0: x0 - 0.1, x1: x1 + 0.1, y0: y0 - 0.1, y1: y1 + 0.1 };
}
