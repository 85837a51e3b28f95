/**
 * Drawn primitives: the assets ("shape:*") for nouns that the emoji set has no artwork for (lighthouse, windmill,
 * submarine…) and plain geometric shapes. Drawn live with vector paths, in local coordinates: origin at the bottom
 * centre, height `h`, facing left like the emoji art, so the renderer treats them exactly like sprites.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';

export const shapeAspect: Record<string, number> = {
  circle: 1, square: 1, triangle: 1.1, ring: 1, 'beach-ball': 1, lightbulb: 0.7, lighthouse: 0.36, windmill: 0.75,
  pyramid: 1.6, bridge: 2.6, submarine: 2.1, 'pirate-ship': 1.15, 'hot-air-balloon': 0.78, fireworks: 1.5,
};

export interface ShapeOptions {
  tint: string | null;
  /** 0 in daylight .. 1 at night: lights glow, beams show. */
  night: number;
  outline: string | null;
}

function outline(ctx: SKRSContext2D, o: ShapeOptions, h: number): void {
  if (!o.outline) return;
  ctx.strokeStyle = o.outline;
  ctx.lineWidth = h * 0.02;
  ctx.stroke();
}

/** Draw shape `name` at the current transform; `t` animates moving parts (windmill sails, lighthouse beam). */
export function drawShape(ctx: SKRSContext2D, name: string, h: number, t: number, o: ShapeOptions): void {
  const tint = o.tint;
  ctx.lineJoin = 'round';
  switch (name) {
    case 'circle':
    case 'beach-ball': {
      const r = h / 2;
      if (name === 'beach-ball') {
        const colors = ['#ff4d4d', '#ffffff', '#3a8bff', '#ffffff', '#ffd23f', '#ffffff'];
        colors.forEach((color, i) => {
          ctx.beginPath();
          ctx.moveTo(0, -r);
          ctx.arc(0, -r, r, (i / 6) * Math.PI * 2, ((i + 1) / 6) * Math.PI * 2);
          ctx.closePath();
          ctx.fillStyle = color;
          ctx.fill();
        });
      } else {
        const g = ctx.createRadialGradient(-r * 0.35, -r * 1.35, r * 0.1, 0, -r, r);
        g.addColorStop(0, '#ffffff');
        g.addColorStop(0.25, tint ?? '#ff6b6b');
        g.addColorStop(1, '#00000066');
        ctx.beginPath();
        ctx.arc(0, -r, r, 0, Math.PI * 2);
        ctx.fillStyle = tint ?? '#ff6b6b';
        ctx.fill();
        ctx.fillStyle = g;
        ctx.fill();
      }
      ctx.beginPath();
      ctx.arc(0, -r, r, 0, Math.PI * 2);
      outline(ctx, o, h);
      break;
    }
    case 'square':
    case 'triangle': {
      ctx.beginPath();
      if (name === 'square') ctx.roundRect(-h / 2, -h, h, h, h * 0.12);
      else {
        ctx.moveTo(0, -h);
        ctx.lineTo(h * 0.55, 0);
        ctx.lineTo(-h * 0.55, 0);
        ctx.closePath();
      }
      const g = ctx.createLinearGradient(0, -h, 0, 0);
      g.addColorStop(0, tint ?? (name === 'square' ? '#6c9cff' : '#ffcc4d'));
      g.addColorStop(1, tint ? tint : name === 'square' ? '#3a62c8' : '#e09a1a');
      ctx.fillStyle = g;
      ctx.fill();
      outline(ctx, o, h);
      break;
    }
    case 'ring':
      ctx.beginPath();
      ctx.arc(0, -h / 2, h * 0.4, 0, Math.PI * 2);
      ctx.strokeStyle = tint ?? '#ffd23f';
      ctx.lineWidth = h * 0.14;
      ctx.stroke();
      break;
    case 'lightbulb': {
      const glow = ctx.createRadialGradient(0, -h * 0.62, 0, 0, -h * 0.62, h * 0.7);
      glow.addColorStop(0, 'rgba(255,240,150,0.55)');
      glow.addColorStop(1, 'rgba(255,240,150,0)');
      ctx.fillStyle = glow;
      ctx.fillRect(-h * 0.7, -h * 1.3, h * 1.4, h * 1.4);
      ctx.beginPath();
      ctx.arc(0, -h * 0.62, h * 0.34, 0, Math.PI * 2);
      ctx.fillStyle = tint ?? '#fff1a0';
      ctx.fill();
      ctx.fillStyle = '#9aa0a8';
      ctx.fillRect(-h * 0.14, -h * 0.3, h * 0.28, h * 0.28);
      break;
    }
    case 'lighthouse':
      drawLighthouse(ctx, h, t, o);
      break;
    case 'windmill':
      drawWindmill(ctx, h, t, o);
      break;
    case 'pyramid': {
      const w = h * 0.8;
      ctx.beginPath();
      ctx.moveTo(-w, 0);
      ctx.lineTo(-w * 0.12, -h);
      ctx.lineTo(w * 0.25, 0);
      ctx.closePath();
      ctx.fillStyle = tint ?? '#e9c27a';
      ctx.fill();
      outline(ctx, o, h);
      ctx.beginPath();
      ctx.moveTo(w * 0.25, 0);
      ctx.lineTo(-w * 0.12, -h);
      ctx.lineTo(w, 0);
      ctx.closePath();
      ctx.fillStyle = '#b88a48';
      ctx.fill();
      outline(ctx, o, h);
      ctx.strokeStyle = 'rgba(90,60,30,0.25)';
      ctx.lineWidth = h * 0.01;
      for (let i = 1; i < 8; i++) {
        const y = -h * (i / 8);
        const k = 1 - i / 8;
        ctx.beginPath();
        ctx.moveTo(-w * k - w * 0.12 * (1 - k), y);
        ctx.lineTo(w * k - w * 0.12 * (1 - k), y);
        ctx.stroke();
      }
      break;
    }
    case 'bridge': {
      const w = h * 1.3;
      ctx.fillStyle = tint ?? '#b0a090';
      ctx.fillRect(-w, -h * 0.62, w * 2, h * 0.12);
      ctx.beginPath();
      ctx.moveTo(-w, 0);
      ctx.quadraticCurveTo(0, -h * 1.0, w, 0);
      ctx.lineTo(w * 0.86, 0);
      ctx.quadraticCurveTo(0, -h * 0.72, -w * 0.86, 0);
      ctx.closePath();
      ctx.fill();
      outline(ctx, o, h);
      ctx.strokeStyle = '#7a6a5a';
      ctx.lineWidth = h * 0.02;
      for (let i = -8; i <= 8; i++) {
        ctx.beginPath();
        ctx.moveTo((i / 8) * w, -h * 0.62);
        ctx.lineTo((i / 8) * w, -h * 0.8);
        ctx.stroke();
      }
      ctx.beginPath();
      ctx.moveTo(-w, -h * 0.8);
      ctx.lineTo(w, -h * 0.8);
      ctx.stroke();
      break;
    }
    case 'submarine': {
      const w = h * 1.05;
      ctx.beginPath();
      ctx.ellipse(0, -h * 0.4, w, h * 0.32, 0, 0, Math.PI * 2);
      ctx.fillStyle = tint ?? '#ffcf3f';
      ctx.fill();
      outline(ctx, o, h);
      ctx.fillStyle = '#e0a81f';
      ctx.fillRect(-w * 0.25, -h * 0.95, w * 0.4, h * 0.32);
      ctx.fillRect(-w * 0.1, -h * 1.1, h * 0.05, h * 0.2);
      ctx.fillStyle = '#7ad0ff';
      for (let i = 0; i < 3; i++) {
        ctx.beginPath();
        ctx.arc(-w * 0.45 + i * w * 0.35, -h * 0.42, h * 0.09, 0, Math.PI * 2);
        ctx.fill();
      }
      ctx.fillStyle = '#8a8f98';
      const blade = Math.sin(t * 20) * h * 0.16;
      ctx.fillRect(w * 0.95, -h * 0.42 - Math.abs(blade), h * 0.08, Math.abs(blade) * 2 + h * 0.02);
      break;
    }
    case 'pirate-ship': {
      const w = h * 0.58;
      ctx.beginPath();
      ctx.moveTo(-w, -h * 0.32);
      ctx.lineTo(w * 0.9, -h * 0.36);
      ctx.lineTo(w * 0.7, 0);
      ctx.lineTo(-w * 0.75, 0);
      ctx.closePath();
      ctx.fillStyle = tint ?? '#7a4a2a';
      ctx.fill();
      outline(ctx, o, h);
      ctx.fillStyle = '#4a2a14';
      ctx.fillRect(-w * 0.9, -h * 0.3, w * 1.7, h * 0.04);
      ctx.fillStyle = '#3a2410';
      ctx.fillRect(-w * 0.32, -h * 1.0, h * 0.03, h * 0.7);
      ctx.fillRect(w * 0.3, -h * 0.92, h * 0.03, h * 0.62);
      const sway = Math.sin(t * 1.3) * h * 0.02;
      ctx.fillStyle = '#f6efe0';
      for (const [mx, top, size] of [[-w * 0.32, -h * 0.95, 0.28], [w * 0.3, -h * 0.86, 0.24]] as const) {
        ctx.beginPath();
        ctx.moveTo(mx - w * size * 1.6, top + h * 0.08);
        ctx.quadraticCurveTo(mx - w * size * 0.8 + sway, top + h * 0.3, mx - w * size * 1.6, top + h * 0.5);
        ctx.lineTo(mx + w * size * 1.4, top + h * 0.5);
        ctx.quadraticCurveTo(mx + w * size * 2.0 + sway, top + h * 0.3, mx + w * size * 1.4, top + h * 0.08);
        ctx.closePath();
        ctx.fill();
      }
      ctx.fillStyle = '#111';
      ctx.fillRect(-w * 0.32, -h * 1.0, h * 0.14, h * 0.08);
      break;
    }
    case 'hot-air-balloon': {
      const r = h * 0.36;
      const cy = -h + r;
      const colors = tint ? [tint, '#ffffff'] : ['#ff5a5f', '#ffd23f', '#3ab0ff', '#ffffff'];
      for (let i = 0; i < 6; i++) {
        ctx.beginPath();
        const x0 = -r + (i / 6) * r * 2;
        const x1 = -r + ((i + 1) / 6) * r * 2;
        ctx.moveTo(0, cy - r);
        ctx.bezierCurveTo(x0 * 1.6, cy - r, x0 * 1.35, cy + r * 0.6, x0 * 0.3, cy + r * 1.25);
        ctx.lineTo(x1 * 0.3, cy + r * 1.25);
        ctx.bezierCurveTo(x1 * 1.35, cy + r * 0.6, x1 * 1.6, cy - r, 0, cy - r);
        ctx.fillStyle = colors[i % colors.length] as string;
        ctx.fill();
      }
      ctx.strokeStyle = '#5a4030';
      ctx.lineWidth = h * 0.008;
      ctx.beginPath();
      ctx.moveTo(-r * 0.3, cy + r * 1.25);
      ctx.lineTo(-r * 0.22, -h * 0.12);
      ctx.moveTo(r * 0.3, cy + r * 1.25);
      ctx.lineTo(r * 0.22, -h * 0.12);
      ctx.stroke();
      ctx.fillStyle = '#9a6a3a';
      ctx.fillRect(-r * 0.26, -h * 0.12, r * 0.52, h * 0.12);
      break;
    }
    case 'fireworks': {
      // A big burst and two smaller ones beside it; the burst pose (motion.ts) grows them in a flash and fades them.
      burst(ctx, 0, -h * 0.5, h * 0.5, tint ? [tint, '#fff3c4'] : ['#ffd23f', '#ff5a5f', '#fff3c4']);
      burst(ctx, -h * 0.5, -h * 0.32, h * 0.24, tint ? [tint] : ['#5ad1ff', '#e8fbff']);
      burst(ctx, h * 0.52, -h * 0.4, h * 0.2, tint ? [tint] : ['#b887ff', '#ffd6ff']);
      break;
    }
    default:
      drawShape(ctx, 'circle', h, t, o);
  }
}

/** One firework burst of radius `r` at (cx, cy): a glowing heart, rays in `colors` and a spark at each ray's end. */
function burst(ctx: SKRSContext2D, cx: number, cy: number, r: number, colors: string[]): void {
  const glow = ctx.createRadialGradient(cx, cy, 0, cx, cy, r * 0.45);
  glow.addColorStop(0, 'rgba(255,250,230,0.9)');
  glow.addColorStop(1, 'rgba(255,250,230,0)');
  ctx.fillStyle = glow;
  ctx.fillRect(cx - r * 0.45, cy - r * 0.45, r * 0.9, r * 0.9);
  const rays = 22;
  ctx.lineCap = 'round';
  ctx.lineWidth = r * 0.045;
  for (let i = 0; i < rays; i++) {
    // Fixed, uneven lengths (from the ray's index) so the burst is ragged but the same every frame.
    const a = (i / rays) * Math.PI * 2 + 0.13 * Math.sin(i * 7.1);
    const len = r * (0.78 + 0.22 * Math.abs(Math.sin(i * 3.7)));
    const color = colors[i % colors.length] as string;
    ctx.strokeStyle = color;
    ctx.beginPath();
    ctx.moveTo(cx + Math.cos(a) * r * 0.18, cy + Math.sin(a) * r * 0.18);
    ctx.lineTo(cx + Math.cos(a) * len, cy + Math.sin(a) * len);
    ctx.stroke();
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.arc(cx + Math.cos(a) * (len + r * 0.07), cy + Math.sin(a) * (len + r * 0.07), r * 0.035, 0, Math.PI * 2);
    ctx.fill();
  }
}

/** A new path up the sides of a tower that narrows from half-width `base` at the ground to `top` at height `y`. */
function towerPath(ctx: SKRSContext2D, base: number, top: number, y: number): void {
  ctx.beginPath();
  ctx.moveTo(-base, 0);
  ctx.lineTo(-top, y);
  ctx.lineTo(top, y);
  ctx.lineTo(base, 0);
}

function drawLighthouse(ctx: SKRSContext2D, h: number, t: number, o: ShapeOptions): void {
  const base = h * 0.17;
  const top = h * 0.1;
  const towerTop = -h * 0.74;
  // Rocks at the foot.
  ctx.fillStyle = '#6f6a66';
  ctx.beginPath();
  ctx.ellipse(0, 0, base * 1.9, h * 0.05, 0, Math.PI, 0);
  ctx.fill();
  // Tower, striped red and white, narrowing upward.
  ctx.save();
  towerPath(ctx, base, top, towerTop);
  ctx.closePath();
  ctx.fillStyle = '#f7f4ee';
  ctx.fill();
  ctx.clip();
  ctx.fillStyle = o.tint ?? '#d8353a';
  for (let i = 0; i < 4; i++) {
    const y0 = -h * (0.08 + i * 0.18);
    ctx.fillRect(-base * 1.2, y0 - h * 0.09, base * 2.4, h * 0.09);
  }
  // Shade the right side for volume.
  ctx.fillStyle = 'rgba(0,0,0,0.16)';
  ctx.fillRect(base * 0.15, towerTop, base, h);
  ctx.restore();
  towerPath(ctx, base, top, towerTop);
  outline(ctx, o, h);
  // Gallery, lantern room, dome.
  ctx.fillStyle = '#2e3138';
  ctx.fillRect(-top * 1.5, towerTop - h * 0.02, top * 3, h * 0.025);
  const lampY = towerTop - h * 0.075;
  const on = 0.35 + 0.65 * o.night;
  ctx.fillStyle = `rgba(255,${Math.round(220 + 30 * on)},${Math.round(120 + 60 * on)},1)`;
  ctx.fillRect(-top * 0.95, lampY - h * 0.045, top * 1.9, h * 0.09);
  ctx.fillStyle = '#2e3138';
  ctx.fillRect(-top * 0.12, lampY - h * 0.045, top * 0.24, h * 0.09);
  ctx.beginPath();
  ctx.moveTo(-top * 1.15, lampY - h * 0.045);
  ctx.quadraticCurveTo(0, lampY - h * 0.16, top * 1.15, lampY - h * 0.045);
  ctx.closePath();
  ctx.fillStyle = o.tint ?? '#c82e33';
  ctx.fill();
  if (o.night > 0.05) {
    // The sweeping beam: a cone that rotates about the lamp, foreshortened as it swings toward the viewer.
    const angle = t * 1.4;
    const reach = h * 2.4;
    const swing = Math.cos(angle);
    const spread = h * (0.05 + 0.08 * Math.abs(Math.sin(angle)));
    ctx.save();
    ctx.globalCompositeOperation = 'lighter';
    const g = ctx.createLinearGradient(0, lampY, reach * swing, lampY);
    g.addColorStop(0, `rgba(255,245,200,${(0.55 * o.night).toFixed(3)})`);
    g.addColorStop(1, 'rgba(255,245,200,0)');
    ctx.fillStyle = g;
    ctx.beginPath();
    ctx.moveTo(0, lampY);
    ctx.lineTo(reach * swing, lampY - spread);
    ctx.lineTo(reach * swing, lampY + spread);
    ctx.closePath();
    ctx.fill();
    const halo = ctx.createRadialGradient(0, lampY, 0, 0, lampY, h * 0.18);
    halo.addColorStop(0, `rgba(255,240,180,${(0.8 * o.night).toFixed(3)})`);
    halo.addColorStop(1, 'rgba(255,240,180,0)');
    ctx.fillStyle = halo;
    ctx.fillRect(-h * 0.2, lampY - h * 0.2, h * 0.4, h * 0.4);
    ctx.restore();
  }
}

function drawWindmill(ctx: SKRSContext2D, h: number, t: number, o: ShapeOptions): void {
  const base = h * 0.2;
  const top = h * 0.11;
  const bodyTop = -h * 0.62;
  towerPath(ctx, base, top, bodyTop);
  ctx.closePath();
  ctx.fillStyle = o.tint ?? '#e9dcc4';
  ctx.fill();
  outline(ctx, o, h);
  ctx.fillStyle = '#7a4a2e';
  ctx.beginPath();
  ctx.moveTo(-top * 1.3, bodyTop);
  ctx.lineTo(0, bodyTop - h * 0.12);
  ctx.lineTo(top * 1.3, bodyTop);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = '#5a3a24';
  ctx.beginPath();
  ctx.roundRect(-base * 0.25, -h * 0.16, base * 0.5, h * 0.16, [base * 0.25, base * 0.25, 0, 0]);
  ctx.fill();
  const hubY = bodyTop - h * 0.02;
  const spin = t * 1.6;
  for (let i = 0; i < 4; i++) {
    ctx.save();
    ctx.translate(0, hubY);
    ctx.rotate(spin + (i * Math.PI) / 2);
    ctx.fillStyle = '#6a4a34';
    ctx.fillRect(-h * 0.008, 0, h * 0.016, h * 0.45);
    ctx.fillStyle = 'rgba(250,246,236,0.95)';
    ctx.fillRect(h * 0.01, h * 0.08, h * 0.09, h * 0.36);
    ctx.restore();
  }
  ctx.fillStyle = '#3a2a1e';
  ctx.beginPath();
  ctx.arc(0, hubY, h * 0.025, 0, Math.PI * 2);
  ctx.fill();
}
