/**
 * The camera of a shot: the move the plan asks for as start and end values (centre, zoom), the swing, roll and shake
 * on top, and, once the subjects stand, which one a tracking shot follows and where a zoom pushes to.
 */
import type { Shot } from '../../../domain/scene-plan.js';
import { noise1 } from '../prng.js';
import type { CameraTrack, ShotTrack } from '../timeline.js';
import { easeInOut, pathAt, type Rect } from './paths.js';

/** The move the plan asks for, before the subjects are placed. */
export function cameraTrack(shot: Shot, view: { w: number; h: number }, seconds: number, seed: number): CameraTrack {
  const { move, speed } = shot.camera;
  const k = speed === 'slow' ? 0.5 : speed === 'fast' ? 2 : 1;
  const cx = view.w / 2;
  const cy = view.h / 2;
  const track: CameraTrack = { move, speed, x0: cx, x1: cx, y0: cy, y1: cy, zoom0: 1, zoom1: 1, orbit: 0, roll: 0, shake: 0, follow: null, returns: false, seed };
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

/** Camera at t: view centre (world units), zoom, roll, and the orbit swing that parallax layers use. */
export function sampleCamera(shot: ShotTrack, t: number): { x: number; y: number; zoom: number; rot: number; orbit: number } {
  const c = shot.camera;
  const u = t / Math.max(0.001, shot.seconds);
  // A returning move eases out to its end at mid-shot and back, and keeps cycling past the end (a loop's seam).
  const p = c.returns ? 0.5 - 0.5 * Math.cos(2 * Math.PI * u) : easeInOut(u);
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
export function safeRect(shot: ShotTrack, view: { w: number; h: number }): Rect {
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

/** A tracking shot follows the lead traveller; a zoom pushes toward the hero. */
export function aimCamera(track: ShotTrack, view: { w: number; h: number }): void {
  const camera = track.camera;
  if (camera.move === 'tracking') {
    const lead = track.actors.findIndex((a) => a.path.kind === 'travel' && a.path.vx !== 0);
    camera.follow = lead >= 0 ? lead : null;
  }
  if (camera.move === 'zoom-in' || camera.move === 'zoom-out') {
    // Push toward the hero: the first subject's position at mid-shot ends up nearer the centre of the frame.
    const hero = track.actors[0];
    if (hero) {
      const at = pathAt(track, hero.path, track.seconds / 2);
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
}
