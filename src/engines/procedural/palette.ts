/**
 * Light and colour: the sky of each time of day, how daylight colours shift under it (warm at sunset, blue and dark at
 * night), aerial perspective for distant layers, and the palette changes that some styles make (neon, pastel, vivid).
 */
import { hex, mix, rgb, scale } from './color.js';
import { styleRgb } from './style-palette.js';

export interface Light {
  skyTop: string;
  skyMid: string;
  skyBottom: string;
  /** Colour the whole scene leans toward, and how much. */
  tint: string;
  tintAmount: number;
  /** Overall brightness multiplier of scenery and sprites. */
  brightness: number;
  sun: { x: number; y: number; r: number; color: string; glow: string } | null;
  moon: boolean;
  stars: number;
}

/** Sun positions are fractions of the view (x) and of the sky above the horizon (y: 0 top, 1 horizon). */
const lights: Record<string, Light> = {
  dawn: { skyTop: '#33447a', skyMid: '#d98f9a', skyBottom: '#ffd2a1', tint: '#ffb38a', tintAmount: 0.22, brightness: 0.9,
    sun: { x: 0.28, y: 0.92, r: 0.07, color: '#ffe2b0', glow: '#ffb07a' }, moon: false, stars: 0.15 },
  morning: { skyTop: '#4a8fe0', skyMid: '#8fc3f0', skyBottom: '#e4f2ff', tint: '#fff4dc', tintAmount: 0.08, brightness: 1,
    sun: { x: 0.2, y: 0.4, r: 0.06, color: '#fff3b8', glow: '#ffe98a' }, moon: false, stars: 0 },
  noon: { skyTop: '#2a78dd', skyMid: '#66abf0', skyBottom: '#cfe7ff', tint: '#ffffff', tintAmount: 0, brightness: 1.04,
    sun: { x: 0.7, y: 0.14, r: 0.06, color: '#fff6c8', glow: '#ffee99' }, moon: false, stars: 0 },
  afternoon: { skyTop: '#3a83d4', skyMid: '#7fb8ec', skyBottom: '#e2efff', tint: '#fff1d0', tintAmount: 0.06, brightness: 1,
    sun: { x: 0.84, y: 0.22, r: 0.06, color: '#ffe98a', glow: '#ffd966' }, moon: false, stars: 0 },
  'golden-hour': { skyTop: '#4d6fae', skyMid: '#eeb072', skyBottom: '#ffe1a0', tint: '#ffb255', tintAmount: 0.24, brightness: 0.96,
    sun: { x: 0.74, y: 0.72, r: 0.07, color: '#fff0b0', glow: '#ffb860' }, moon: false, stars: 0 },
  sunset: { skyTop: '#2b2d6a', skyMid: '#d9607a', skyBottom: '#ffb066', tint: '#ff7a4f', tintAmount: 0.3, brightness: 0.82,
    sun: { x: 0.62, y: 0.97, r: 0.09, color: '#ffd27a', glow: '#ff7a45' }, moon: false, stars: 0.05 },
  dusk: { skyTop: '#121a3c', skyMid: '#4a3d7a', skyBottom: '#c77d8c', tint: '#5a5aa8', tintAmount: 0.32, brightness: 0.62,
    sun: null, moon: true, stars: 0.4 },
  night: { skyTop: '#040814', skyMid: '#0d1a3c', skyBottom: '#1e3062', tint: '#3858b0', tintAmount: 0.4, brightness: 0.5,
    sun: null, moon: true, stars: 1 },
};

export function lightFor(timeOfDay: string, weather: string): Light {
  const base = lights[timeOfDay] ?? lights.afternoon;
  if (!base) throw new Error('palette has no afternoon light');
  if (weather === 'clear' || weather === 'wind') return base;
  // Clouds, rain and storms flatten the sky toward grey and dim the scene.
  const grey = weather === 'storm' ? '#3a4150' : weather === 'fog' ? '#b9c0c8' : weather === 'snow' ? '#c9d2de' : '#8a94a3';
  const k = weather === 'storm' ? 0.75 : weather === 'cloudy' ? 0.45 : 0.6;
  const dim = weather === 'storm' ? 0.7 : weather === 'fog' || weather === 'snow' ? 0.95 : 0.85;
  return {
    ...base,
    skyTop: mix(base.skyTop, scale(grey, base.brightness), k),
    skyMid: mix(base.skyMid, scale(grey, base.brightness * 1.05), k),
    skyBottom: mix(base.skyBottom, scale(grey, base.brightness * 1.1), k),
    tint: mix(base.tint, grey, 0.5),
    tintAmount: base.tintAmount + 0.1,
    brightness: base.brightness * dim,
    sun: base.sun && weather !== 'storm' && weather !== 'rain' ? { ...base.sun, color: mix(base.sun.color, '#ffffff', 0.4) } : null,
    moon: base.moon && weather === 'cloudy',
    stars: weather === 'cloudy' ? base.stars * 0.3 : 0,
  };
}

/** Settings lit by their own light (lamps, spotlights, glowing water), never darker than this. */
const interiors = new Set(['cave', 'underwater', 'stage', 'room']);

/** The light a scene's scenery and sprites are drawn under: time and weather, floored indoors, neon restyled. */
export function sceneLight(setting: string, timeOfDay: string, weather: string, style: string): Light {
  let light = lightFor(timeOfDay, interiors.has(setting) ? 'clear' : weather);
  if (interiors.has(setting)) light = { ...light, brightness: Math.max(light.brightness, 0.85), tintAmount: Math.min(light.tintAmount, 0.12) };
  return style === 'neon' ? neonLight(light) : light;
}

/** Whether this light visibly dims or tints what it falls on; full daylight that hardly does is left unshaded. */
export function shadesNoticeably(light: Light): boolean {
  return light.brightness < 0.95 || light.tintAmount > 0.1;
}

/** A daylight colour as it looks under this light. */
export function lit(color: string, light: Light): string {
  return scale(mix(color, light.tint, light.tintAmount), light.brightness);
}

/** Distant layers fade toward the sky near the horizon (aerial perspective); depth 0 = at the sky, 1 = near. */
export function aerial(color: string, light: Light, depth: number): string {
  const haze = Math.max(0, Math.min(0.7, (1 - depth) * 0.75));
  return mix(lit(color, light), light.skyBottom, haze);
}

/** Style-level palette transforms applied to every composed colour (style-palette.ts; neon darkens its world). */
export function styleColor(color: string, style: string): string {
  if (style === 'neon') return mix(scale(color, 0.35), '#14052b', 0.6);
  return hex(styleRgb(rgb(color), style));
}

/** The ink line around shapes and sprites in the styles that are drawn with one, else null. */
export function inkFor(style: string): string | null {
  if (style === 'comic' || style === 'sketch') return '#1b1722';
  if (style === 'ukiyo-e') return '#1f2130';
  // Cut paper shows its white edge where it was cut out.
  if (style === 'paper-cut') return '#fbf7ee';
  return null;
}

/** How the style treats sprites once, when they are rasterised: an inked or cut edge, a neon glow, or nothing. */
export function spriteTreatment(style: string): 'plain' | 'outline' | 'glow' {
  if (style === 'neon') return 'glow';
  return inkFor(style) ? 'outline' : 'plain';
}

/** The neon style replaces sky and light with a synthwave night. */
export function neonLight(light: Light): Light {
  return {
    ...light,
    skyTop: '#07011a',
    skyMid: '#2a0845',
    skyBottom: '#7a1a6e',
    tint: '#5a1a8a',
    tintAmount: 0.3,
    brightness: 0.75,
    sun: light.sun ? { x: 0.5, y: 0.9, r: 0.13, color: '#ffd36b', glow: '#ff3fa4' } : null,
    stars: Math.max(0.4, light.stars),
  };
}

export const neonAccents = ['#19f0ff', '#ff3fd2', '#b46bff', '#3cff9e'] as const;
