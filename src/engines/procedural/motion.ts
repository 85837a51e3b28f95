/**
 * Motion presets: what an action looks like on top of the path an actor travels. Each preset is a pure function of
 * time giving offsets in units of the actor's own height (so a mouse and an elephant hop alike), a rotation, a
 * squash/stretch and an opacity. Paths move actors through the scene; presets make them look alive while they do.
 */
import { dropHeight } from './compose/paths.js';
import type { ActorTrack } from './timeline.js';

export interface Pose {
  dx: number;
  dy: number;
  rot: number;
  sx: number;
  sy: number;
  alpha: number;
  /** Flip the facing (dance turns, idle glances). */
  turn: boolean;
  /** Height above the ground in units of the actor's height, for the shadow. */
  lift: number;
}

const TAU = Math.PI * 2;
const still: Pose = { dx: 0, dy: 0, rot: 0, sx: 1, sy: 1, alpha: 1, turn: false, lift: 0 };
const frac = (x: number): number => x - Math.floor(x);
const smooth = (x: number): number => {
  const c = Math.max(0, Math.min(1, x));
  return c * c * (3 - 2 * c);
};

/** Kinds whose idle pose breathes; buildings and objects stay still. */
const animate = new Set(['animal', 'bird', 'sea', 'insect', 'person', 'creature']);

/** A gait: a bob on every step (never below the ground) and a rock from side to side; returns the step phase. */
function stride(pose: Pose, tt: number, stepsPerSecond: number, bob: number, rock: number): number {
  const step = TAU * tt * stepsPerSecond;
  pose.dy = -Math.abs(Math.sin(step)) * bob;
  pose.rot = Math.sin(step) * rock;
  pose.lift = -pose.dy;
  return step;
}

/** Squash and stretch by `q` in 0..1: shorter by `down`, wider by `out` (crouching, landing). */
function squash(pose: Pose, q: number, down: number, out: number): void {
  pose.sy = 1 - down * q;
  pose.sx = 1 + out * q;
}

/** Seconds between a firework's bursts (before the actor's own tempo). */
const BURST_PERIOD = 1.7;

/** When, in seconds into its shot, a bursting actor bursts: so the soundtrack can bang on the picture's flashes. */
export function burstTimes(actor: ActorTrack, seconds: number): number[] {
  if (actor.action !== 'burst') return [];
  const times: number[] = [];
  for (let k = Math.ceil(actor.phase / BURST_PERIOD); ; k++) {
    const t = (k * BURST_PERIOD - actor.phase) / actor.tempo;
    if (t >= seconds) break;
    if (t >= 0) times.push(t);
  }
  return times;
}

/** A ballistic arc: height 0 at q = 0 and 1, peak 1 at q = 0.5 (a parabola, as gravity draws it). */
const arc = (q: number): number => 4 * q * (1 - q);

/**
 * A jumper travelling along its path covers ground only while in the air: the offset (in actor heights) that moves
 * the steady path's progress into the airborne part [up, down) of each `cycle`-second jump.
 */
function airborneTravel(actor: ActorTrack, vx: number, cycle: number, p: number, up: number, down: number): number {
  if (vx === 0) return 0;
  const stride = (vx * cycle) / actor.tempo;
  const flown = p < up ? 0 : p >= down ? 1 : (p - up) / (down - up);
  return (stride * (flown - p)) / Math.max(0.01, actor.size * actor.perspective);
}

/** A bouncing ball: parabolic hops that lose height with each bounce, then a fresh kick. */
function bounce(t: number): { height: number; sinceContact: number } {
  const heights = [1.4, 0.75, 0.4, 0.2];
  const g = 24; // in actor heights per s²: a 1.4-height hop lasts ~0.68 s
  let remaining = t;
  const durations = heights.map((h) => 2 * Math.sqrt((2 * h) / g));
  const cycle = durations.reduce((a, b) => a + b, 0);
  remaining = ((remaining % cycle) + cycle) % cycle;
  for (let i = 0; i < heights.length; i++) {
    const d = durations[i] as number;
    if (remaining < d) {
      const h = heights[i] as number;
      const v0 = Math.sqrt(2 * g * h);
      return { height: v0 * remaining - 0.5 * g * remaining * remaining, sinceContact: remaining };
    }
    remaining -= d;
  }
  return { height: 0, sinceContact: 0 };
}

/**
 * Pose of an actor at `t` seconds into its shot. `shotSeconds` lets grow/shrink span the shot; `vx` is its path
 * velocity, `travelled` the distance along x since the shot began (for rolling); `wind` bends swaying things.
 */
export function poseAt(actor: ActorTrack, t: number, shotSeconds: number, vx: number, travelled: number, wind: number): Pose {
  const tt = t * actor.tempo + actor.phase;
  const pose: Pose = { ...still };
  switch (actor.action) {
    case 'walk':
    case 'wander':
      stride(pose, tt, 1.7, 0.035, 0.035);
      break;
    case 'run':
    case 'chase':
    case 'flee': {
      const step = stride(pose, tt, 2.9, 0.09, 0.07);
      pose.sx = 1 + 0.04 * Math.cos(step * 2);
      pose.sy = 1 - 0.04 * Math.cos(step * 2);
      break;
    }
    case 'gallop':
      stride(pose, tt, 2.2, 0.12, 0.11);
      break;
    case 'hop':
    case 'play': {
      const p = frac(tt / 0.6);
      if (p < 0.72) {
        pose.dy = -arc(p / 0.72) * 0.38;
        pose.sy = 1.05;
        pose.sx = 0.96;
      } else {
        squash(pose, Math.sin((Math.PI * (p - 0.72)) / 0.28), 0.12, 0.08);
      }
      pose.dx = airborneTravel(actor, vx, 0.6, p, 0, 0.72);
      pose.lift = -pose.dy;
      break;
    }
    case 'jump': {
      const p = frac(tt / 1.3);
      if (p < 0.16) {
        squash(pose, Math.sin((Math.PI * p) / 0.16), 0.16, 0.1);
      } else if (p < 0.76) {
        const q = (p - 0.16) / 0.6;
        pose.dy = -arc(q) * 0.95;
        pose.sy = 1.08 - 0.08 * Math.abs(q - 0.5) * 2;
        // Nose up on the way up, down on the way down, whichever way it is heading.
        pose.rot = (q - 0.5) * 0.25 * (vx < 0 ? -1 : 1);
      } else {
        squash(pose, Math.sin((Math.PI * (p - 0.76)) / 0.24), 0.12, 0.08);
      }
      pose.dx = airborneTravel(actor, vx, 1.3, p, 0.16, 0.76);
      pose.lift = -pose.dy;
      break;
    }
    case 'bounce': {
      const { height, sinceContact } = bounce(tt);
      pose.dy = -height;
      squash(pose, Math.exp(-((sinceContact / 0.05) ** 2)), 0.22, 0.16);
      pose.rot = vx !== 0 ? travelled * 2.2 : 0;
      pose.lift = height;
      break;
    }
    case 'fly':
    case 'dive': {
      // Wings beat as a squash and stretch of the whole sprite: a bird's slow strokes, an insect's quick ones (kept
      // under 6 per second, or 24 fps would alias them into a shimmer).
      const insect = actor.kind === 'insect';
      const flap = Math.sin(TAU * tt * (insect ? 5.5 : 3.4));
      pose.sy = 1 + flap * (insect ? 0.08 : 0.13);
      pose.sx = 1 - flap * 0.03;
      pose.dy = Math.sin(TAU * tt * 0.42) * 0.25 - flap * 0.05;
      pose.rot = Math.cos(TAU * tt * 0.42) * 0.08;
      pose.lift = 3;
      break;
    }
    case 'glide':
      pose.dy = Math.sin(TAU * tt * 0.2) * 0.3;
      pose.rot = Math.cos(TAU * tt * 0.2) * 0.07;
      pose.lift = 3;
      break;
    case 'hover': {
      const flap = Math.sin(TAU * tt * 10);
      pose.dx = Math.sin(TAU * tt * 0.3) * 0.35;
      pose.dy = Math.sin(TAU * tt * 0.62) * 0.18;
      pose.sy = 1 + flap * 0.04;
      pose.rot = Math.sin(TAU * tt * 0.3) * 0.05;
      pose.lift = 3;
      break;
    }
    case 'float':
    case 'drift':
    case 'rise':
    case 'sink':
      pose.dy = Math.sin(TAU * tt * 0.25) * 0.12;
      pose.rot = Math.sin(TAU * tt * 0.17) * 0.07;
      pose.lift = 2;
      break;
    case 'swim': {
      pose.dy = Math.sin(TAU * tt * 0.5) * 0.12;
      pose.rot = Math.cos(TAU * tt * 0.5) * 0.09;
      pose.sx = 1 + 0.035 * Math.sin(TAU * tt * 2.2);
      pose.lift = 2;
      break;
    }
    case 'drive':
    case 'race':
    case 'ride':
      pose.dy = -Math.abs(Math.sin(TAU * tt * 6)) * 0.01;
      pose.rot = actor.action === 'race' ? -Math.sign(vx) * 0.02 : 0;
      break;
    case 'sail':
      pose.dy = Math.sin(TAU * tt * 0.4) * 0.04;
      pose.rot = Math.sin(TAU * tt * 0.4 + 1) * 0.06;
      break;
    case 'surf':
    case 'skate':
      pose.dy = Math.sin(TAU * tt * 0.5) * 0.06;
      pose.rot = Math.sin(TAU * tt * 0.5 + 0.8) * 0.09;
      break;
    case 'spin':
      pose.rot = TAU * tt * 0.55;
      break;
    case 'roll':
      pose.rot = travelled / 0.5;
      break;
    case 'fall':
      if (actor.path.kind === 'fall' && !actor.path.loop) {
        // A dropped thing tumbles a little on the way down and lies still once landed; gravity and the landing
        // hops are in its path.
        const drop = actor.path.y1 - actor.path.y0;
        pose.rot = Math.sin(TAU * tt * 0.3) * 0.25 * Math.min(1, dropHeight(drop, t - actor.path.delay) / Math.max(0.01, drop) * 3);
        break;
      }
      // Leaves and feathers see-saw down.
      pose.rot = Math.sin(TAU * tt * 0.55) * 0.5;
      pose.dx = Math.sin(TAU * tt * 0.4) * 0.4;
      pose.lift = 3;
      break;
    case 'dance': {
      const beat = tt * 1.9;
      pose.dy = -Math.abs(Math.sin(Math.PI * 2 * beat)) * 0.12;
      pose.rot = Math.sin(Math.PI * 2 * beat) * 0.18;
      pose.turn = Math.floor(beat) % 2 === 1;
      pose.lift = -pose.dy;
      break;
    }
    case 'grow':
    case 'shrink': {
      const p = smooth(t / Math.max(0.5, shotSeconds * 0.85));
      const k = actor.action === 'grow' ? 0.35 + p * 1.0 : 1.35 - p * 1.0;
      pose.sx = k;
      pose.sy = k;
      break;
    }
    case 'wave':
      pose.rot = Math.sin(TAU * tt * 1.4) * 0.13;
      break;
    case 'sway':
      pose.rot = Math.sin(TAU * tt * 0.32) * (0.025 + wind * 0.06) + wind * 0.04;
      break;
    case 'sleep':
      pose.sy = 1 + 0.035 * Math.sin(TAU * tt * 0.22);
      pose.sx = 1 - 0.012 * Math.sin(TAU * tt * 0.22);
      break;
    case 'climb': {
      pose.dy = -(0.5 - 0.5 * Math.cos((TAU * tt) / 6)) * 1.3;
      pose.rot = Math.sin(TAU * tt * 1.5) * 0.06;
      pose.lift = -pose.dy;
      break;
    }
    case 'crawl':
      pose.sx = 1 + 0.05 * Math.sin(TAU * tt * 2);
      pose.sy = 1 - 0.03 * Math.sin(TAU * tt * 2);
      break;
    case 'eat':
      pose.rot = Math.max(0, Math.sin(TAU * tt * 0.7)) * 0.16;
      break;
    case 'sing':
    case 'juggle':
      pose.dy = -Math.abs(Math.sin(TAU * tt * 1.1)) * 0.04;
      pose.rot = Math.sin(TAU * tt * 0.55) * 0.05;
      break;
    case 'flicker':
      pose.sy = 1 + 0.07 * Math.sin(TAU * tt * 7) * Math.sin(TAU * tt * 3.1);
      pose.sx = 1 - 0.03 * Math.sin(TAU * tt * 5.3);
      break;
    case 'glow':
      pose.sy = 1 + 0.02 * Math.sin(TAU * tt * 0.5);
      pose.sx = pose.sy;
      break;
    case 'fight': {
      const lunge = Math.max(0, Math.sin(TAU * tt * 0.9));
      pose.dx = lunge * 0.3 * actor.rest;
      pose.rot = lunge * 0.12 * actor.rest;
      pose.dy = -lunge * 0.05;
      break;
    }
    case 'burst': {
      const p = frac(tt / BURST_PERIOD);
      const k = p < 0.22 ? (p / 0.22) * 1.15 : 1.15 + (p - 0.22) * 0.2;
      pose.sx = k;
      pose.sy = k;
      pose.alpha = p < 0.55 ? 1 : Math.max(0, 1 - (p - 0.55) / 0.4);
      break;
    }
    case 'orbit':
      pose.rot = Math.sin(TAU * tt * 0.3) * 0.05;
      pose.lift = 2;
      break;
    case 'sit':
    case 'idle':
    default:
      if (animate.has(actor.kind)) {
        pose.sy = 1 + 0.015 * Math.sin(TAU * tt * 0.35);
        // An occasional glance the other way keeps a standing animal from looking like a sticker.
        pose.turn = actor.orientation === 'mirror' && Math.sin(TAU * tt * 0.09) > 0.82;
      }
      break;
  }
  return pose;
}
