/**
 * Small colour arithmetic on #rrggbb strings, used while composing (pure data: the timeline stores final colours, so
 * the renderer never decides a colour and the same plan always gives the same palette).
 */
import { parseColor } from './assets.js';

export type Rgb = [number, number, number];

export function rgb(color: string): Rgb {
  return parseColor(color) ?? [128, 128, 128];
}

export function hex([r, g, b]: Rgb): string {
  const c = (v: number): string => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0');
  return `#${c(r)}${c(g)}${c(b)}`;
}

/** Linear mix: t=0 gives a, t=1 gives b. */
export function mix(a: string, b: string, t: number): string {
  const x = rgb(a);
  const y = rgb(b);
  return hex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
}

export function scale(color: string, k: number): string {
  const [r, g, b] = rgb(color);
  return hex([r * k, g * k, b * k]);
}

export function luminance(color: string): number {
  const [r, g, b] = rgb(color);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** Move saturation: k<1 toward grey, k>1 away from it. */
export function saturate(color: string, k: number): string {
  const [r, g, b] = rgb(color);
  const l = 0.299 * r + 0.587 * g + 0.114 * b;
  return hex([l + (r - l) * k, l + (g - l) * k, l + (b - l) * k]);
}

export function withAlpha(color: string, alpha: number): string {
  const [r, g, b] = rgb(color);
  return `rgba(${r},${g},${b},${Math.max(0, Math.min(1, alpha)).toFixed(3)})`;
}
