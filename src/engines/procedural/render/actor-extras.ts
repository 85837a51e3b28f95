/** What is drawn around an actor: zzz or notes floating up, a glowing halo, a rocket's flame and smoke trail. */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Sprite } from '../assets.js';
import type { ActorState } from '../timeline.js';

/** zzz over a sleeper, notes over a singer: rise, drift and fade on a loop. */
export function drawFloater(ctx: SKRSContext2D, sprite: Sprite, s: ActorState, h: number, t: number): void {
  for (let k = 0; k < 2; k++) {
    const life = (t / 2.4 + k / 2 + s.actor * 0.37) % 1;
    const size = h * (0.22 + 0.12 * life);
    ctx.globalAlpha = Math.sin(Math.PI * life) * 0.95;
    const x = s.x + h * (0.2 + 0.25 * life) + Math.sin(life * 6) * h * 0.05;
    const y = s.y - h * (0.85 + 0.6 * life);
    ctx.drawImage(sprite.canvas, x - size / 2, y - size, size, size);
  }
  ctx.globalAlpha = 1;
}

/** A soft pulsing glow around a lamp, a candle or anything glowing. */
export function drawHalo(ctx: SKRSContext2D, s: ActorState, color: string, h: number, t: number): void {
  const pulse = 0.75 + 0.25 * Math.sin(t * 3 + s.actor);
  const cy = s.y - h * 0.5;
  const r = h * 0.9 * pulse;
  const g = ctx.createRadialGradient(s.x, cy, 0, s.x, cy, r);
  g.addColorStop(0, color.length === 7 ? `${color}99` : color);
  g.addColorStop(1, color.length === 7 ? `${color}00` : 'rgba(0,0,0,0)');
  ctx.save();
  ctx.globalCompositeOperation = 'screen';
  ctx.fillStyle = g;
  ctx.fillRect(s.x - r, cy - r, r * 2, r * 2);
  ctx.restore();
}

/** Flame and a trail of smoke puffs behind a rocket or plane, opposite its direction of travel. */
export function drawExhaust(ctx: SKRSContext2D, s: ActorState, h: number, t: number): void {
  if (s.speed < 0.01) return;
  const angle = s.rot + (s.flip ? Math.PI : 0);
  const cx = s.x;
  const cy = s.y - h / 2;
  // The art is rotated so its nose points along travel; the tail is the opposite way.
  const heading = Math.atan2(Math.sin(angle - Math.PI / 4), Math.cos(angle - Math.PI / 4));
  const bx = -Math.cos(heading);
  const by = -Math.sin(heading);
  ctx.save();
  for (let k = 0; k < 10; k++) {
    const life = (t * 2.2 + k / 10) % 1;
    const d = h * (0.45 + life * 1.4);
    const r = h * (0.06 + life * 0.16);
    ctx.globalAlpha = (1 - life) * 0.45;
    ctx.fillStyle = '#e8e4df';
    ctx.beginPath();
    ctx.arc(cx + bx * d + Math.sin(k * 3.1) * r * 0.5, cy + by * d, r, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.globalAlpha = 0.9;
  ctx.globalCompositeOperation = 'lighter';
  const fx = cx + bx * h * 0.45;
  const fy = cy + by * h * 0.45;
  const g = ctx.createRadialGradient(fx, fy, 0, fx, fy, h * 0.2);
  g.addColorStop(0, 'rgba(255,240,160,0.95)');
  g.addColorStop(0.5, 'rgba(255,140,40,0.6)');
  g.addColorStop(1, 'rgba(255,80,20,0)');
  ctx.fillStyle = g;
  ctx.fillRect(fx - h * 0.2, fy - h * 0.2, h * 0.4, h * 0.4);
  ctx.restore();
}
