/**
 * The paths subjects travel: which path a subject gets from its action, place and direction, how the members of a
 * group share it, and where a path puts its traveller at time t. Paths are plain data in the timeline, so the same
 * inputs always move the same way.
 */
import type { NounEntry } from '../lexicon/nouns.js';
import type { Rng } from '../prng.js';
import type { Zones } from '../settings.js';
import type { PathSpec, Place, ShotTrack } from '../timeline.js';

/**
 * Travellers that loop around (leave one side, come back on the other) instead of turning round: vehicles, fliers and
 * swimmers pass through a scene; runners and riders turn at the edge and stay in it.
 */
const wrapping = new Set(['drive', 'race', 'sail', 'fly', 'glide', 'swim', 'surf', 'drift', 'dive']);

/** An axis-aligned rectangle in world units. */
export interface Rect {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** What a shot's subjects are laid out in: the setting's zones, the part of the ground that stays in view, the clock. */
export interface Layout {
  zones: Zones;
  safe: Rect;
  view: { w: number; h: number };
  seconds: number;
  rng: Rng;
  tracking: boolean;
}

/** Smooth start and stop for p in 0..1 (camera moves, approaches). */
export const easeInOut = (p: number): number => 0.5 - 0.5 * Math.cos(Math.PI * Math.max(0, Math.min(1, p)));

/**
 * Distance covered (0..1) at p (0..1) of a leg that speeds up over the first `a` of its time, cruises, and slows
 * down over the last `a`: a walker pacing back and forth slows to turn instead of bouncing off the edge.
 */
function trapezoid(p: number, a: number): number {
  if (a <= 0) return p;
  const top = 1 / (1 - a);
  if (p < a) return (top * p * p) / (2 * a);
  if (p > 1 - a) return 1 - (top * (1 - p) * (1 - p)) / (2 * a);
  return top * (p - a / 2);
}

/** Seconds a pacing traveller takes to slow down and turn round at each end. */
const TURN_SECONDS = 0.35;

/** Where a pacing traveller is in its back-and-forth: which leg (0 outward from x0, 1 back) and how far along. */
function pingpongLeg(path: Extract<PathSpec, { kind: 'pingpong' }>, t: number): { leg: 0 | 1; p: number; span: number } {
  const span = Math.max(0.001, path.x1 - path.x0);
  const d = path.start * span + path.dir * path.speed * t;
  const m = ((d % (2 * span)) + 2 * span) % (2 * span);
  return m <= span ? { leg: 0, p: m / span, span } : { leg: 1, p: (m - span) / span, span };
}

/** Gravity for things dropped (world units/s²) and how much of its speed a landing thing keeps. */
const GRAVITY = 2.6;
const RESTITUTION = 0.32;

/** Height above the floor of something dropped from `h` at time `t` after letting go: a fall, then smaller hops. */
export function dropHeight(h: number, t: number): number {
  if (t <= 0) return h;
  const fall = Math.sqrt((2 * h) / GRAVITY);
  if (t < fall) return h - 0.5 * GRAVITY * t * t;
  let v = GRAVITY * fall * RESTITUTION;
  let since = t - fall;
  while (v > 0.02) {
    const air = (2 * v) / GRAVITY;
    if (since < air) return v * since - 0.5 * GRAVITY * since * since;
    since -= air;
    v *= RESTITUTION;
  }
  return 0;
}

/** Position (feet) and path scale of a path at t. */
export function pathAt(shot: ShotTrack, path: PathSpec, t: number, depth = 0): { x: number; y: number; s: number } {
  switch (path.kind) {
    case 'static':
      return { x: path.x, y: path.y, s: 1 };
    case 'travel': {
      if (!path.wrap || path.vx === 0) return { x: path.x + path.vx * t, y: path.y + path.vy * t, s: 1 };
      const [a, b] = path.wrap;
      const span = b - a;
      const raw = path.x - a + path.vx * t;
      const u = ((raw % span) + span) % span;
      // y advances with x inside each lap, so diagonal travellers (shooting stars) restart where they began.
      const lapOffset = u - (path.x - a);
      return { x: a + u, y: path.y + (path.vy / path.vx) * lapOffset, s: 1 };
    }
    case 'pingpong': {
      const { leg, p, span } = pingpongLeg(path, t);
      const eased = trapezoid(p, Math.min(0.35, (TURN_SECONDS * path.speed) / span));
      return { x: leg === 0 ? path.x0 + span * eased : path.x1 - span * eased, y: path.y, s: 1 };
    }
    case 'orbit': {
      let cx = path.cx;
      let cy = path.cy;
      if (path.around !== null && depth < 3) {
        const target = shot.actors[path.around];
        if (target) {
          const centre = pathAt(shot, target.path, t, depth + 1);
          cx = centre.x;
          cy = centre.y - target.size * target.perspective * 0.5;
        }
      }
      const a = (Math.PI * 2 * t) / path.period + path.phase;
      return { x: cx + Math.cos(a) * path.rx, y: cy + Math.sin(a) * path.ry, s: 1 + Math.sin(a) * 0.18 };
    }
    case 'follow': {
      const target = shot.actors[path.target];
      if (!target || depth >= 3) return { x: 0, y: 0, s: 1 };
      const at = pathAt(shot, target.path, t - path.lag, depth + 1);
      return { x: at.x, y: at.y + path.dy, s: at.s };
    }
    case 'fall': {
      const span = path.y1 - path.y0;
      if (!path.loop) return { x: path.x, y: path.y1 - dropHeight(span, t - path.delay), s: 1 };
      // Leaves and snowflakes drift down at their own pace and start again at the top.
      const d = Math.max(0, t - path.delay) * path.speed;
      return { x: path.x, y: path.y0 + (((d % span) + span) % span), s: 1 };
    }
    case 'approach': {
      const p = easeInOut(t / Math.max(0.001, shot.seconds));
      return { x: path.x, y: path.y0 + (path.y1 - path.y0) * p, s: path.s0 + (path.s1 - path.s0) * p };
    }
    case 'rise': {
      const p = Math.max(0, t - path.delay) / Math.max(0.001, shot.seconds - path.delay);
      return { x: path.x, y: path.y0 + (path.y1 - path.y0) * p * p, s: 1 };
    }
  }
}

/**
 * Which way a traveller faces at t where its velocity cannot tell (a pacer slowing to turn): +1 right, -1 left, or 0
 * when the path has no opinion and the velocity decides.
 */
export function headingAt(shot: ShotTrack, path: PathSpec, t: number, depth = 0): number {
  if (path.kind === 'pingpong') {
    const { leg } = pingpongLeg(path, t);
    return leg === 0 ? path.dir : -path.dir;
  }
  if (path.kind === 'follow' && depth < 3) {
    const target = shot.actors[path.target];
    return target ? headingAt(shot, target.path, t - path.lag, depth + 1) : 0;
  }
  return 0;
}

/**
 * Place a group member relative to the group's path: side by side for travellers and static groups, staggered in
 * time for falling things. Pacers and risers are then locked together by keepFormation.
 */
export function inFormation(path: PathSpec, offsetX: number, member: number, rng: Rng): PathSpec {
  switch (path.kind) {
    case 'static':
    case 'approach':
    case 'rise':
    case 'travel':
      return { ...path, x: path.x + offsetX };
    case 'fall':
      return { ...path, x: path.x + offsetX, delay: path.loop ? -rng.float() * ((path.y1 - path.y0) / path.speed) : path.delay + member * 0.15 };
    case 'pingpong':
    case 'follow':
    case 'orbit':
      return path;
  }
}

/**
 * A group that paces back and forth moves as one body: each member keeps its place in the row and the whole row
 * turns at the edges, so nobody walks through anybody. A group rising goes up together, each member as far as the
 * lowest needs to clear the top, so the formation rises intact instead of bunching at the top.
 */
export function keepFormation(paths: PathSpec[], offsets: number[]): PathSpec[] {
  const lead = paths[0];
  if (lead?.kind === 'pingpong') {
    const lo = Math.min(...offsets);
    const hi = Math.max(...offsets);
    // A row as wide as the range barely paces at all, but still never overlaps itself.
    const span = Math.max(0.02, lead.x1 - lead.x0 - (hi - lo));
    return paths.map((path, m) => {
      if (path.kind !== 'pingpong') return path;
      const x0 = lead.x0 - lo + (offsets[m] as number);
      return { ...path, x0, x1: x0 + span };
    });
  }
  if (lead?.kind === 'rise' && paths.length > 1) {
    const climb = Math.max(...paths.map((path) => (path.kind === 'rise' ? path.y0 - path.y1 : 0)));
    return paths.map((path, m) => (path.kind === 'rise' ? { ...path, y1: path.y0 - climb, delay: lead.delay + m * 0.08 } : path));
  }
  return paths;
}

/** One group member's situation, from which its path follows. */
interface PathInput {
  action: string;
  place: Place;
  entry: NounEntry;
  dirWord: string;
  dir: 1 | -1;
  speed: number;
  x: number;
  y: number;
  w: number;
  layout: Layout;
  member: number;
  count: number;
}

/** The path one member of a subject group travels. */
export function buildPath(input: PathInput): PathSpec {
  const { action, place, dirWord, dir, speed, x, y, w, layout, member, count } = input;
  const { safe, seconds, view, rng, zones } = layout;
  if (place === 'sky' && (action === 'fly')) {
    // Shooting stars and comets streak diagonally and come round again.
    return { kind: 'travel', x, y, vx: -0.7 * (dir === 1 ? -1 : 1), vy: 0.25, wrap: [safe.x0 - 1.5, safe.x1 + 1.5] };
  }
  if (action === 'fall' || (dirWord === 'down' && place === 'air')) {
    const loop = count > 1 || input.entry.kind === 'plant' || input.entry.noun === 'snowflake';
    const floor = zones.ground ? zones.ground[1] - 0.02 : view.h + w;
    const top = safe.y0 - w * 1.2;
    return { kind: 'fall', x, y0: top, y1: floor, speed: loop ? 0.12 + rng.float() * 0.08 : 0.5, delay: loop ? 0 : 0.2, loop, sway: 0.4 };
  }
  if (action === 'rise' || (dirWord === 'up' && place !== 'ground' && place !== 'fixed')) {
    return { kind: 'rise', x, y0: y, y1: safe.y0 - w * 1.5, delay: 0.3 + member * 0.25 };
  }
  if (action === 'sink') return { kind: 'rise', x, y0: y, y1: Math.min(view.h, y + 0.25), delay: 0 };
  if (dirWord === 'toward' || dirWord === 'away') {
    const near = place === 'ground' ? (zones.ground?.[1] ?? y) - 0.02 : y + 0.05;
    const far = place === 'ground' ? (zones.ground?.[0] ?? y) + 0.02 : y - 0.05;
    return dirWord === 'toward'
      ? { kind: 'approach', x, y0: far, y1: near, s0: 0.45, s1: 1.35 }
      : { kind: 'approach', x, y0: near, y1: far, s0: 1.35, s1: 0.45 };
  }
  if (dirWord === 'around' || action === 'orbit') {
    const rx = Math.min(0.3, (safe.x1 - safe.x0) * 0.3);
    return { kind: 'orbit', cx: (safe.x0 + safe.x1) / 2, cy: y, rx, ry: rx * 0.3, period: 5, phase: (member / Math.max(1, count)) * Math.PI * 2, around: null };
  }
  if (speed <= 0 || place === 'fixed') return { kind: 'static', x, y };

  const travel = speed * seconds;
  const span = safe.x1 - safe.x0 - w;
  if (layout.tracking) {
    // The camera follows the lead; everyone travelling keeps pace so the group stays together in frame.
    return { kind: 'travel', x: x - dir * 0.12, y, vx: dir * speed, vy: 0, wrap: null };
  }
  if (travel <= span * 0.85) {
    // The group's walk is centred as near its home as the frame allows: subjects side by side keep apart (an
    // elephant and a giraffe walked through each other), yet the walk and the group's row stay in frame.
    const mid = (safe.x0 + safe.x1) / 2;
    const off = x - mid;
    const row = ((Math.min(count, 5) - 1) / 2) * w * 1.25;
    const room = Math.max(0, (span - travel) / 2 - row);
    const centre = mid + Math.sign(off) * Math.min(Math.abs(off), Math.max(Math.abs(off) * 0.4, room));
    return { kind: 'travel', x: centre - (dir * travel) / 2, y, vx: dir * speed, vy: 0, wrap: null };
  }
  if (wrapping.has(action)) {
    // Just far enough past the edge for the widest art to be out of sight before it comes round again.
    const margin = w * 0.85 + 0.02;
    const wrap: [number, number] = [safe.x0 - 0.04 - margin, safe.x1 + 0.04 + margin];
    const start = safe.x0 + w / 2 + rng.float() * Math.max(0.01, span);
    return { kind: 'travel', x: start, y, vx: dir * speed, vy: 0, wrap };
  }
  // Art is often wider than tall (w is a height): keep the whole of it inside at the turning points.
  return { kind: 'pingpong', x0: safe.x0 + w * 0.65, x1: safe.x1 - w * 0.65, y, speed, start: Math.min(0.95, Math.max(0.05, (x - safe.x0) / Math.max(0.01, span))), dir };
}
