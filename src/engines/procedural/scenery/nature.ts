/**
 * Natural props: trees, bushes, cacti, rocks, cave formations, water plants, grass, flowers and cloud puffs. Each
 * adds its geometry to the row's paths: `main` in the prop's colour, `second` in its second colour, `third` white.
 */
import type { PropKind } from '../timeline.js';
import { blob, ell, TAU, tri, type DrawProp, type PropPaths } from './geometry.js';

function conifer({ main, second, third }: PropPaths, x: number, y: number, s: number, snowy: boolean): void {
  second.rect(x - s * 0.04, y - s * 0.16, s * 0.08, s * 0.16);
  for (let k = 0; k < 3; k++) tri(main, x, y - s * (0.12 + k * 0.22), s * (0.52 - k * 0.12), s * (0.45 - k * 0.06));
  if (snowy) for (let k = 0; k < 3; k++) tri(third, x, y - s * (0.3 + k * 0.22), s * (0.26 - k * 0.06), s * (0.25 - k * 0.04));
}

/** Round crowns of leaves: a tree on a trunk, a bush, or a wide hedge. */
function leafy(kind: 'round-tree' | 'bush' | 'hedge', { main, second }: PropPaths, x: number, y: number, s: number, r: number): void {
  if (kind === 'round-tree') second.rect(x - s * 0.045, y - s * 0.45, s * 0.09, s * 0.45);
  const top = kind === 'round-tree' ? y - s * 0.62 : y - s * 0.22;
  const rad = kind === 'hedge' ? s * 0.28 : s * 0.26;
  const n = kind === 'hedge' ? 5 : 4;
  for (let k = 0; k < n; k++) {
    const a = (k / n) * TAU + r * 3;
    blob(main, x + Math.cos(a) * rad * (kind === 'hedge' ? 1.6 : 0.7), top + Math.sin(a) * rad * 0.45, rad * (0.75 + 0.25 * Math.sin(k + r * 7)));
  }
  blob(main, x, top - rad * 0.3, rad);
}

function palm({ main, second }: PropPaths, x: number, y: number, s: number, r: number): void {
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
}

function acacia({ main, second }: PropPaths, x: number, y: number, s: number): void {
  second.moveTo(x - s * 0.03, y);
  second.lineTo(x - s * 0.01, y - s * 0.55);
  second.lineTo(x + s * 0.02, y - s * 0.55);
  second.lineTo(x + s * 0.03, y);
  second.closePath();
  ell(main, x, y - s * 0.62, s * 0.5, s * 0.1, 0, 0, TAU);
}

function cactus({ main }: PropPaths, x: number, y: number, s: number): void {
  main.roundRect(x - s * 0.06, y - s, s * 0.12, s, s * 0.06);
  main.roundRect(x - s * 0.22, y - s * 0.7, s * 0.08, s * 0.3, s * 0.04);
  main.rect(x - s * 0.22, y - s * 0.45, s * 0.2, s * 0.07);
  main.roundRect(x + s * 0.14, y - s * 0.8, s * 0.08, s * 0.3, s * 0.04);
  main.rect(x + s * 0.04, y - s * 0.55, s * 0.18, s * 0.07);
}

function deadTree({ main }: PropPaths, x: number, y: number, s: number): void {
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
}

function rock({ main, second }: PropPaths, x: number, y: number, s: number): void {
  ell(main, x, y, s * 0.6, s * 0.42, 0, Math.PI, TAU);
  ell(second, x + s * 0.15, y, s * 0.35, s * 0.25, 0, Math.PI, TAU);
}

function stalactite({ main }: PropPaths, x: number, y: number, s: number): void {
  main.moveTo(x - s * 0.16, y);
  main.lineTo(x, y + s);
  main.lineTo(x + s * 0.16, y);
  main.closePath();
  main.rect(x - s * 0.6, y - 0.3, s * 1.2, 0.3);
}

function crystal({ main, second }: PropPaths, x: number, y: number, s: number, r: number): void {
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
}

function kelp({ main }: PropPaths, x: number, y: number, s: number, r: number): void {
  for (let k = 0; k < 3; k++) {
    const kx = x + (k - 1) * s * 0.12;
    main.moveTo(kx - s * 0.02, y);
    main.bezierCurveTo(kx - s * 0.15, y - s * 0.35, kx + s * 0.15, y - s * 0.65, kx + s * 0.02 * (k - 1), y - s * (0.8 + 0.2 * r));
    main.bezierCurveTo(kx + s * 0.18, y - s * 0.6, kx - s * 0.1, y - s * 0.35, kx + s * 0.03, y);
    main.closePath();
  }
}

function coral({ main, second }: PropPaths, x: number, y: number, s: number): void {
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
}

function reed({ main, second }: PropPaths, x: number, y: number, s: number, r: number): void {
  for (let k = 0; k < 5; k++) {
    const kx = x + (k - 2) * s * 0.06;
    const h = s * (0.6 + 0.4 * Math.abs(Math.sin(k * 3 + r * 10)));
    main.moveTo(kx - s * 0.008, y);
    main.quadraticCurveTo(kx + (k - 2) * s * 0.05, y - h * 0.6, kx + (k - 2) * s * 0.08, y - h);
    main.lineTo(kx + s * 0.008, y);
    main.closePath();
    if (k % 2 === 0) ell(second, kx + (k - 2) * s * 0.075, y - h * 0.92, s * 0.015, s * 0.06, 0, 0, TAU);
  }
}

function grassTuft({ main }: PropPaths, x: number, y: number, s: number, r: number): void {
  for (let k = 0; k < 7; k++) {
    const a = ((k - 3) / 3) * 0.7;
    const h = s * (0.6 + 0.4 * Math.abs(Math.cos(k + r * 5)));
    main.moveTo(x - s * 0.03 + k * s * 0.01, y);
    main.quadraticCurveTo(x + Math.sin(a) * h * 0.4, y - h * 0.6, x + Math.sin(a) * h, y - h * Math.cos(a));
    main.lineTo(x + s * 0.02 + k * s * 0.01, y);
    main.closePath();
  }
}

function flower({ main, second, third }: PropPaths, x: number, y: number, s: number): void {
  second.rect(x - s * 0.02, y - s * 0.7, s * 0.04, s * 0.7);
  for (let k = 0; k < 5; k++) {
    const a = (k / 5) * TAU;
    blob(main, x + Math.cos(a) * s * 0.13, y - s * 0.75 + Math.sin(a) * s * 0.13, s * 0.1);
  }
  blob(third, x, y - s * 0.75, s * 0.07);
}

/** Large foreground leaves reaching in from the bottom edge, framing the jungle. */
function bigLeaf({ main }: PropPaths, x: number, y: number, s: number, r: number): void {
  for (let k = 0; k < 2; k++) {
    const a = -Math.PI / 2 + (k ? 0.6 : -0.6) + (r - 0.5) * 0.4;
    const ex = x + Math.cos(a) * s;
    const ey = y + Math.sin(a) * s;
    main.moveTo(x, y);
    main.quadraticCurveTo(x + Math.cos(a - 0.5) * s * 0.7, y + Math.sin(a - 0.5) * s * 0.7, ex, ey);
    main.quadraticCurveTo(x + Math.cos(a + 0.5) * s * 0.7, y + Math.sin(a + 0.5) * s * 0.7, x, y);
    main.closePath();
  }
}

function cloudPuff({ main, second }: PropPaths, x: number, y: number, s: number, r: number): void {
  for (let k = 0; k < 5; k++) {
    const cx = x + (k - 2) * s * 0.32;
    const rad = s * (0.28 + 0.18 * Math.sin(k * 1.7 + r * 6) + (k === 2 ? 0.15 : 0));
    blob(second, cx, y - rad * 0.6 + s * 0.05, rad);
    blob(main, cx, y - rad * 0.75, rad);
  }
}

export const natureProps = {
  pine: (paths, x, y, s) => conifer(paths, x, y, s, false),
  'snowy-pine': (paths, x, y, s) => conifer(paths, x, y, s, true),
  'round-tree': (paths, x, y, s, r) => leafy('round-tree', paths, x, y, s, r),
  bush: (paths, x, y, s, r) => leafy('bush', paths, x, y, s, r),
  hedge: (paths, x, y, s, r) => leafy('hedge', paths, x, y, s, r),
  palm,
  acacia,
  cactus,
  'dead-tree': deadTree,
  rock,
  stalagmite: ({ main }, x, y, s) => tri(main, x, y, s * 0.3, s),
  stalactite,
  crystal,
  kelp,
  coral,
  reed,
  'grass-tuft': grassTuft,
  flower,
  'big-leaf': bigLeaf,
  'cloud-puff': cloudPuff,
} satisfies Partial<Record<PropKind, DrawProp>>;
