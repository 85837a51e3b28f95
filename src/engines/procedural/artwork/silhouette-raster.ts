/**
 * A game-icons silhouette as a bitmap: its single path filled with a paint lit from above (lighter at the top, darker
 * at the bottom) and edged with a darker line, so a monochrome icon reads as a body rather than a flat blob. The icons
 * carry padding, so the path is cropped to its own bounds (feet touch the ground line); right-facing side views are
 * mirrored so that every side view faces left, as the renderer expects.
 */
import { Canvas, Path2D } from '@napi-rs/canvas';
import { mix } from '../color.js';

/** Outline width as a share of the art's height. */
const EDGE = 0.03;

/** The d attribute of an icon body that is a single <path>. */
export function singlePathData(body: string): string {
  const match = /<path[^>]*\sd="([^"]+)"/.exec(body);
  if (!match?.[1]) throw new Error('silhouette icon has no path');
  return match[1];
}

export function drawSilhouette(pathData: string, heightPx: number, paint: string, mirror: boolean): Canvas {
  const path = new Path2D(pathData);
  const [left, top, right, bottom] = path.computeTightBounds();
  const edge = (bottom - top) * EDGE;
  const scale = heightPx / (bottom - top + edge * 2);
  const width = Math.max(1, Math.round((right - left + edge * 2) * scale));
  const height = Math.max(1, Math.round(heightPx));
  const canvas = new Canvas(width, height);
  const ctx = canvas.getContext('2d');
  const x0 = (left - edge) * scale;
  // The transform is undone at the end: later passes (scene shade, style) paint this canvas in pixel units.
  ctx.save();
  ctx.setTransform(mirror ? -scale : scale, 0, 0, scale, mirror ? width + x0 : -x0, -(top - edge) * scale);
  const light = ctx.createLinearGradient(0, top, 0, bottom);
  light.addColorStop(0, mix(paint, '#ffffff', 0.28));
  light.addColorStop(0.55, paint);
  light.addColorStop(1, mix(paint, '#000000', 0.25));
  ctx.fillStyle = light;
  ctx.fill(path);
  ctx.lineJoin = 'round';
  ctx.lineWidth = edge;
  ctx.strokeStyle = mix(paint, '#000000', 0.55);
  ctx.stroke(path);
  ctx.restore();
  return canvas;
}
