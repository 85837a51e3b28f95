/** Particles in the air or water, animated per frame: bubbles, embers, fireflies, dust, pollen and sparkles. */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { withAlpha } from '../color.js';
import { hash2 } from '../prng.js';
import type { LayerItem } from '../timeline.js';
import { TAU, type LayerRange } from './geometry.js';

/** Every particle moves as a function of its hashed seed and t, so nothing is kept between frames. */
export function drawParticles(ctx: SKRSContext2D, item: Extract<LayerItem, { kind: 'particles' }>, r: LayerRange, t: number): void {
  const w = r.x1 - r.x0;
  const h = r.y1 - r.y0;
  const p = new Path2D();
  const glow = new Path2D();
  for (let k = 0; k < item.count; k++) {
    const h1 = hash2(k, 1, item.seed);
    const h2 = hash2(k, 2, item.seed);
    const h3 = hash2(k, 3, item.seed);
    let x = r.x0 + h1 * w;
    let y: number;
    let rad = 0.003 + h3 * 0.004;
    switch (item.type) {
      case 'bubbles': {
        const life = (h2 + t * (0.08 + h3 * 0.08)) % 1;
        y = r.y1 - life * h;
        x += Math.sin(t * 2 + k) * 0.01;
        rad = 0.004 + h3 * 0.01;
        p.moveTo(x + rad, y);
        p.arc(x, y, rad, 0, TAU);
        continue;
      }
      case 'embers': {
        const life = (h2 + t * (0.12 + h3 * 0.1)) % 1;
        y = r.y1 - life * h;
        x += Math.sin(t * 1.3 + k) * 0.03;
        rad = 0.0025 + h3 * 0.003;
        break;
      }
      case 'fireflies': {
        x += Math.sin(t * 0.5 + k * 1.3) * 0.05;
        y = r.y0 + h * (0.35 + 0.6 * h2) + Math.sin(t * 0.7 + k) * 0.03;
        const blink = 0.5 + 0.5 * Math.sin(t * (1.5 + h3) + k * 2);
        if (blink < 0.3) continue;
        rad = 0.003 + blink * 0.002;
        glow.moveTo(x + rad * 3, y);
        glow.arc(x, y, rad * 3, 0, TAU);
        break;
      }
      case 'dust':
      case 'pollen':
      case 'sparkles':
      default: {
        x += Math.sin(t * 0.2 + k) * 0.04 + t * 0.01;
        y = r.y0 + h * h2 + Math.sin(t * 0.3 + k * 0.7) * 0.02;
        rad = 0.0015 + h3 * 0.002;
        break;
      }
    }
    p.moveTo(x + rad, y);
    p.arc(x, y, rad, 0, TAU);
  }
  if (item.type === 'bubbles') {
    ctx.strokeStyle = withAlpha(item.color, 0.7);
    ctx.lineWidth = 0.0018;
    ctx.stroke(p);
    return;
  }
  ctx.save();
  if (item.type === 'embers' || item.type === 'fireflies') ctx.globalCompositeOperation = 'lighter';
  if (item.type === 'fireflies') {
    ctx.fillStyle = withAlpha(item.color, 0.18);
    ctx.fill(glow);
  }
  ctx.fillStyle = withAlpha(item.color, item.type === 'dust' || item.type === 'pollen' ? 0.45 : 0.9);
  ctx.fill(p);
  ctx.restore();
}
