/**
 * The weather in front of everything, in screen space (pixels) over the whole frame: fog banks, snow, rain,
 * wind-blown leaves with streaks, and lightning (a bolt and a flash).
 */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { withAlpha } from '../color.js';
import { hash2, mulberry32 } from '../prng.js';
import { TAU } from '../scenery/geometry.js';
import type { WeatherSpec } from '../timeline.js';

/** Weather particles in screen space (pixels), over the whole frame. */
export function drawWeather(ctx: SKRSContext2D, w: WeatherSpec, width: number, height: number, unit: number, t: number, flash: number, camShift: number): void {
  if (w.fog) {
    for (let b = 0; b < w.fog.bands; b++) {
      const y = height * (0.35 + 0.14 * b) + Math.sin(t * 0.2 + b) * height * 0.02;
      const bh = height * (0.22 + 0.05 * (b % 2));
      const g = ctx.createLinearGradient(0, y - bh / 2, 0, y + bh / 2);
      g.addColorStop(0, withAlpha(w.fog.color, 0));
      g.addColorStop(0.5, withAlpha(w.fog.color, w.fog.alpha * (0.6 + 0.4 * Math.sin(t * 0.3 + b * 2))));
      g.addColorStop(1, withAlpha(w.fog.color, 0));
      ctx.fillStyle = g;
      ctx.fillRect(0, y - bh / 2, width, bh);
    }
    ctx.fillStyle = withAlpha(w.fog.color, 0.18);
    ctx.fillRect(0, 0, width, height);
  }
  if (w.snow) {
    const near = new Path2D();
    const far = new Path2D();
    for (let k = 0; k < w.snow.count; k++) {
      const h1 = hash2(k, 1, w.seed);
      const h2 = hash2(k, 2, w.seed);
      const h3 = hash2(k, 3, w.seed);
      const depth = 0.5 + h3;
      const y = ((h2 * height + t * w.snow.speed * unit * depth * 1.5) % (height + 20)) - 10;
      const x = ((h1 * (width + 40) + Math.sin(t * 0.9 + k) * w.snow.drift * unit - camShift * unit * depth) % (width + 40) + width + 40) % (width + 40) - 20;
      const r = w.snow.size * unit * depth;
      const target = h3 > 0.5 ? near : far;
      target.moveTo(x + r, y);
      target.arc(x, y, r, 0, TAU);
    }
    ctx.fillStyle = withAlpha('#ffffff', 0.6);
    ctx.fill(far);
    ctx.fillStyle = withAlpha('#ffffff', 0.92);
    ctx.fill(near);
  }
  if (w.rain) {
    const p = new Path2D();
    const len = w.rain.length * unit;
    for (let k = 0; k < w.rain.count; k++) {
      const h1 = hash2(k, 1, w.seed);
      const h2 = hash2(k, 2, w.seed);
      const speed = w.rain.speed * unit * (0.8 + h2 * 0.4);
      const y = ((h2 * height + t * speed) % (height + len)) - len;
      const x = ((h1 * (width + 200) + w.rain.slant * (y + t * speed * 0.2)) % (width + 200)) - 100;
      p.moveTo(x, y);
      p.lineTo(x - w.rain.slant * len, y + len);
    }
    ctx.strokeStyle = w.rain.color;
    ctx.lineWidth = Math.max(1, unit / 900);
    ctx.stroke(p);
  }
  if (w.wind && w.wind.leaves > 0) {
    const leaves = new Path2D();
    for (let k = 0; k < w.wind.leaves; k++) {
      const h1 = hash2(k, 1, w.seed);
      const h2 = hash2(k, 2, w.seed);
      const x = ((h1 * width + t * unit * (0.35 + h2 * 0.3)) % (width + 60)) - 30;
      const y = height * (0.15 + 0.75 * h2) + Math.sin(t * 2 + k) * unit * 0.03;
      const r = unit * (0.006 + 0.004 * h1);
      const rot = t * 4 + k;
      leaves.moveTo(x + r * 1.6 * Math.cos(rot), y + r * 1.6 * Math.sin(rot));
      leaves.ellipse(x, y, r * 1.6, r * 0.7, rot, 0, TAU);
    }
    ctx.fillStyle = withAlpha(w.wind.color, 0.9);
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
  if (flash > 0) {
    if (flash > 0.7) {
      const strike = Math.floor(t * 3);
      const bolt = new Path2D();
      let x = width * (0.2 + 0.6 * hash2(strike, 5, w.seed));
      let y = 0;
      bolt.moveTo(x, y);
      const rand = mulberry32(strike * 7 + w.seed);
      while (y < height * 0.6) {
        y += height * (0.04 + rand() * 0.05);
        x += (rand() - 0.5) * unit * 0.08;
        bolt.lineTo(x, y);
      }
      ctx.strokeStyle = 'rgba(230,240,255,0.95)';
      ctx.lineWidth = Math.max(2, unit / 300);
      ctx.stroke(bolt);
    }
    ctx.fillStyle = `rgba(235,240,255,${(flash * 0.45).toFixed(3)})`;
    ctx.fillRect(0, 0, width, height);
  }
}
