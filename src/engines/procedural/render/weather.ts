/**
 * The weather in front of everything, in screen space (pixels) over the whole frame: fog banks rolling past, snow,
 * rain in two depths with splashes where it lands, wind-blown leaves with streaks, and lightning (a forked bolt and
 * a flash). Every particle's path is a pure function of its index, the seed and the time, so any frame can be drawn
 * on its own and the same seed always gives the same storm.
 */
import { Canvas, Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { withAlpha } from '../color.js';
import { hash2, mulberry32 } from '../prng.js';
import { TAU } from '../scenery/geometry.js';
import type { WeatherSpec } from '../timeline.js';

/** The band of the frame fog banks roll through (fractions of the height). */
const FOG_TOP = 0.28;
const FOG_BOTTOM = 0.98;

/** Fog bank textures by weather spec and frame size: made once, scrolled every frame. */
const fogBanks = new WeakMap<WeatherSpec, { key: string; canvas: Canvas }>();

/**
 * Soft banks of fog: overlapping blurry ellipses along a few bands, twice the frame wide and wrapping seamlessly, so
 * scrolling it is a plain copy.
 */
function fogTexture(w: WeatherSpec, fog: NonNullable<WeatherSpec['fog']>, width: number, height: number): Canvas {
  const key = `${width}x${height}`;
  const cached = fogBanks.get(w);
  if (cached?.key === key) return cached.canvas;
  const tw = width * 2;
  const th = Math.round(height * (FOG_BOTTOM - FOG_TOP));
  const canvas = new Canvas(tw, th);
  const ctx = canvas.getContext('2d');
  const rand = mulberry32(w.seed ^ 0x5f06);
  for (let b = 0; b < fog.bands; b++) {
    const y = th * ((b + 0.5) / fog.bands);
    for (let k = 0; k < 14; k++) {
      const x = rand() * tw;
      const rx = width * (0.12 + rand() * 0.16);
      const ry = th * (0.07 + rand() * 0.07);
      const alpha = fog.alpha * (0.45 + rand() * 0.55);
      // Drawn again one texture-width over, so the bank is seamless where the texture wraps.
      for (const shift of [-tw, 0, tw]) {
        const g = ctx.createRadialGradient(x + shift, y, 0, x + shift, y, rx);
        g.addColorStop(0, withAlpha(fog.color, alpha));
        g.addColorStop(1, withAlpha(fog.color, 0));
        ctx.save();
        ctx.translate(x + shift, y);
        ctx.scale(1, ry / rx);
        ctx.translate(-(x + shift), -y);
        ctx.fillStyle = g;
        ctx.fillRect(x + shift - rx, y - rx, rx * 2, rx * 2);
        ctx.restore();
      }
    }
  }
  fogBanks.set(w, { key, canvas });
  return canvas;
}

/** The fog texture scrolled by `offset` pixels (wrapping), over the fog band of the frame. */
function drawFogLayer(ctx: SKRSContext2D, texture: Canvas, offset: number, alpha: number, dy: number, width: number, height: number): void {
  const tw = texture.width;
  const x = ((offset % tw) + tw) % tw;
  const y = height * FOG_TOP + dy;
  ctx.globalAlpha = alpha;
  const first = Math.min(width, tw - x);
  ctx.drawImage(texture, x, 0, first, texture.height, 0, y, first, texture.height);
  if (first < width) ctx.drawImage(texture, 0, 0, width - first, texture.height, first, y, width - first, texture.height);
  ctx.globalAlpha = 1;
}

function drawFog(ctx: SKRSContext2D, w: WeatherSpec, fog: NonNullable<WeatherSpec['fog']>, width: number, height: number, unit: number, t: number, camShift: number): void {
  ctx.fillStyle = withAlpha(fog.color, 0.16);
  ctx.fillRect(0, 0, width, height);
  const texture = fogTexture(w, fog, width, height);
  // Two banks at different distances drift at different speeds and follow the camera by their depth.
  drawFogLayer(ctx, texture, t * unit * 0.025 + camShift * unit * 0.3, 0.8, -height * 0.06, width, height);
  drawFogLayer(ctx, texture, width * 0.7 + t * unit * 0.06 + camShift * unit * 0.8, 0.9, height * 0.05, width, height);
}

/** White discs by radius (in quarter pixels), painted once and stamped for every flake of that size. */
const flakeDiscs = new Map<number, Canvas>();

function flakeDisc(radius: number): Canvas {
  const quarters = Math.max(1, Math.round(radius * 4));
  let disc = flakeDiscs.get(quarters);
  if (!disc) {
    const size = Math.ceil(quarters / 2) + 2;
    disc = new Canvas(size, size);
    const ctx = disc.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.beginPath();
    ctx.arc(size / 2, size / 2, quarters / 4, 0, TAU);
    ctx.fill();
    flakeDiscs.set(quarters, disc);
  }
  return disc;
}

/**
 * Snow: far flakes faint, near ones bright. Each flake is a stamped disc rather than an arc in a path: a few hundred
 * small copies cost Skia a fraction of filling a path of as many antialiased circles.
 */
function drawSnow(ctx: SKRSContext2D, w: WeatherSpec, snow: NonNullable<WeatherSpec['snow']>, width: number, height: number, unit: number, t: number, camShift: number): void {
  // Copied unfiltered, at whole pixels: half a pixel off where a flake falls several pixels a frame is not seen, and
  // it halves the cost of the stamps.
  const smoothing = ctx.imageSmoothingEnabled;
  ctx.imageSmoothingEnabled = false;
  for (const near of [false, true]) {
    ctx.globalAlpha = near ? 0.92 : 0.6;
    for (let k = 0; k < snow.count; k++) {
      const h3 = hash2(k, 3, w.seed);
      if (h3 > 0.5 !== near) continue;
      const h1 = hash2(k, 1, w.seed);
      const h2 = hash2(k, 2, w.seed);
      const depth = 0.5 + h3;
      const y = ((h2 * height + t * snow.speed * unit * depth * 1.5) % (height + 20)) - 10;
      const x = ((h1 * (width + 40) + Math.sin(t * 0.9 + k) * snow.drift * unit - camShift * unit * depth) % (width + 40) + width + 40) % (width + 40) - 20;
      const disc = flakeDisc(snow.size * unit * depth);
      ctx.drawImage(disc, x - disc.width / 2, y - disc.height / 2);
    }
  }
  ctx.globalAlpha = 1;
  ctx.imageSmoothingEnabled = smoothing;
}

/** Rain: far streaks short and faint, near ones long and bright, all slanted by the wind; rings where drops land. */
function drawRain(ctx: SKRSContext2D, w: WeatherSpec, rain: NonNullable<WeatherSpec['rain']>, width: number, height: number, unit: number, t: number): void {
  const len = rain.length * unit;
  const near = new Path2D();
  const far = new Path2D();
  for (let k = 0; k < rain.count; k++) {
    const h1 = hash2(k, 1, w.seed);
    const h2 = hash2(k, 2, w.seed);
    const close = hash2(k, 4, w.seed) < 0.35;
    const l = close ? len : len * 0.55;
    const speed = rain.speed * unit * (close ? 1.15 : 0.75) * (0.85 + h2 * 0.3);
    const y = ((h2 * height + t * speed) % (height + l)) - l;
    const x = ((h1 * (width + 200) + rain.slant * (y + t * speed * 0.2)) % (width + 200)) - 100;
    const path = close ? near : far;
    path.moveTo(x, y);
    path.lineTo(x - rain.slant * l, y + l);
  }
  ctx.strokeStyle = rain.color;
  ctx.lineWidth = Math.max(1, unit / 1100);
  ctx.globalAlpha = 0.6;
  ctx.stroke(far);
  ctx.globalAlpha = 1;
  ctx.lineWidth = Math.max(1, unit / 700);
  ctx.stroke(near);
  // Splashes: small rings that open and fade on the ground in front of the camera.
  const rings = new Path2D();
  const splashes = Math.round(rain.count / 10);
  for (let k = 0; k < splashes; k++) {
    const period = 0.35 + hash2(k, 5, w.seed) * 0.3;
    const phase = (t / period + hash2(k, 6, w.seed)) % 1;
    const cycle = Math.floor(t / period + hash2(k, 6, w.seed));
    const x = hash2(k, cycle, w.seed ^ 0x51) * width;
    const y = height * (0.8 + 0.19 * hash2(k, cycle + 7, w.seed ^ 0x52));
    const r = unit * 0.012 * (0.3 + phase);
    rings.moveTo(x + r, y);
    rings.ellipse(x, y, r, r * 0.3, 0, 0, TAU);
  }
  ctx.globalAlpha = 0.45;
  ctx.lineWidth = Math.max(1, unit / 1000);
  ctx.stroke(rings);
  ctx.globalAlpha = 1;
}

function drawLeaves(ctx: SKRSContext2D, w: WeatherSpec, wind: NonNullable<WeatherSpec['wind']>, width: number, height: number, unit: number, t: number): void {
  const leaves = new Path2D();
  for (let k = 0; k < wind.leaves; k++) {
    const h1 = hash2(k, 1, w.seed);
    const h2 = hash2(k, 2, w.seed);
    const x = ((h1 * width + t * unit * (0.35 + h2 * 0.3)) % (width + 60)) - 30;
    const y = height * (0.15 + 0.75 * h2) + Math.sin(t * 2 + k) * unit * 0.03;
    const r = unit * (0.006 + 0.004 * h1);
    const rot = t * 4 + k;
    leaves.moveTo(x + r * 1.6 * Math.cos(rot), y + r * 1.6 * Math.sin(rot));
    leaves.ellipse(x, y, r * 1.6, r * 0.7, rot, 0, TAU);
  }
  ctx.fillStyle = withAlpha(wind.color, 0.9);
  ctx.fill(leaves);
  // Faint streaks sell the gusts.
  const streaks = new Path2D();
  for (let k = 0; k < 10; k++) {
    const y = height * hash2(k, 7, w.seed);
    const x = ((hash2(k, 8, w.seed) * width + t * unit * 1.2) % (width + unit)) - unit * 0.5;
    streaks.moveTo(x, y);
    streaks.lineTo(x + unit * 0.18, y);
  }
  ctx.strokeStyle = 'rgba(255,255,255,0.16)';
  ctx.lineWidth = Math.max(1, unit / 700);
  ctx.stroke(streaks);
}

/** A jagged bolt from the top of the frame, with a forked branch or two, drawn as a glow under a white core. */
function drawBolt(ctx: SKRSContext2D, w: WeatherSpec, width: number, height: number, unit: number, strike: number): void {
  const rand = mulberry32(strike * 7 + w.seed);
  const bolt = new Path2D();
  const fork = (x0: number, y0: number, bottom: number, spread: number, branches: number): void => {
    let x = x0;
    let y = y0;
    bolt.moveTo(x, y);
    while (y < bottom) {
      y += height * (0.03 + rand() * 0.05);
      x += (rand() - 0.5) * unit * spread;
      bolt.lineTo(x, y);
      if (branches > 0 && rand() < 0.22) {
        branches--;
        fork(x, y, y + height * (0.12 + rand() * 0.15), spread * 0.8, 0);
        bolt.moveTo(x, y);
      }
    }
  };
  fork(width * (0.2 + 0.6 * hash2(strike, 5, w.seed)), 0, height * (0.5 + 0.2 * rand()), 0.08, 2);
  ctx.strokeStyle = 'rgba(170,190,255,0.35)';
  ctx.lineWidth = Math.max(4, unit / 80);
  ctx.stroke(bolt);
  ctx.strokeStyle = 'rgba(240,245,255,0.97)';
  ctx.lineWidth = Math.max(2, unit / 320);
  ctx.stroke(bolt);
}

/** Weather particles in screen space (pixels), over the whole frame. */
export function drawWeather(ctx: SKRSContext2D, w: WeatherSpec, width: number, height: number, unit: number, t: number, flash: number, camShift: number): void {
  if (w.fog) drawFog(ctx, w, w.fog, width, height, unit, t, camShift);
  if (w.snow) drawSnow(ctx, w, w.snow, width, height, unit, t, camShift);
  if (w.rain) drawRain(ctx, w, w.rain, width, height, unit, t);
  if (w.wind && w.wind.leaves > 0) drawLeaves(ctx, w, w.wind, width, height, unit, t);
  if (flash > 0) {
    if (flash > 0.7) drawBolt(ctx, w, width, height, unit, Math.floor(t * 3));
    ctx.fillStyle = `rgba(235,240,255,${(flash * 0.5).toFixed(3)})`;
    ctx.fillRect(0, 0, width, height);
  }
}
