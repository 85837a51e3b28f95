/**
 * A timeline evaluated at one frame: the camera, and every actor's position and pose (its path plus its action's
 * motion), sorted back to front. Pure, so any frame can be drawn on its own.
 */
import { poseAt } from '../motion.js';
import { hash2 } from '../prng.js';
import type { ActorState, ActorTrack, FrameState, ShotTrack, Timeline } from '../timeline.js';
import { sampleCamera } from './camera.js';
import { headingAt, pathAt } from './paths.js';

/** The shot that frame `frame` belongs to. */
export function shotAt(timeline: Timeline, frame: number): ShotTrack {
  for (const shot of timeline.shots) if (frame < shot.startFrame + shot.frames) return shot;
  return timeline.shots.at(-1) as ShotTrack;
}

/** Draw order: ground things by how low they stand (nearer = later), orbiters in front of or behind their centre. */
function depthOrder(actor: ActorTrack, y: number, t: number): number {
  if (actor.path.kind === 'orbit') {
    const a = (Math.PI * 2 * t) / actor.path.period + actor.path.phase;
    return actor.z + (Math.sin(a) > 0 ? 0.6 : -0.6);
  }
  if (actor.place === 'ground' || actor.place === 'fixed' || actor.place === 'surface') return y;
  return actor.z;
}

/**
 * Stop-motion holds each pose for `hold` frames ("on twos"), and the puppets shift a hair between poses where an
 * animator's hand touched them: the boil that makes clay look hand-made.
 */
function boil(hold: number, pose: number, actor: number, seed: number): { dx: number; rot: number } {
  if (hold <= 1) return { dx: 0, rot: 0 };
  return { dx: (hash2(pose, actor, seed) - 0.5) * 0.012, rot: (hash2(pose, actor + 977, seed) - 0.5) * 0.02 };
}

/**
 * Evaluate frame `frame` of the timeline: camera and every actor's pose, sorted back to front. `shot` picks which
 * shot, where two are drawn over the same frames (a crossfade) or a shot runs on past its end (a loop's seam).
 */
export function sampleFrame(timeline: Timeline, frame: number, shot = shotAt(timeline, frame)): FrameState {
  const hold = Math.max(1, Math.round(shot.grade.hold));
  const poseIndex = Math.floor((frame - shot.startFrame) / hold);
  const t = (poseIndex * hold) / timeline.fps;
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
      const heading = headingAt(shot, actor.path, t);
      const facingRight = heading !== 0 ? heading > 0 : moving ? vx > 0 : actor.rest > 0;
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
    const jitter = boil(hold, poseIndex, i, shot.seed);
    const onGround = actor.place === 'ground' || actor.place === 'fixed';
    return {
      actor: i,
      x: at.x + (pose.dx + jitter.dx) * h,
      y: at.y + pose.dy * h,
      h,
      rot: rot + jitter.rot,
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
