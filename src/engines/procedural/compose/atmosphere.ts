/**
 * What the weather and the style add to a shot: rain, snow, fog, wind and lightning strikes, and the grade the style
 * puts on each finished frame.
 */
import type { Rng } from '../prng.js';
import type { GradeSpec, WeatherSpec } from '../timeline.js';

/** The shot's weather; nothing falls or blows where there is a roof or no air. */
export function weatherSpec(kind: string, view: { w: number; h: number }, seconds: number, rng: Rng, setting: string): WeatherSpec {
  const area = view.w * view.h;
  const indoors = setting === 'room' || setting === 'stage' || setting === 'underwater' || setting === 'cave' || setting === 'space';
  const spec: WeatherSpec = { kind, rain: null, snow: null, fog: null, lightning: [], wind: null, seed: Math.floor(rng.float() * 2 ** 31) };
  if (indoors) return spec;
  if (kind === 'rain' || kind === 'storm') {
    spec.rain = { count: Math.round((kind === 'storm' ? 420 : 260) * area), length: 0.05, speed: 2.6, slant: kind === 'storm' ? 0.35 : 0.12, color: 'rgba(200,215,235,0.45)' };
  }
  if (kind === 'storm') {
    for (let t = rng.range(0.4, 1.4); t < seconds; t += rng.range(1.6, 3.2)) spec.lightning.push(Math.round(t * 100) / 100);
    spec.wind = { strength: 0.8, leaves: 0, color: '#6a7a4a' };
  }
  if (kind === 'snow') spec.snow = { count: Math.round(220 * area), size: 0.006, speed: 0.09, drift: 0.05, color: 'rgba(255,255,255,0.9)' };
  if (kind === 'fog') spec.fog = { bands: 5, color: '#dfe5ea', alpha: 0.42 };
  if (kind === 'wind') spec.wind = { strength: 1, leaves: Math.round(26 * area), color: '#d98c3a' };
  return spec;
}

/**
 * What each style changes in the plain grade, which is nothing at all for flat, pastel and vivid (their look is their palette);
 * cinematic also letterboxes wide frames.
 */
const styleGrades: Record<string, Partial<GradeSpec>> = {
  // The warm/teal grade is in the palette (styleColor), so the per-frame cost is bars and vignette only.
  cinematic: { vignette: 0.42 },
  noir: { mono: { color: '#808080', amount: 1 }, vignette: 0.6, grain: 0.1 },
  'vintage-film': { mono: { color: '#a27a4e', amount: 0.8 }, vignette: 0.55, grain: 0.12, flicker: 0.06, scratches: true },
  watercolor: { paper: 0.55, surface: 'wash', edgePool: 0.7 },
  'pixel-art': { pixelate: 1 / 150, retroPalette: true },
  neon: { bloom: 0.4, vignette: 0.45 },
  comic: { halftone: 0.08, vignette: 0.1 },
  sketch: { mono: { color: '#808080', amount: 0.9 }, paper: 0.7 },
  claymation: { paper: 0.5, surface: 'clay', vignette: 0.35, hold: 2 },
  'paper-cut': { paper: 0.6, surface: 'craft', cutShadow: 0.5, vignette: 0.12 },
  'ukiyo-e': { paper: 0.8, surface: 'washi', skyBand: '#1b2a48' },
  'low-poly': { facets: 1 / 24 },
};

export function gradeSpec(style: string, view: { w: number; h: number }, skyVisible: boolean): GradeSpec {
  const grade: GradeSpec = {
    style, letterbox: style === 'cinematic' && view.w / view.h > 1.3 ? 0.12 : 0, vignette: 0, grain: 0, mono: null,
    pixelate: 0, retroPalette: false, facets: 0, halftone: 0, paper: 0, surface: 'paper', skyBand: null, flicker: 0,
    scratches: false, bloom: 0, cutShadow: 0, edgePool: 0, hold: 1, ...styleGrades[style],
  };
  if (!skyVisible) grade.skyBand = null;
  return grade;
}
