/**
 * plan + seed + size + seconds -> timeline (pure data). Decides where every subject stands, which path it travels and
 * how it moves, what the camera does, what the scenery and weather are and how the style grades the picture. All
 * choices come from a seeded PRNG, so the same inputs always give the same timeline (and the same pixels).
 *
 * sampleFrame() evaluates the timeline at one frame: camera transform and every actor's pose. It is also pure.
 */
import type { ScenePlan, Shot } from '../../domain/scene-plan.js';
import { lexicon } from './lexicon/index.js';
import type { NounEntry } from './lexicon/nouns.js';
import { poseAt } from './motion.js';
import { lightFor, neonAccents, neonLight } from './palette.js';
import { hashString, noise1, Rng } from './prng.js';
import { planScenery, type Zones } from './settings.js';
import type {
  ActorState, ActorTrack, CameraTrack, FrameState, GradeSpec, PathSpec, Place, ShotTrack, Timeline, WeatherSpec,
} from './timeline.js';

export interface ComposeInput {
  plan: ScenePlan;
  seed: number;
  width: number;
  height: number;
  seconds: number;
  fps?: number;
  /** An input image is the backdrop: no drawn sky or scenery, subjects stand near the bottom. */
  imageBackdrop?: boolean;
}

export const DEFAULT_FPS = 24;
/** A crowd of more than this many copies reads the same on screen and only costs render time. */
const MAX_MEMBERS = 24;

const sizeFactor: Record<string, number> = { tiny: 0.08, small: 0.15, medium: 0.24, large: 0.34, huge: 0.48 };
/** Travel speed per action in world units per second, for a medium-sized subject. */
const travelSpeed: Record<string, number> = {
  walk: 0.11, wander: 0.08, run: 0.3, gallop: 0.36, race: 0.5, drive: 0.26, ride: 0.22, sail: 0.07, swim: 0.12,
  fly: 0.2, glide: 0.13, drift: 0.045, hop: 0.12, crawl: 0.035, chase: 0.3, flee: 0.3, skate: 0.2, surf: 0.18,
  roll: 0.14, play: 0.12, dive: 0.2,
};
/** Actions that drift slowly only when the prompt gives them a direction ("a ball bouncing to the right"). */
const directedSpeed: Record<string, number> = { bounce: 0.1, jump: 0.1, float: 0.04, hover: 0.05, dance: 0.03, spin: 0.05, orbit: 0 };
/** Travellers that loop around (leave one side, come back on the other) instead of turning round. */
const wrapping = new Set(['drive', 'race', 'sail', 'fly', 'glide', 'swim', 'surf', 'skate', 'ride', 'drift', 'gallop', 'run', 'dive']);
const airActions = new Set(['fly', 'glide', 'hover', 'dive']);

interface Rect {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

function fallbackEntry(noun: string, asset: string): NounEntry {
  return { noun, asset, kind: 'object', place: 'ground', action: 'idle', scale: 1, orientation: 'front', heading: 180, aliases: [] };
}

// ------------------------------------------------------------------------------------------------------- camera

function cameraTrack(shot: Shot, view: { w: number; h: number }, seconds: number, seed: number): CameraTrack {
  const { move, speed } = shot.camera;
  const k = speed === 'slow' ? 0.5 : speed === 'fast' ? 2 : 1;
  const cx = view.w / 2;
  const cy = view.h / 2;
  const track: CameraTrack = { move, speed, x0: cx, x1: cx, y0: cy, y1: cy, zoom0: 1, zoom1: 1, orbit: 0, roll: 0, shake: 0, follow: null, seed };
  switch (move) {
    case 'pan-left':
    case 'pan-right': {
      const distance = Math.min(0.07 * k * seconds, 1.6);
      const dir = move === 'pan-left' ? -1 : 1;
      track.x0 = cx - (dir * distance) / 2;
      track.x1 = cx + (dir * distance) / 2;
      break;
    }
    case 'tilt-up':
    case 'tilt-down': {
      const distance = Math.min(0.22 * k, 0.4) * view.h;
      const dir = move === 'tilt-up' ? -1 : 1;
      track.y0 = cy - (dir * distance) / 2;
      track.y1 = cy + (dir * distance) / 2;
      track.zoom0 = track.zoom1 = 1.08;
      break;
    }
    case 'zoom-in':
      track.zoom1 = 1 + 0.3 * k;
      break;
    case 'zoom-out':
      track.zoom0 = 1 + 0.3 * k;
      break;
    case 'orbit':
      track.orbit = 0.22 * k;
      track.roll = 0.018 * k;
      track.zoom0 = track.zoom1 = 1.1;
      break;
    case 'handheld':
      track.shake = 0.011 * k;
      track.roll = 0.009 * k;
      track.zoom0 = track.zoom1 = 1.06;
      break;
    case 'static':
    case 'tracking':
      break;
  }
  return track;
}

const easeInOut = (p: number): number => 0.5 - 0.5 * Math.cos(Math.PI * Math.max(0, Math.min(1, p)));

/** Camera at t: view centre (world units), zoom, roll, and the orbit swing that parallax layers use. */
export function sampleCamera(shot: ShotTrack, t: number): { x: number; y: number; zoom: number; rot: number; orbit: number } {
  const c = shot.camera;
  const p = easeInOut(t / Math.max(0.001, shot.seconds));
  let x = c.x0 + (c.x1 - c.x0) * p;
  let y = c.y0 + (c.y1 - c.y0) * p;
  const zoom = c.zoom0 + (c.zoom1 - c.zoom0) * p;
  let rot = 0;
  let orbit = 0;
  if (c.orbit) {
    const swing = Math.sin(Math.PI * (p - 0.5));
    orbit = c.orbit * swing;
    rot = c.roll * swing;
  }
  if (c.shake) {
    x += (noise1(t * 1.1, c.seed) * 0.7 + noise1(t * 3.3, c.seed + 1) * 0.3) * c.shake;
    y += (noise1(t * 1.3, c.seed + 2) * 0.7 + noise1(t * 3.7, c.seed + 3) * 0.3) * c.shake;
    rot = noise1(t * 0.9, c.seed + 4) * c.roll;
  }
  if (c.follow !== null) {
    const actor = shot.actors[c.follow];
    if (actor) x += pathAt(shot, actor.path, t).x - pathAt(shot, actor.path, 0).x;
  }
  return { x, y, zoom, rot, orbit };
}

/** The part of the ground plane (depth 1) that stays in view for the whole shot, with a margin. */
function safeRect(shot: ShotTrack, view: { w: number; h: number }): Rect {
  const rects: Rect[] = [];
  for (let i = 0; i <= 12; i++) {
    const cam = sampleCamera(shot, (shot.seconds * i) / 12);
    const hw = view.w / 2 / cam.zoom;
    const hh = view.h / 2 / cam.zoom;
    rects.push({ x0: cam.x - hw, x1: cam.x + hw, y0: cam.y - hh, y1: cam.y + hh });
  }
  const inter = rects.reduce((a, b) => ({ x0: Math.max(a.x0, b.x0), x1: Math.min(a.x1, b.x1), y0: Math.max(a.y0, b.y0), y1: Math.min(a.y1, b.y1) }));
  const middle = rects[6] as Rect;
  const usable = inter.x1 - inter.x0 > view.w * 0.35 ? inter : middle;
  const margin = 0.04;
  return { x0: usable.x0 + margin, x1: usable.x1 - margin, y0: usable.y0, y1: usable.y1 };
}

// -------------------------------------------------------------------------------------------------------- paths

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
      const span = Math.max(0.001, path.x1 - path.x0);
      const start = path.start * span;
      const d = start + path.dir * path.speed * t;
      const m = ((d % (2 * span)) + 2 * span) % (2 * span);
      const x = m <= span ? path.x0 + m : path.x1 - (m - span);
      return { x, y: path.y, s: 1 };
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
      const d = Math.max(0, t - path.delay) * path.speed;
      const y = path.loop ? path.y0 + (((d % span) + span) % span) : Math.min(path.y1, path.y0 + d);
      return { x: path.x, y, s: 1 };
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

// ------------------------------------------------------------------------------------------------------- actors

interface Layout {
  zones: Zones;
  safe: Rect;
  view: { w: number; h: number };
  horizon: number;
  seconds: number;
  rng: Rng;
  tracking: boolean;
}

/** Where a subject lives in this setting, given its nature and what it does. */
function placeFor(entry: NounEntry, action: string, zones: Zones, setting: string): Place {
  let place: Place = entry.place;
  if (airActions.has(action) && (place === 'ground' || place === 'fixed' || place === 'surface')) place = 'air';
  if (action === 'float' && place === 'ground' && (setting === 'space' || setting === 'sky')) place = 'air';
  if (action === 'swim' && place !== 'water') place = zones.water && setting === 'underwater' ? 'water' : zones.surface !== null ? 'surface' : place;
  if (action === 'sail' && zones.surface !== null) place = 'surface';
  if (place === 'water' && !zones.water) place = zones.surface !== null ? 'surface' : 'air';
  if (place === 'water' && setting !== 'underwater' && zones.surface !== null) place = 'surface';
  if (place === 'surface' && zones.surface === null) place = setting === 'underwater' ? 'water' : zones.ground ? 'ground' : 'air';
  if ((place === 'ground' || place === 'fixed') && !zones.ground) place = zones.surface !== null ? 'surface' : 'air';
  return place;
}

function composeActors(shot: Shot, layout: Layout, hasImage: boolean): ActorTrack[] {
  const { zones, safe, view, rng } = layout;
  const index = lexicon();
  const actors: ActorTrack[] = [];
  const groups: Array<{ first: number; count: number; action: string; dir: 1 | -1; speed: number; place: Place }> = [];
  const placed = shot.subjects.map((subject) => {
    const entry = index.nounByName.get(subject.noun) ?? fallbackEntry(subject.noun, subject.asset);
    return { subject, entry, place: placeFor(entry, subject.action, zones, shot.setting) };
  });
  const moving = placed.filter((p) => p.place === 'ground' && p.entry.place !== 'fixed');
  const fixed = placed.filter((p) => p.place === 'ground' && p.entry.place === 'fixed');
  const laneOf = new Map<number, number>();
  moving.forEach((p, i) => laneOf.set(placed.indexOf(p), Math.max(0.3, 0.8 - i * 0.2)));
  fixed.forEach((p, i) => laneOf.set(placed.indexOf(p), moving.length ? 0.12 + i * 0.1 : Math.max(0.25, 0.55 - i * 0.15)));
  const columns = placed.length;

  placed.forEach(({ subject, entry, place }, si) => {
    const count = Math.min(MAX_MEMBERS, subject.count);
    let size = (sizeFactor[subject.size] ?? 0.19) * entry.scale;
    if (count > 3) size *= 0.85;
    size = Math.max(0.03, Math.min(view.h * 0.85, size));
    const action = entry.noun === 'fireworks' ? 'burst' : subject.action;
    const baseSpeed = travelSpeed[action] ?? (subject.direction !== 'none' ? (directedSpeed[action] ?? 0.05) : 0);
    const speed = baseSpeed * Math.max(0.6, Math.min(1.8, Math.sqrt(size / 0.24)));
    const dirWord = subject.direction;
    const dir: 1 | -1 = dirWord === 'left' ? -1 : dirWord === 'right' ? 1 : rng.chance(0.5) ? 1 : -1;
    const ground = zones.ground ?? [view.h * 0.8, view.h * 0.97];
    const air = zones.air;
    // Horizontal home of this subject group: spread groups across the safe area, the hero near a third.
    const homeX = columns === 1
      ? safe.x0 + (safe.x1 - safe.x0) * (0.5 + (rng.chance(0.5) ? 0.12 : -0.12))
      : safe.x0 + ((safe.x1 - safe.x0) * (si + 1)) / (columns + 1) + rng.range(-0.03, 0.03);
    const lane = laneOf.get(si) ?? 0.6;
    const first = actors.length;
    groups.push({ first, count, action, dir, speed, place });

    // Formation: rows on the ground, loose flocks in the air, schools in water.
    const perRow = count <= 4 ? count : Math.ceil(count / Math.ceil(count / 5));
    for (let m = 0; m < count; m++) {
      const row = Math.floor(m / perRow);
      const col = m % perRow;
      const inRow = Math.min(perRow, count - row * perRow);
      let baseY: number;
      let perspective = 1;
      let offsetX = 0;
      let zBase = 0;
      if (place === 'ground' || place === 'fixed') {
        const f = Math.max(0, lane - row * 0.14 + (inRow > 1 ? rng.range(-0.03, 0.03) : 0));
        baseY = hasImage ? view.h * (0.86 - row * 0.04) : ground[0] + (ground[1] - ground[0]) * f;
        perspective = hasImage ? 1 : 0.62 + 0.43 * f;
        offsetX = (col - (inRow - 1) / 2) * size * perspective * 1.25 + (row % 2) * size * 0.4 + rng.range(-0.02, 0.02);
        zBase = baseY;
      } else if (place === 'surface') {
        const surface = zones.surface ?? view.h * 0.7;
        baseY = surface + row * 0.03 + rng.range(-0.01, 0.01);
        perspective = 0.85 + row * 0.05;
        offsetX = (col - (inRow - 1) / 2) * size * 1.3;
        zBase = baseY;
      } else if (place === 'sky') {
        baseY = view.h * rng.range(0.16, 0.32) + size * 0.5;
        offsetX = (m - (count - 1) / 2) * size * 1.6;
        zBase = -10;
      } else {
        const zone = place === 'water' && zones.water ? zones.water : air;
        const band = zone[1] - zone[0];
        const centre = zone[0] + band * (0.35 + 0.3 * ((si % 3) / 2)) + size * 0.5;
        baseY = count > 1 ? centre + rng.range(-0.5, 0.5) * Math.min(band * 0.6, 0.2 + count * 0.01) : centre;
        offsetX = count > 1 ? rng.range(-0.5, 0.5) * Math.min(view.w * 0.6, 0.25 + count * 0.03) : 0;
        perspective = count > 1 ? rng.range(0.85, 1.05) : 1;
        zBase = view.h + 1 + baseY;
      }
      const w = size * perspective;
      const x = homeX + offsetX;
      const memberSpeed = speed * (place === 'air' || place === 'water' ? rng.range(0.92, 1.08) : 1);
      let path = buildPath({
        action, place, entry, dirWord, dir, speed: memberSpeed, x: homeX, y: baseY, w, layout, member: m, count, lead: si === 0 && m === 0,
      });
      path = inFormation(path, offsetX, baseY, m, first, actors[first]?.path, w, rng);
      actors.push({
        id: `${si}.${m}`,
        noun: entry.noun,
        kind: entry.kind,
        asset: subject.asset,
        tint: subject.color,
        orientation: entry.orientation,
        heading: (entry.heading * Math.PI) / 180,
        place,
        action,
        size,
        perspective,
        depth: place === 'sky' ? 0.12 : 1,
        z: zBase + m * 0.0001,
        path,
        phase: rng.range(0, 10),
        tempo: rng.range(0.9, 1.1),
        shadow: (place === 'ground' || place === 'fixed') && !hasImage ? true : hasImage,
        rest: x < view.w / 2 ? 1 : -1,
        extra: action === 'sleep' ? 'zzz' : action === 'sing' ? 'notes' : (entry.kind === 'aircraft' && entry.orientation === 'rotate' && (action === 'fly' || action === 'rise')) ? 'exhaust' : action === 'glow' || action === 'flicker' ? 'halo' : null,
        glow: action === 'flicker' ? '#ffb347' : action === 'glow' ? '#fff3b0' : null,
      });
    }
  });

  // Chasers follow the subject after them; orbiters circle the subject next to them.
  groups.forEach((group, gi) => {
    if (group.action !== 'chase' && group.action !== 'orbit') return;
    const target = groups.find((g, j) => j > gi && g.action !== 'chase') ?? groups.find((g, j) => j !== gi && g.action !== 'chase');
    if (!target) return;
    const targetActor = actors[target.first] as ActorTrack;
    if (group.action === 'orbit') {
      for (let m = 0; m < group.count; m++) {
        const actor = actors[group.first + m] as ActorTrack;
        const radius = targetActor.size * targetActor.perspective * 0.9 + actor.size * 0.6;
        actor.path = { kind: 'orbit', cx: 0, cy: 0, rx: radius, ry: radius * 0.32, period: 4.5, phase: (m / group.count) * Math.PI * 2, around: target.first };
      }
      return;
    }
    // The chased thing runs ahead at the chasers' pace.
    for (let m = 0; m < target.count; m++) {
      const quarry = actors[target.first + m] as ActorTrack;
      // It runs back and forth across the frame (turning at the edges) so the chase never leaves the picture.
      const { x, y } = pathAt({ actors } as unknown as ShotTrack, quarry.path, 0);
      const w = quarry.size * quarry.perspective;
      const x0 = layout.safe.x0 + w / 2;
      const x1 = layout.safe.x1 - w / 2;
      const start = Math.min(0.9, Math.max(0.1, (x - x0) / Math.max(0.01, x1 - x0)));
      quarry.path = { kind: 'pingpong', x0, x1, y, speed: group.speed * 0.95, start, dir: group.dir };
    }
    for (let m = 0; m < group.count; m++) {
      const actor = actors[group.first + m] as ActorTrack;
      const gap = (targetActor.size * targetActor.perspective + actor.size * actor.perspective) * 0.75;
      actor.path = { kind: 'follow', target: target.first, lag: ((m + 1) * gap) / Math.max(0.05, group.speed), dy: (m % 2 === 0 ? 1 : -1) * Math.ceil(m / 2) * 0.025 };
    }
  });
  return actors;
}

/**
 * Place a group member relative to the group's path: side by side for travellers and static groups, single file
 * (following the first member) for those pacing back and forth, staggered in time for falling things.
 */
function inFormation(path: PathSpec, offsetX: number, baseY: number, member: number, first: number, leader: PathSpec | undefined, w: number, rng: Rng): PathSpec {
  switch (path.kind) {
    case 'static':
    case 'approach':
    case 'rise':
      return { ...path, x: path.x + offsetX };
    case 'travel':
      return { ...path, x: path.x + offsetX };
    case 'fall':
      return { ...path, x: path.x + offsetX, delay: path.loop ? -rng.float() * ((path.y1 - path.y0) / path.speed) : path.delay + member * 0.15 };
    case 'pingpong': {
      if (member === 0 || !leader || leader.kind !== 'pingpong') return path;
      const lag = (member * w * 1.15) / Math.max(0.02, path.speed);
      return { kind: 'follow', target: first, lag, dy: baseY - leader.y };
    }
    case 'follow':
    case 'orbit':
      return path;
  }
}

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
  lead: boolean;
}

function buildPath(input: PathInput): PathSpec {
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
    const centre = (safe.x0 + safe.x1) / 2 + (x - (safe.x0 + safe.x1) / 2) * 0.4;
    return { kind: 'travel', x: centre - (dir * travel) / 2, y, vx: dir * speed, vy: 0, wrap: null };
  }
  if (wrapping.has(action)) {
    const margin = w * 1.2 + 0.05;
    const wrap: [number, number] = [safe.x0 - 0.04 - margin, safe.x1 + 0.04 + margin];
    const start = safe.x0 + w / 2 + rng.float() * Math.max(0.01, span);
    return { kind: 'travel', x: start, y, vx: dir * speed, vy: 0, wrap };
  }
  return { kind: 'pingpong', x0: safe.x0 + w / 2, x1: safe.x1 - w / 2, y, speed, start: Math.min(0.95, Math.max(0.05, (x - safe.x0) / Math.max(0.01, span))), dir };
}

// ---------------------------------------------------------------------------------------------- weather, grade

function weatherSpec(kind: string, view: { w: number; h: number }, seconds: number, rng: Rng, setting: string): WeatherSpec {
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

function gradeSpec(style: string, view: { w: number; h: number }): GradeSpec {
  const g: GradeSpec = {
    style, letterbox: 0, vignette: 0.18, grain: 0, desaturate: 0, sepia: 0, tint: null, tintAlpha: 0, pixelate: 0,
    halftone: 0, paper: 0, soften: 0, flicker: 0, scratches: false, neonGlow: null, contrast: 0,
  };
  switch (style) {
    case 'cinematic':
      // The warm/teal grade is in the palette (styleColor), so the per-frame cost is bars and vignette only.
      g.letterbox = view.w / view.h > 1.3 ? 0.12 : 0;
      g.vignette = 0.42;
      break;
    case 'noir':
      g.desaturate = 1;
      g.vignette = 0.6;
      g.grain = 0.1;
      break;
    case 'vintage-film':
      g.desaturate = 0.85;
      g.sepia = 0.5;
      g.vignette = 0.55;
      g.grain = 0.12;
      g.flicker = 0.06;
      g.scratches = true;
      break;
    case 'watercolor':
      g.paper = 0.5;
      g.soften = 0.45;
      g.vignette = 0.2;
      break;
    case 'pastel':
      g.soften = 0.25;
      g.vignette = 0.08;
      break;
    case 'pixel-art':
      g.pixelate = 1 / 120;
      g.vignette = 0;
      break;
    case 'neon':
      g.neonGlow = neonAccents[1];
      g.vignette = 0.45;
      break;
    case 'comic':
      g.halftone = 0.08;
      g.vignette = 0.1;
      break;
    case 'sketch':
      g.desaturate = 0.9;
      g.paper = 0.7;
      g.vignette = 0.15;
      break;
    case 'vivid':
      g.vignette = 0.15;
      break;
    default:
      break;
  }
  return g;
}

// ------------------------------------------------------------------------------------------------------ compose

function composeShot(shot: Shot, index: number, startFrame: number, frames: number, fps: number, view: { w: number; h: number }, seed: number, hasImage: boolean): ShotTrack {
  const seconds = frames / fps;
  const shotSeed = hashString(`shot:${index}`, seed);
  const rng = new Rng(shotSeed);
  const baseLight = lightFor(shot.timeOfDay, shot.weather);
  const light = shot.style === 'neon' ? neonLight(baseLight) : baseLight;
  const scenery = planScenery(shot.setting, light, shot.style, view, hashString('scenery', shotSeed), shot.weather);
  if (hasImage) {
    scenery.layers = [];
    scenery.sky.visible = false;
    scenery.zones = { ground: [view.h * 0.8, view.h * 0.97], water: null, surface: null, air: [view.h * 0.1, view.h * 0.6] };
  }
  const camera = cameraTrack(shot, view, seconds, hashString('camera', shotSeed));
  const track: ShotTrack = {
    index, startFrame, frames, seconds, setting: shot.setting, timeOfDay: shot.timeOfDay, weather: shot.weather,
    style: shot.style, mood: shot.mood, seed: shotSeed, horizon: scenery.horizon, sky: scenery.sky, layers: scenery.layers,
    actors: [], camera, atmosphere: weatherSpec(shot.weather, view, seconds, new Rng(hashString('weather', shotSeed)), shot.setting),
    grade: gradeSpec(shot.style, view),
  };
  if (shot.subjects.some((subject) => ['planet', 'earth'].includes(subject.noun))) {
    // The prompt brought its own planet; the setting's decorative one would only crowd it.
    for (const layer of track.layers) layer.items = layer.items.filter((item) => item.kind !== 'planet');
  }
  const tracking = camera.move === 'tracking';
  const safe = safeRect(track, view);
  track.actors = composeActors(shot, { zones: scenery.zones, safe, view, horizon: scenery.horizon, seconds, rng, tracking }, hasImage);
  if (tracking) {
    const lead = track.actors.findIndex((a) => a.path.kind === 'travel' && a.path.vx !== 0);
    camera.follow = lead >= 0 ? lead : null;
  }
  if (camera.move === 'zoom-in' || camera.move === 'zoom-out') {
    // Push toward the hero: the first subject's position at mid-shot ends up nearer the centre of the frame.
    const hero = track.actors[0];
    if (hero) {
      const at = pathAt(track, hero.path, seconds / 2);
      const focusX = at.x;
      const focusY = at.y - hero.size * hero.perspective * 0.5;
      const pull = 0.55;
      const zoomed = camera.move === 'zoom-in' ? 'x1' : 'x0';
      camera[zoomed] = view.w / 2 + (focusX - view.w / 2) * pull;
      const maxZoom = Math.max(camera.zoom0, camera.zoom1);
      const yTarget = view.h / 2 + (focusY - view.h / 2) * pull;
      // Keep the bottom of the frame on the drawn world.
      const lowest = view.h + 0.05 - view.h / 2 / maxZoom;
      camera[camera.move === 'zoom-in' ? 'y1' : 'y0'] = Math.min(lowest, yTarget);
    }
  }
  return track;
}

/** Build the whole timeline. Same inputs -> identical result (and identical JSON). */
export function compose(input: ComposeInput): Timeline {
  const fps = input.fps ?? DEFAULT_FPS;
  const frames = Math.max(1, Math.round(input.seconds * fps));
  const unit = Math.min(input.width, input.height);
  const view = { w: input.width / unit, h: input.height / unit };
  const plan = input.plan;
  const shots: Shot[] = plan.shots.length ? plan.shots : [{ ...plan, prompt: '', seconds: input.seconds }];
  const totalPlanned = shots.reduce((sum, shot) => sum + shot.seconds, 0) || 1;
  // Frames are split in proportion to the planned shot lengths; the last shot takes the rounding remainder.
  const counts: number[] = [];
  let assigned = 0;
  shots.forEach((shot, i) => {
    const n = i === shots.length - 1 ? frames - assigned : Math.max(1, Math.round((frames * shot.seconds) / totalPlanned));
    counts.push(Math.max(0, Math.min(n, frames - assigned - (shots.length - 1 - i))));
    assigned += counts[i] as number;
  });
  const tracks: ShotTrack[] = [];
  let start = 0;
  shots.forEach((shot, i) => {
    const n = counts[i] as number;
    if (n <= 0) return;
    tracks.push(composeShot(shot, tracks.length, start, n, fps, view, input.seed >>> 0, Boolean(input.imageBackdrop)));
    start += n;
  });
  return {
    version: 1, width: input.width, height: input.height, fps, frames, seconds: frames / fps, seed: input.seed >>> 0,
    view, imageBackdrop: Boolean(input.imageBackdrop), shots: tracks,
  };
}

// ------------------------------------------------------------------------------------------------------- sample

export function shotAt(timeline: Timeline, frame: number): ShotTrack {
  for (const shot of timeline.shots) if (frame < shot.startFrame + shot.frames) return shot;
  return timeline.shots.at(-1) as ShotTrack;
}

/** Draw order: ground things by how low they stand (nearer = later), orbiters in front of or behind their centre. */
function depthOrder(actor: ActorTrack, y: number, t: number): number {
  if (actor.path.kind === 'orbit') {
    const a = (Math.PI * 2 * t) / actor.path.period + actor.path.phase;
    const centre = actor.path.around !== null ? actor.z : actor.z;
    return centre + (Math.sin(a) > 0 ? 0.6 : -0.6);
  }
  if (actor.place === 'ground' || actor.place === 'fixed' || actor.place === 'surface') return y;
  return actor.z;
}

/** Evaluate frame `frame` of the timeline: camera and every actor's pose, sorted back to front. */
export function sampleFrame(timeline: Timeline, frame: number): FrameState {
  const shot = shotAt(timeline, frame);
  const t = (frame - shot.startFrame) / timeline.fps;
  const cam = sampleCamera(shot, t);
  const wind = shot.atmosphere.wind?.strength ?? 0;
  const dt = 1 / timeline.fps;
  const actors: ActorState[] = shot.actors.map((actor, i) => {
    const at = pathAt(shot, actor.path, t);
    const before = pathAt(shot, actor.path, t - dt);
    const after = pathAt(shot, actor.path, t + dt);
    let vx = (after.x - before.x) / (2 * dt);
    let vy = (after.y - before.y) / (2 * dt);
    // A wrap-around jump is not a velocity.
    if (Math.abs(vx) > 5) vx = actor.path.kind === 'travel' ? actor.path.vx : 0;
    if (Math.abs(vy) > 5) vy = 0;
    const start = pathAt(shot, actor.path, 0);
    const pose = poseAt(actor, t, shot.seconds, vx, Math.abs(at.x - start.x), wind);
    const h = actor.size * actor.perspective * at.s;
    let flip = false;
    let rot = pose.rot;
    const moving = Math.abs(vx) > 0.004;
    if (actor.orientation === 'mirror') {
      const facingRight = moving ? vx > 0 : actor.rest > 0;
      flip = pose.turn ? !facingRight : facingRight;
    } else if (actor.orientation === 'rotate') {
      const speed = Math.hypot(vx, vy);
      const angle = speed > 0.004 ? Math.atan2(vy, vx) : actor.rest > 0 ? 0 : Math.PI;
      const left = Math.cos(angle) < -0.01;
      const heading = left ? Math.PI - actor.heading : actor.heading;
      flip = left;
      rot = angle - heading + pose.rot * 0.3;
    } else if (moving) {
      rot += Math.max(-0.08, Math.min(0.08, vx * 0.25));
    }
    const lift = pose.lift;
    const onGround = actor.place === 'ground' || actor.place === 'fixed';
    return {
      actor: i,
      x: at.x + pose.dx * h,
      y: at.y + pose.dy * h,
      h,
      rot,
      flip,
      sx: pose.sx,
      sy: pose.sy,
      alpha: pose.alpha,
      shadow: actor.shadow && onGround ? Math.max(0, 0.3 * (1 - Math.min(1, lift / 1.6))) : 0,
      groundY: at.y,
      z: depthOrder(actor, at.y, t),
      t,
      speed: Math.hypot(vx, vy),
    };
  });
  actors.sort((a, b) => a.z - b.z || a.actor - b.actor);
  let flash = 0;
  for (const strike of shot.atmosphere.lightning) {
    const d = t - strike;
    if (d >= 0 && d < 0.45) flash = Math.max(flash, d < 0.08 ? 1 : d < 0.16 ? 0.35 : d < 0.22 ? 0.8 : Math.max(0, 1 - (d - 0.22) / 0.23) * 0.5);
  }
  return { frame, shot: shot.index, t, camera: cam, actors, flash };
}

export type { Timeline } from './timeline.js';
