/**
 * Drawing the scenery layers described by settings.ts. Static geometry (ridges, trees, skylines, ground texture) is
 * built once per shot as Path2D objects in world units and only re-filled each frame under the layer's parallax
 * transform; only what really moves (water, surf, beams, particles, smoke) is rebuilt per frame. That keeps a 1080p
 * frame within budget.
 */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { withAlpha } from './color.js';
import { hash2 } from './prng.js';
import type { LayerItem, LayerSpec, PropKind } from './timeline.js';

const TAU = Math.PI * 2;

/** The world x range a layer shows over the whole shot, and its bottom edge. */
export interface LayerRange {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

interface Built {
  paths: Path2D[];
  edge?: Path2D;
  extra?: unknown;
}

export class LayerPainter {
  private readonly cache = new Map<string, Built>();

  constructor(private readonly horizon: number, private readonly view: { w: number; h: number }) {}

  draw(ctx: SKRSContext2D, layer: LayerSpec, layerIndex: number, range: LayerRange, t: number, night: number): void {
    layer.items.forEach((item, i) => {
      const key = `${layerIndex}:${i}`;
      this.drawItem(ctx, item, key, range, t, night);
    });
  }

  private built(key: string, make: () => Built): Built {
    let entry = this.cache.get(key);
    if (!entry) {
      entry = make();
      this.cache.set(key, entry);
    }
    return entry;
  }

  private drawItem(ctx: SKRSContext2D, item: LayerItem, key: string, r: LayerRange, t: number, night: number): void {
    switch (item.kind) {
      case 'ridge': {
        const b = this.built(key, () => buildRidge(item, r));
        const g = ctx.createLinearGradient(0, item.base - item.amp, 0, item.base + 0.02);
        g.addColorStop(0, item.color);
        g.addColorStop(1, item.color2);
        ctx.fillStyle = g;
        ctx.fill(b.paths[0] as Path2D);
        if (item.cap && b.paths[1]) {
          ctx.fillStyle = item.cap;
          ctx.fill(b.paths[1]);
        }
        if (item.stroke && b.edge) glowStroke(ctx, b.edge, item.stroke, 0.004);
        break;
      }
      case 'fill': {
        const g = ctx.createLinearGradient(0, item.y0, 0, this.view.h + 0.05);
        g.addColorStop(0, item.color);
        g.addColorStop(1, item.color2);
        ctx.fillStyle = g;
        ctx.fillRect(r.x0, item.y0, r.x1 - r.x0, r.y1 - item.y0 + 1);
        if (item.stroke) {
          const p = new Path2D();
          p.moveTo(r.x0, item.y0);
          p.lineTo(r.x1, item.y0);
          glowStroke(ctx, p, item.stroke, 0.004);
        }
        break;
      }
      case 'water':
        drawWater(ctx, item, r, t);
        break;
      case 'shore':
        drawShore(ctx, item, r, t);
        break;
      case 'props': {
        const b = this.built(key, () => buildProps(item, r, this.horizon));
        ctx.fillStyle = item.color2;
        ctx.fill(b.paths[1] as Path2D);
        ctx.fillStyle = item.color;
        ctx.fill(b.paths[0] as Path2D);
        if (b.paths[2]) {
          ctx.fillStyle = withAlpha('#ffffff', 0.85);
          ctx.fill(b.paths[2]);
        }
        if (item.stroke) {
          ctx.strokeStyle = item.stroke;
          ctx.lineWidth = 0.003;
          ctx.stroke(b.paths[0] as Path2D);
        }
        break;
      }
      case 'skyline': {
        const b = this.built(key, () => buildSkyline(item, r));
        ctx.fillStyle = item.color;
        ctx.fill(b.paths[0] as Path2D);
        if (item.windows && b.paths[1]) {
          ctx.fillStyle = item.windows;
          ctx.fill(b.paths[1]);
        }
        if (item.stroke && b.edge) glowStroke(ctx, b.edge, item.stroke, 0.003);
        break;
      }
      case 'backdrop':
        drawBackdrop(ctx, item, r, this.view, this.built(key, () => buildBackdrop(item, r)));
        break;
      case 'volcano':
        drawVolcano(ctx, item, t, this.view);
        break;
      case 'beams':
        drawBeams(ctx, item, r, t, this.view, this.horizon);
        break;
      case 'planet':
        drawPlanet(ctx, item, this.view);
        break;
      case 'particles':
        drawParticles(ctx, item, r, t);
        break;
      case 'texture': {
        const b = this.built(key, () => buildTexture(item, r, this.horizon, this.view));
        if (item.type === 'grid') {
          glowStroke(ctx, b.paths[0] as Path2D, item.color, 0.003);
          glowStroke(ctx, b.paths[1] as Path2D, item.color2, 0.003);
          break;
        }
        if (item.type === 'path' || item.type === 'road') {
          ctx.fillStyle = item.color;
          ctx.fill(b.paths[0] as Path2D);
          if (b.paths[1]) {
            ctx.fillStyle = item.color2;
            ctx.fill(b.paths[1]);
          }
          break;
        }
        if (item.type === 'craters' && night >= 0 && b.paths[2]) {
          ctx.fillStyle = item.color;
          ctx.fill(b.paths[0] as Path2D);
          ctx.fillStyle = item.color2;
          ctx.fill(b.paths[1] as Path2D);
          ctx.fillStyle = item.color2;
          ctx.globalAlpha = 0.6;
          ctx.fill(b.paths[2]);
          ctx.globalAlpha = 1;
          break;
        }
        ctx.fillStyle = item.color;
        ctx.fill(b.paths[0] as Path2D);
        if (b.paths[1]) {
          ctx.fillStyle = item.color2;
          ctx.fill(b.paths[1]);
        }
        break;
      }
    }
  }
}

/** Neon-style edge: a wide faint stroke under a thin bright one reads as a glow without a blur filter. */
function glowStroke(ctx: SKRSContext2D, path: Path2D, color: string, width: number): void {
  ctx.save();
  ctx.strokeStyle = withAlpha(color, 0.18);
  ctx.lineWidth = width * 5;
  ctx.stroke(path);
  ctx.strokeStyle = withAlpha(color, 0.35);
  ctx.lineWidth = width * 2.2;
  ctx.stroke(path);
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.stroke(path);
  ctx.restore();
}

// ----------------------------------------------------------------------------------------------------- ridges

function ridgeValue(x: number, item: Extract<LayerItem, { kind: 'ridge' }>): number {
  let v = 0;
  let norm = 0;
  for (let o = 0; o < 4; o++) {
    const a = 0.5 ** o;
    const f = item.freq * 2 ** o * TAU;
    const s = Math.sin(x * f + hash2(o, 1, item.seed) * TAU);
    const smooth = 0.5 + 0.5 * s;
    const ridged = 1 - Math.abs(s);
    const k = Math.min(1, item.sharp);
    v += a * (smooth * (1 - k) + ridged * k);
    norm += a;
  }
  v /= norm;
  // Very sharp settings read as mesas: flat tops at a common height.
  if (item.sharp > 1.2) v = Math.min(v, 0.72) / 0.72;
  return v;
}

function buildRidge(item: Extract<LayerItem, { kind: 'ridge' }>, r: LayerRange): Built {
  const body = new Path2D();
  const cap = item.cap ? new Path2D() : null;
  const edge = new Path2D();
  const step = 0.008;
  const x0 = r.x0 - 0.05;
  const x1 = r.x1 + 0.05;
  body.moveTo(x0, r.y1 + 1);
  let first = true;
  const capLine = item.base - item.amp * 0.72;
  for (let x = x0; x <= x1 + step; x += step) {
    const y = item.base - item.amp * (0.3 + 0.7 * ridgeValue(x, item));
    body.lineTo(x, y);
    if (first) edge.moveTo(x, y);
    else edge.lineTo(x, y);
    first = false;
  }
  body.lineTo(x1 + step, r.y1 + 1);
  body.closePath();
  if (cap) {
    // Snow caps: the part of the ridge above the cap line, with a ragged lower edge.
    let inCap = false;
    for (let x = x0; x <= x1 + step; x += step) {
      const y = item.base - item.amp * (0.3 + 0.7 * ridgeValue(x, item));
      const limit = capLine + Math.sin(x * 90 + item.seed) * item.amp * 0.04;
      if (y < limit) {
        if (!inCap) {
          cap.moveTo(x, limit);
          inCap = true;
        }
        cap.lineTo(x, y);
      } else if (inCap) {
        cap.lineTo(x, limit);
        cap.closePath();
        inCap = false;
      }
    }
    if (inCap) cap.closePath();
  }
  return cap ? { paths: [body, cap], edge } : { paths: [body], edge };
}

// ------------------------------------------------------------------------------------------------------ props

function buildProps(item: Extract<LayerItem, { kind: 'props' }>, r: LayerRange, horizon: number): Built {
  const main = new Path2D();
  const second = new Path2D();
  const third = new Path2D();
  const first = Math.floor(r.x0 / item.spacing) - 2;
  const last = Math.ceil(r.x1 / item.spacing) + 2;
  for (let i = first; i <= last; i++) {
    const h1 = hash2(i, 7, item.seed);
    const h2 = hash2(i, 11, item.seed);
    const h3 = hash2(i, 13, item.seed);
    if (item.spacing > 0.3 && h3 < 0.18) continue; // gaps in sparse rows look natural
    const x = (i + 0.5 + (h1 - 0.5) * item.jitter) * item.spacing;
    const base = item.base + (h2 - 0.5) * item.spread;
    const s = item.size * (0.75 + 0.5 * h2);
    prop(item.prop, main, second, third, x, base, s, h3, horizon);
  }
  return { paths: [main, second, third] };
}

function tri(p: Path2D, x: number, y: number, w: number, h: number): void {
  p.moveTo(x - w / 2, y);
  p.lineTo(x, y - h);
  p.lineTo(x + w / 2, y);
  p.closePath();
}

/** Path2D.ellipse continues the current subpath with a line; start a new subpath at the ellipse's first point. */
function ell(p: Path2D, x: number, y: number, rx: number, ry: number, rot: number, a0: number, a1: number): void {
  const cx = Math.cos(a0) * rx;
  const cy = Math.sin(a0) * ry;
  p.moveTo(x + cx * Math.cos(rot) - cy * Math.sin(rot), y + cx * Math.sin(rot) + cy * Math.cos(rot));
  p.ellipse(x, y, rx, ry, rot, a0, a1);
}

function blob(p: Path2D, x: number, y: number, r: number): void {
  p.moveTo(x + r, y);
  p.arc(x, y, r, 0, TAU);
}

/** One prop's geometry: `main` takes the prop's colour, `second` its second colour, `third` highlights (snow, lights). */
function prop(kind: PropKind, main: Path2D, second: Path2D, third: Path2D, x: number, y: number, s: number, r: number, horizon: number): void {
  switch (kind) {
    case 'pine':
    case 'snowy-pine': {
      second.rect(x - s * 0.04, y - s * 0.16, s * 0.08, s * 0.16);
      for (let k = 0; k < 3; k++) tri(main, x, y - s * (0.12 + k * 0.22), s * (0.52 - k * 0.12), s * (0.45 - k * 0.06));
      if (kind === 'snowy-pine') for (let k = 0; k < 3; k++) tri(third, x, y - s * (0.3 + k * 0.22), s * (0.26 - k * 0.06), s * (0.25 - k * 0.04));
      break;
    }
    case 'round-tree':
    case 'bush':
    case 'hedge': {
      if (kind === 'round-tree') second.rect(x - s * 0.045, y - s * 0.45, s * 0.09, s * 0.45);
      const top = kind === 'round-tree' ? y - s * 0.62 : y - s * 0.22;
      const rad = kind === 'hedge' ? s * 0.28 : s * 0.26;
      const n = kind === 'hedge' ? 5 : 4;
      for (let k = 0; k < n; k++) {
        const a = (k / n) * TAU + r * 3;
        blob(main, x + Math.cos(a) * rad * (kind === 'hedge' ? 1.6 : 0.7), top + Math.sin(a) * rad * 0.45, rad * (0.75 + 0.25 * Math.sin(k + r * 7)));
      }
      blob(main, x, top - rad * 0.3, rad);
      break;
    }
    case 'palm': {
      const lean = (r - 0.5) * s * 0.3;
      second.moveTo(x - s * 0.03, y);
      second.quadraticCurveTo(x + lean * 0.3, y - s * 0.5, x + lean, y - s);
      second.lineTo(x + lean + s * 0.035, y - s);
      second.quadraticCurveTo(x + lean * 0.3 + s * 0.05, y - s * 0.5, x + s * 0.03, y);
      second.closePath();
      for (let k = 0; k < 6; k++) {
        const a = -Math.PI / 2 + ((k - 2.5) / 2.5) * 1.6;
        const ex = x + lean + Math.cos(a) * s * 0.42;
        const ey = y - s + Math.sin(a) * s * 0.25 + s * 0.12;
        main.moveTo(x + lean, y - s);
        main.quadraticCurveTo(x + lean + Math.cos(a) * s * 0.25, y - s - s * 0.12, ex, ey);
        main.quadraticCurveTo(x + lean + Math.cos(a) * s * 0.2, y - s + s * 0.02, x + lean, y - s + s * 0.03);
        main.closePath();
      }
      break;
    }
    case 'acacia': {
      second.moveTo(x - s * 0.03, y);
      second.lineTo(x - s * 0.01, y - s * 0.55);
      second.lineTo(x + s * 0.02, y - s * 0.55);
      second.lineTo(x + s * 0.03, y);
      second.closePath();
      ell(main, x, y - s * 0.62, s * 0.5, s * 0.1, 0, 0, TAU);
      break;
    }
    case 'cactus': {
      main.roundRect(x - s * 0.06, y - s, s * 0.12, s, s * 0.06);
      main.roundRect(x - s * 0.22, y - s * 0.7, s * 0.08, s * 0.3, s * 0.04);
      main.rect(x - s * 0.22, y - s * 0.45, s * 0.2, s * 0.07);
      main.roundRect(x + s * 0.14, y - s * 0.8, s * 0.08, s * 0.3, s * 0.04);
      main.rect(x + s * 0.04, y - s * 0.55, s * 0.18, s * 0.07);
      break;
    }
    case 'dead-tree': {
      main.moveTo(x - s * 0.03, y);
      main.lineTo(x - s * 0.015, y - s);
      main.lineTo(x + s * 0.015, y - s);
      main.lineTo(x + s * 0.03, y);
      main.closePath();
      for (let k = 0; k < 4; k++) {
        const by = y - s * (0.4 + k * 0.15);
        const dir = k % 2 ? 1 : -1;
        main.moveTo(x, by);
        main.lineTo(x + dir * s * 0.25, by - s * 0.15);
        main.lineTo(x + dir * s * 0.25, by - s * 0.13);
        main.lineTo(x, by + s * 0.03);
        main.closePath();
      }
      break;
    }
    case 'rock':
    case 'stalagmite': {
      if (kind === 'stalagmite') tri(main, x, y, s * 0.3, s);
      else {
        ell(main, x, y, s * 0.6, s * 0.42, 0, Math.PI, TAU);
        ell(second, x + s * 0.15, y, s * 0.35, s * 0.25, 0, Math.PI, TAU);
      }
      break;
    }
    case 'stalactite':
      main.moveTo(x - s * 0.16, y);
      main.lineTo(x, y + s);
      main.lineTo(x + s * 0.16, y);
      main.closePath();
      main.rect(x - s * 0.6, y - 0.3, s * 1.2, 0.3);
      break;
    case 'crystal': {
      for (let k = 0; k < 3; k++) {
        const cx = x + (k - 1) * s * 0.22;
        const h = s * (0.6 + 0.4 * Math.abs(Math.sin(k + r * 9)));
        const target = k % 2 ? main : second;
        target.moveTo(cx - s * 0.08, y);
        target.lineTo(cx - s * 0.06, y - h * 0.8);
        target.lineTo(cx, y - h);
        target.lineTo(cx + s * 0.06, y - h * 0.8);
        target.lineTo(cx + s * 0.08, y);
        target.closePath();
      }
      break;
    }
    case 'kelp': {
      for (let k = 0; k < 3; k++) {
        const kx = x + (k - 1) * s * 0.12;
        main.moveTo(kx - s * 0.02, y);
        main.bezierCurveTo(kx - s * 0.15, y - s * 0.35, kx + s * 0.15, y - s * 0.65, kx + s * 0.02 * (k - 1), y - s * (0.8 + 0.2 * r));
        main.bezierCurveTo(kx + s * 0.18, y - s * 0.6, kx - s * 0.1, y - s * 0.35, kx + s * 0.03, y);
        main.closePath();
      }
      break;
    }
    case 'coral': {
      for (let k = 0; k < 5; k++) {
        const a = -Math.PI / 2 + (k - 2) * 0.45;
        const ex = x + Math.cos(a) * s * 0.7;
        const ey = y + Math.sin(a) * s * 0.9;
        const target = k % 2 ? main : second;
        target.moveTo(x - s * 0.04, y);
        target.quadraticCurveTo(x + Math.cos(a) * s * 0.3, y + Math.sin(a) * s * 0.5, ex, ey);
        target.arc(ex, ey, s * 0.07, 0, TAU);
        target.quadraticCurveTo(x + Math.cos(a) * s * 0.3 + s * 0.05, y + Math.sin(a) * s * 0.5, x + s * 0.04, y);
        target.closePath();
      }
      break;
    }
    case 'reed': {
      for (let k = 0; k < 5; k++) {
        const kx = x + (k - 2) * s * 0.06;
        const h = s * (0.6 + 0.4 * Math.abs(Math.sin(k * 3 + r * 10)));
        main.moveTo(kx - s * 0.008, y);
        main.quadraticCurveTo(kx + (k - 2) * s * 0.05, y - h * 0.6, kx + (k - 2) * s * 0.08, y - h);
        main.lineTo(kx + s * 0.008, y);
        main.closePath();
        if (k % 2 === 0) ell(second, kx + (k - 2) * s * 0.075, y - h * 0.92, s * 0.015, s * 0.06, 0, 0, TAU);
      }
      break;
    }
    case 'grass-tuft': {
      for (let k = 0; k < 7; k++) {
        const a = ((k - 3) / 3) * 0.7;
        const h = s * (0.6 + 0.4 * Math.abs(Math.cos(k + r * 5)));
        main.moveTo(x - s * 0.03 + k * s * 0.01, y);
        main.quadraticCurveTo(x + Math.sin(a) * h * 0.4, y - h * 0.6, x + Math.sin(a) * h, y - h * Math.cos(a));
        main.lineTo(x + s * 0.02 + k * s * 0.01, y);
        main.closePath();
      }
      break;
    }
    case 'flower': {
      second.rect(x - s * 0.02, y - s * 0.7, s * 0.04, s * 0.7);
      for (let k = 0; k < 5; k++) {
        const a = (k / 5) * TAU;
        blob(main, x + Math.cos(a) * s * 0.13, y - s * 0.75 + Math.sin(a) * s * 0.13, s * 0.1);
      }
      blob(third, x, y - s * 0.75, s * 0.07);
      break;
    }
    case 'fence': {
      main.rect(x - s * 0.05, y - s, s * 0.1, s);
      main.moveTo(x - s * 0.05, y - s);
      main.lineTo(x, y - s * 1.12);
      main.lineTo(x + s * 0.05, y - s);
      main.closePath();
      second.rect(x - s * 0.5, y - s * 0.78, s * 1.0, s * 0.1);
      second.rect(x - s * 0.5, y - s * 0.38, s * 1.0, s * 0.1);
      break;
    }
    case 'lamp-post': {
      main.rect(x - s * 0.012, y - s, s * 0.024, s);
      main.rect(x - s * 0.03, y - s * 0.06, s * 0.06, s * 0.06);
      main.moveTo(x, y - s);
      main.quadraticCurveTo(x + s * 0.02, y - s * 1.08, x + s * 0.12, y - s * 1.05);
      main.lineTo(x + s * 0.12, y - s * 1.03);
      main.quadraticCurveTo(x + s * 0.02, y - s * 1.05, x + s * 0.005, y - s * 0.98);
      main.closePath();
      ell(third, x + s * 0.12, y - s * 1.02, s * 0.035, s * 0.015, 0, 0, TAU);
      break;
    }
    case 'bollard':
      main.roundRect(x - s * 0.25, y - s, s * 0.5, s, [s * 0.25, s * 0.25, 0, 0]);
      break;
    case 'pier-post':
      main.rect(x - s * 0.06, y - s, s * 0.12, s * 1.4);
      second.rect(x - s * 0.08, y - s * 1.05, s * 0.16, s * 0.08);
      break;
    case 'crane': {
      main.rect(x - s * 0.03, y - s, s * 0.06, s);
      main.rect(x - s * 0.2, y - s * 1.02, s * 0.8, s * 0.05);
      second.rect(x + s * 0.45, y - s * 0.97, s * 0.008, s * 0.45);
      break;
    }
    case 'house':
    case 'barn': {
      const w = s * (kind === 'barn' ? 1.2 : 0.8);
      main.rect(x - w / 2, y - s * 0.6, w, s * 0.6);
      second.moveTo(x - w * 0.6, y - s * 0.58);
      second.lineTo(x, y - s * (kind === 'barn' ? 1.0 : 0.95));
      second.lineTo(x + w * 0.6, y - s * 0.58);
      second.closePath();
      third.rect(x - w * 0.12, y - s * 0.35, w * 0.24, s * 0.35);
      if (kind === 'barn') {
        third.rect(x - w * 0.35, y - s * 0.5, w * 0.15, s * 0.12);
        third.rect(x + w * 0.2, y - s * 0.5, w * 0.15, s * 0.12);
      }
      break;
    }
    case 'big-leaf': {
      // Large foreground leaves reaching in from the bottom edge, framing the jungle.
      for (let k = 0; k < 2; k++) {
        const a = -Math.PI / 2 + (k ? 0.6 : -0.6) + (r - 0.5) * 0.4;
        const ex = x + Math.cos(a) * s;
        const ey = y + Math.sin(a) * s;
        main.moveTo(x, y);
        main.quadraticCurveTo(x + Math.cos(a - 0.5) * s * 0.7, y + Math.sin(a - 0.5) * s * 0.7, ex, ey);
        main.quadraticCurveTo(x + Math.cos(a + 0.5) * s * 0.7, y + Math.sin(a + 0.5) * s * 0.7, x, y);
        main.closePath();
      }
      break;
    }
    case 'crowd': {
      blob(main, x, y - s * 0.55, s * 0.17);
      ell(main, x, y, s * 0.36, s * 0.4, 0, Math.PI, TAU);
      break;
    }
    case 'cloud-puff': {
      for (let k = 0; k < 5; k++) {
        const cx = x + (k - 2) * s * 0.32;
        const rad = s * (0.28 + 0.18 * Math.sin(k * 1.7 + r * 6) + (k === 2 ? 0.15 : 0));
        blob(second, cx, y - rad * 0.6 + s * 0.05, rad);
        blob(main, cx, y - rad * 0.75, rad);
      }
      break;
    }
  }
  void horizon;
}

// ---------------------------------------------------------------------------------------------------- skyline

function buildSkyline(item: Extract<LayerItem, { kind: 'skyline' }>, r: LayerRange): Built {
  const body = new Path2D();
  const windows = new Path2D();
  const edge = new Path2D();
  let x = Math.floor((r.x0 - 0.2) / item.width) * item.width;
  let i = 0;
  let started = false;
  while (x < r.x1 + 0.2) {
    const h1 = hash2(Math.round(x * 1000), 3, item.seed);
    const h2 = hash2(Math.round(x * 1000), 5, item.seed);
    const w = item.width * (0.6 + 0.8 * h1);
    const h = item.height * (0.3 + 0.7 * h2 * h2 + 0.1 * Math.sin(i));
    const top = item.base - h;
    body.rect(x, top, w * 0.96, h + 0.4);
    if (h2 > 0.7) body.rect(x + w * 0.45, top - h * 0.12, w * 0.04, h * 0.12);
    if (h1 > 0.75) {
      body.moveTo(x, top);
      body.lineTo(x + w * 0.48, top - w * 0.4);
      body.lineTo(x + w * 0.96, top);
      body.closePath();
    }
    if (!started) {
      edge.moveTo(x, top);
      started = true;
    } else edge.lineTo(x, top);
    edge.lineTo(x + w * 0.96, top);
    if (item.windows) {
      const cols = Math.max(2, Math.floor((w / item.width) * 4));
      const rows = Math.max(2, Math.floor(h / (item.width * 0.35)));
      const cw = (w * 0.96) / cols;
      const rh = h / rows;
      for (let cx = 0; cx < cols; cx++) {
        for (let ry = 0; ry < rows - 1; ry++) {
          if (hash2(i * 97 + cx, ry, item.seed) < item.lit) windows.rect(x + cx * cw + cw * 0.25, top + ry * rh + rh * 0.3, cw * 0.5, rh * 0.4);
        }
      }
    }
    x += w;
    i++;
  }
  return { paths: [body, windows], edge };
}

// ----------------------------------------------------------------------------------------------------- texture

function buildTexture(item: Extract<LayerItem, { kind: 'texture' }>, r: LayerRange, horizon: number, view: { w: number; h: number }): Built {
  const a = new Path2D();
  const b = new Path2D();
  const c = new Path2D();
  const bottom = Math.max(view.h + 0.1, r.y1);
  const depthOf = (y: number): number => Math.max(0.05, (y - horizon) / Math.max(0.05, view.h - horizon));
  const vanishX = view.w / 2;
  switch (item.type) {
    case 'grass':
    case 'sand':
    case 'snow': {
      // Rows get sparser and marks larger toward the viewer, which sells the ground plane's perspective.
      let row = 0;
      for (let y = item.y0 + 0.006; y < bottom; row++) {
        const d = depthOf(y);
        const step = 0.035 * (0.5 + d);
        for (let x = r.x0 - 0.05; x < r.x1 + 0.05; x += step) {
          const h1 = hash2(Math.round(x * 500), row, item.seed);
          const h2 = hash2(Math.round(x * 500), row + 1000, item.seed);
          const px = x + h1 * step;
          const py = y + h2 * 0.01 * d;
          const target = h2 > 0.5 ? a : b;
          if (item.type === 'grass') {
            const len = 0.012 * (0.4 + d) * (0.7 + h1 * 0.6);
            const lean = (h2 - 0.5) * len * 0.8;
            target.moveTo(px - len * 0.12, py);
            target.lineTo(px + lean, py - len);
            target.lineTo(px + len * 0.12, py);
            target.closePath();
          } else if (item.type === 'sand') {
            ell(target, px, py, 0.004 * (0.4 + d), 0.0012 * (0.4 + d), 0, 0, TAU);
          } else {
            if (h1 > 0.6) ell(target, px, py, 0.01 * (0.4 + d), 0.0025 * (0.4 + d), 0, 0, TAU);
          }
        }
        y += 0.012 * (0.5 + d * 1.5);
      }
      return { paths: [a, b] };
    }
    case 'planks':
    case 'crops': {
      // Lines converging on a vanishing point above the horizon.
      const n = item.type === 'planks' ? 28 : 40;
      const spread = (r.x1 - r.x0) * 2.5;
      for (let k = 0; k <= n; k++) {
        const bx = vanishX - spread / 2 + (k / n) * spread;
        const tx = vanishX + (bx - vanishX) * 0.12;
        const w = item.type === 'planks' ? 0.0025 : 0.006;
        a.moveTo(tx - w * 0.2, item.y0);
        a.lineTo(tx + w * 0.2, item.y0);
        a.lineTo(bx + w * 2, bottom);
        a.lineTo(bx - w * 2, bottom);
        a.closePath();
      }
      if (item.type === 'planks') {
        for (let y = item.y0 + 0.02, k = 0; y < bottom; y += 0.03 * (0.3 + depthOf(y) * 2), k++) b.rect(r.x0 - 1, y, r.x1 - r.x0 + 2, 0.0015);
      }
      return { paths: [a, b] };
    }
    case 'road': {
      // Asphalt band between sidewalks, with a dashed centre line.
      const top = item.y0 + (bottom - item.y0) * 0.18;
      const bot = item.y0 + (view.h - item.y0) * 0.92;
      a.rect(r.x0 - 1, top, r.x1 - r.x0 + 2, bot - top);
      const mid = (top + bot) / 2;
      for (let x = Math.floor(r.x0 / 0.2) * 0.2 - 0.2; x < r.x1 + 0.2; x += 0.2) b.rect(x, mid - 0.004, 0.1, 0.008);
      b.rect(r.x0 - 1, top, r.x1 - r.x0 + 2, 0.004);
      b.rect(r.x0 - 1, bot - 0.004, r.x1 - r.x0 + 2, 0.004);
      return { paths: [a, b] };
    }
    case 'path': {
      const y = item.y0 + (view.h - item.y0) * 0.55;
      a.moveTo(r.x0 - 1, y);
      for (let x = r.x0 - 1; x <= r.x1 + 1; x += 0.05) a.lineTo(x, y + Math.sin(x * 2.2 + item.seed) * 0.025);
      for (let x = r.x1 + 1; x >= r.x0 - 1; x -= 0.05) a.lineTo(x, y + 0.07 + Math.sin(x * 2.2 + item.seed) * 0.025);
      a.closePath();
      return { paths: [a] };
    }
    case 'craters': {
      for (let k = 0; k < 60; k++) {
        const x = r.x0 + hash2(k, 1, item.seed) * (r.x1 - r.x0);
        const y = item.y0 + 0.02 + hash2(k, 2, item.seed) ** 1.5 * (view.h - item.y0);
        const d = depthOf(y);
        const rad = (0.01 + hash2(k, 3, item.seed) * 0.03) * (0.4 + d);
        ell(a, x, y, rad, rad * 0.32, 0, 0, TAU);
        ell(b, x, y + rad * 0.05, rad * 0.8, rad * 0.22, 0, 0, Math.PI);
        ell(c, x + rad * 0.1, y - rad * 0.02, rad * 0.75, rad * 0.2, 0, Math.PI, TAU);
      }
      return { paths: [a, b, c] };
    }
    case 'grid': {
      for (let k = 0; k < 18; k++) {
        const y = item.y0 + (bottom - item.y0) * ((k / 18) ** 2.2);
        a.moveTo(r.x0 - 1, y);
        a.lineTo(r.x1 + 1, y);
      }
      const spread = (r.x1 - r.x0) * 3;
      for (let k = 0; k <= 40; k++) {
        const bx = vanishX - spread / 2 + (k / 40) * spread;
        b.moveTo(vanishX + (bx - vanishX) * 0.08, item.y0);
        b.lineTo(bx, bottom);
      }
      return { paths: [a, b] };
    }
  }
}

// ---------------------------------------------------------------------------------------------- water, shore

function drawWater(ctx: SKRSContext2D, item: Extract<LayerItem, { kind: 'water' }>, r: LayerRange, t: number): void {
  const g = ctx.createLinearGradient(0, item.y0, 0, item.y1);
  g.addColorStop(0, item.color);
  g.addColorStop(1, item.color2);
  ctx.fillStyle = g;
  const x0 = r.x0 - 0.05;
  const x1 = r.x1 + 0.05;
  if (item.amp > 0.012) {
    // Big water: a rolling top edge, built per frame.
    const p = new Path2D();
    p.moveTo(x0, item.y1 + 1);
    for (let x = x0; x <= x1 + 0.02; x += 0.02) p.lineTo(x, waveY(item, x, t));
    p.lineTo(x1 + 0.02, item.y1 + 1);
    p.closePath();
    ctx.fill(p);
    if (item.foam) {
      const crest = new Path2D();
      for (let x = x0; x <= x1; x += 0.02) {
        const y = waveY(item, x, t);
        const slope = waveY(item, x + 0.01, t) - y;
        if (slope < -item.amp * 0.08) {
          crest.moveTo(x, y);
          crest.lineTo(x + 0.02, waveY(item, x + 0.02, t));
        }
      }
      ctx.strokeStyle = withAlpha(item.foam, 0.85);
      ctx.lineWidth = 0.006;
      ctx.lineCap = 'round';
      ctx.stroke(crest);
    }
  } else {
    ctx.fillRect(x0, item.y0, x1 - x0, item.y1 - item.y0);
  }
  // Glints: short dashes drifting along rows that get longer toward the viewer.
  const glints = new Path2D();
  for (let row = 0; row < item.lines; row++) {
    const f = (row + 0.5) / item.lines;
    const y = item.y0 + (item.y1 - item.y0) * f ** 1.5 + (item.amp > 0.012 ? item.amp * 0.6 : 0);
    const len = 0.015 + 0.05 * f;
    const gap = len * 3.2;
    const shift = ((t * item.speed * (0.02 + 0.04 * f) + hash2(row, 0, item.seed)) % 1) * gap * 4;
    for (let x = Math.floor(x0 / gap) * gap - gap; x < x1; x += gap) {
      const h = hash2(Math.round(x / gap), row, item.seed);
      if (h < 0.45) continue;
      const wob = Math.sin(t * 1.5 + h * 20) * 0.3 + 0.7;
      const gx = x + shift + h * gap;
      glints.rect(gx, y, len * wob, 0.0018 + 0.0025 * f);
    }
  }
  ctx.fillStyle = withAlpha(item.highlight, 0.55);
  ctx.fill(glints);
}

function waveY(item: Extract<LayerItem, { kind: 'water' }>, x: number, t: number): number {
  const w = item.speed;
  return item.y0 + item.amp * (0.6 * Math.sin(x * 9 - t * 1.6 * w + item.seed) + 0.4 * Math.sin(x * 17 + t * 1.1 * w + item.seed * 0.3));
}

function drawShore(ctx: SKRSContext2D, item: Extract<LayerItem, { kind: 'shore' }>, r: LayerRange, t: number): void {
  // Waves run up the sand and draw back: a wet band and two foam lines that breathe with a 4 s swell.
  const x0 = r.x0 - 0.05;
  const x1 = r.x1 + 0.05;
  const swell = (x: number, k: number): number => item.y + 0.012 * Math.sin((t / 4) * TAU + k) + 0.004 * Math.sin(x * 14 + t * 0.8 + k);
  const wet = new Path2D();
  wet.moveTo(x0, item.y - 0.01);
  for (let x = x0; x <= x1; x += 0.02) wet.lineTo(x, swell(x, 0) + 0.012);
  wet.lineTo(x1, item.y + 0.04);
  wet.lineTo(x0, item.y + 0.04);
  wet.closePath();
  ctx.fillStyle = withAlpha(item.color, 0.55);
  ctx.fill(wet);
  for (const [k, alpha, width] of [[0, 0.9, 0.006], [2.1, 0.55, 0.004]] as const) {
    const foam = new Path2D();
    let first = true;
    for (let x = x0; x <= x1; x += 0.02) {
      const y = swell(x, k) - (k ? 0.012 : 0);
      if (first) foam.moveTo(x, y);
      else foam.lineTo(x, y);
      first = false;
    }
    ctx.strokeStyle = withAlpha(item.foam, alpha);
    ctx.lineWidth = width;
    ctx.stroke(foam);
  }
}

// ----------------------------------------------------------------------------------------- backdrops, extras

function buildBackdrop(item: Extract<LayerItem, { kind: 'backdrop' }>, r: LayerRange): Built {
  const p = new Path2D();
  if (item.type === 'cave') {
    for (let k = 0; k < 40; k++) {
      const x = r.x0 + hash2(k, 1, 5) * (r.x1 - r.x0);
      const y = hash2(k, 2, 5) * 1.2;
      ell(p, x, y, 0.05 + hash2(k, 3, 5) * 0.12, 0.03 + hash2(k, 4, 5) * 0.06, hash2(k, 5, 5), 0, TAU);
    }
  }
  return { paths: [p] };
}

function drawBackdrop(ctx: SKRSContext2D, item: Extract<LayerItem, { kind: 'backdrop' }>, r: LayerRange, view: { w: number; h: number }, built: Built): void {
  const w = r.x1 - r.x0;
  switch (item.type) {
    case 'underwater':
    case 'cave': {
      const g = ctx.createLinearGradient(0, r.y0, 0, view.h);
      g.addColorStop(0, item.color);
      g.addColorStop(1, item.color2);
      ctx.fillStyle = g;
      ctx.fillRect(r.x0, r.y0 - 1, w, r.y1 - r.y0 + 2);
      if (item.type === 'cave') {
        ctx.fillStyle = withAlpha(item.accent, 0.35);
        ctx.fill(built.paths[0] as Path2D);
      }
      break;
    }
    case 'wall': {
      const g = ctx.createLinearGradient(0, 0, 0, view.h);
      g.addColorStop(0, item.color);
      g.addColorStop(1, item.color2);
      ctx.fillStyle = g;
      ctx.fillRect(r.x0, r.y0 - 1, w, r.y1 - r.y0 + 2);
      // Wainscot, a window onto the sky outside, a framed picture.
      ctx.fillStyle = withAlpha('#000000', 0.08);
      ctx.fillRect(r.x0, view.h * 0.52, w, view.h * 0.02);
      const wx = view.w * 0.26;
      const ww = Math.min(0.42, view.w * 0.22);
      const wy = view.h * 0.12;
      const wh = view.h * 0.32;
      if (item.window) {
        const sky = ctx.createLinearGradient(0, wy, 0, wy + wh);
        sky.addColorStop(0, item.window.top);
        sky.addColorStop(1, item.window.bottom);
        ctx.fillStyle = sky;
        ctx.fillRect(wx - ww / 2, wy, ww, wh);
      }
      ctx.strokeStyle = '#f8f4ec';
      ctx.lineWidth = 0.012;
      ctx.strokeRect(wx - ww / 2, wy, ww, wh);
      ctx.beginPath();
      ctx.moveTo(wx, wy);
      ctx.lineTo(wx, wy + wh);
      ctx.moveTo(wx - ww / 2, wy + wh / 2);
      ctx.lineTo(wx + ww / 2, wy + wh / 2);
      ctx.lineWidth = 0.007;
      ctx.stroke();
      const px = view.w * 0.74;
      ctx.fillStyle = '#6a4a2a';
      ctx.fillRect(px - 0.09, view.h * 0.16, 0.18, 0.13);
      ctx.fillStyle = item.accent;
      ctx.fillRect(px - 0.075, view.h * 0.16 + 0.015, 0.15, 0.1);
      break;
    }
    case 'curtains': {
      const folds = ctx.createLinearGradient(r.x0, 0, r.x0 + 0.16, 0);
      folds.addColorStop(0, item.color2);
      folds.addColorStop(0.5, item.color);
      folds.addColorStop(1, item.color2);
      ctx.fillStyle = item.color2;
      ctx.fillRect(r.x0, r.y0 - 1, w, r.y1 - r.y0 + 2);
      for (let x = Math.floor(r.x0 / 0.16) * 0.16; x < r.x1; x += 0.16) {
        const g = ctx.createLinearGradient(x, 0, x + 0.16, 0);
        g.addColorStop(0, item.color2);
        g.addColorStop(0.5, item.color);
        g.addColorStop(1, item.color2);
        ctx.fillStyle = g;
        ctx.fillRect(x, r.y0 - 1, 0.16, r.y1 - r.y0 + 2);
      }
      ctx.fillStyle = item.color;
      ctx.fillRect(r.x0, -1, w, 1 + view.h * 0.1);
      ctx.fillStyle = item.accent;
      ctx.fillRect(r.x0, view.h * 0.1, w, 0.012);
      break;
    }
  }
}

function drawVolcano(ctx: SKRSContext2D, item: Extract<LayerItem, { kind: 'volcano' }>, t: number, view: { w: number; h: number }): void {
  const x = item.x * view.w;
  const top = item.base - item.height;
  const w = item.height * 1.6;
  ctx.beginPath();
  ctx.moveTo(x - w, item.base + 0.02);
  ctx.quadraticCurveTo(x - w * 0.3, item.base - item.height * 0.5, x - w * 0.12, top);
  ctx.lineTo(x + w * 0.12, top);
  ctx.quadraticCurveTo(x + w * 0.3, item.base - item.height * 0.5, x + w, item.base + 0.02);
  ctx.closePath();
  ctx.fillStyle = item.color;
  ctx.fill();
  // Lava glow in the crater and streaks down the flank.
  ctx.save();
  ctx.globalCompositeOperation = 'lighter';
  const glow = ctx.createRadialGradient(x, top, 0, x, top, item.height * 0.5);
  glow.addColorStop(0, withAlpha(item.lava, 0.9));
  glow.addColorStop(1, withAlpha(item.lava, 0));
  ctx.fillStyle = glow;
  ctx.fillRect(x - item.height * 0.5, top - item.height * 0.5, item.height, item.height);
  ctx.strokeStyle = withAlpha(item.lava, 0.75);
  ctx.lineWidth = 0.008;
  for (let k = 0; k < 3; k++) {
    ctx.beginPath();
    ctx.moveTo(x + (k - 1) * w * 0.06, top);
    ctx.quadraticCurveTo(x + (k - 1) * w * 0.2, top + item.height * 0.4, x + (k - 1) * w * 0.3 + Math.sin(k) * 0.02, top + item.height * (0.55 + k * 0.1));
    ctx.stroke();
  }
  ctx.restore();
  // Smoke: puffs rising and spreading from the crater.
  ctx.fillStyle = withAlpha(item.smoke, 0.55);
  const smoke = new Path2D();
  for (let k = 0; k < 14; k++) {
    const life = ((t * 0.12 + k / 14) % 1 + 1) % 1;
    const sy = top - life * item.height * 1.1;
    const sx = x + Math.sin(k * 2.3 + life * 3) * life * 0.15 + life * 0.1;
    const rad = 0.02 + life * 0.09;
    smoke.moveTo(sx + rad, sy);
    smoke.arc(sx, sy, rad, 0, TAU);
  }
  ctx.fill(smoke);
}

function drawBeams(ctx: SKRSContext2D, item: Extract<LayerItem, { kind: 'beams' }>, r: LayerRange, t: number, view: { w: number; h: number }, horizon: number): void {
  ctx.save();
  ctx.globalCompositeOperation = 'screen';
  for (let k = 0; k < item.count; k++) {
    const h1 = hash2(k, 1, item.seed);
    const sway = Math.sin(t * 0.3 + k * 1.7) * 0.04;
    if (item.from === 'top') {
      const x = r.x0 + (k + 0.5) / item.count * (r.x1 - r.x0) + (h1 - 0.5) * 0.1;
      const w = 0.03 + h1 * 0.06;
      const g = ctx.createLinearGradient(0, -0.1, 0, view.h * 0.85);
      g.addColorStop(0, item.color);
      g.addColorStop(1, 'rgba(255,255,255,0)');
      ctx.fillStyle = g;
      ctx.beginPath();
      ctx.moveTo(x - w, -0.1);
      ctx.lineTo(x + w, -0.1);
      ctx.lineTo(x + w * 3 + 0.2 + sway, view.h * 0.85);
      ctx.lineTo(x - w + 0.2 + sway, view.h * 0.85);
      ctx.closePath();
      ctx.fill();
    } else {
      const x0 = view.w * (0.1 + 0.8 * ((k + 0.5) / item.count));
      const tx = view.w * 0.5 + (x0 - view.w * 0.5) * 0.35 + sway * 3;
      const floor = horizon + (view.h - horizon) * 0.45;
      const g = ctx.createLinearGradient(0, 0, 0, floor);
      g.addColorStop(0, 'rgba(255,248,220,0.05)');
      g.addColorStop(1, item.color);
      ctx.fillStyle = g;
      ctx.beginPath();
      ctx.moveTo(x0 - 0.01, 0);
      ctx.lineTo(x0 + 0.01, 0);
      ctx.lineTo(tx + 0.13, floor);
      ctx.lineTo(tx - 0.13, floor);
      ctx.closePath();
      ctx.fill();
      ctx.fillStyle = item.color;
      ctx.beginPath();
      ctx.ellipse(tx, floor, 0.13, 0.03, 0, 0, TAU);
      ctx.fill();
    }
  }
  ctx.restore();
}

function drawPlanet(ctx: SKRSContext2D, item: Extract<LayerItem, { kind: 'planet' }>, view: { w: number; h: number }): void {
  const x = item.x * view.w;
  const y = item.y * view.h;
  const ring = item.ring;
  if (ring) {
    ctx.strokeStyle = withAlpha(ring, 0.8);
    ctx.lineWidth = item.r * 0.12;
    ctx.beginPath();
    ctx.ellipse(x, y, item.r * 1.9, item.r * 0.45, -0.35, Math.PI, TAU);
    ctx.stroke();
  }
  const g = ctx.createRadialGradient(x - item.r * 0.4, y - item.r * 0.4, item.r * 0.1, x, y, item.r);
  g.addColorStop(0, item.color);
  g.addColorStop(0.7, item.color2);
  g.addColorStop(1, '#120a18');
  ctx.fillStyle = g;
  ctx.beginPath();
  ctx.arc(x, y, item.r, 0, TAU);
  ctx.fill();
  if (ring) {
    ctx.strokeStyle = withAlpha(ring, 0.9);
    ctx.lineWidth = item.r * 0.12;
    ctx.beginPath();
    ctx.ellipse(x, y, item.r * 1.9, item.r * 0.45, -0.35, 0, Math.PI);
    ctx.stroke();
  }
}

function drawParticles(ctx: SKRSContext2D, item: Extract<LayerItem, { kind: 'particles' }>, r: LayerRange, t: number): void {
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
