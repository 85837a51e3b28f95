/**
 * A loop's motion: everything that can repeat is made to repeat a whole number of times over the shot, so the state
 * after the last frame is the state of the first and the seam (compose/sequence.ts) blends two near-identical frames.
 * The camera goes out and comes back; travellers who wrap round do whole laps; those who would cross once walk out
 * and back instead; pacers, orbiters and looping fallers complete whole cycles. What cannot repeat (an approach, a
 * rise, a grow) is left to the seam's crossfade.
 */
import type { PathSpec, ShotTrack } from '../timeline.js';

/** How many whole cycles of `period` seconds fit `seconds` best (at least one). */
const cycles = (seconds: number, period: number): number => Math.max(1, Math.round(seconds / period));

/** The path made periodic over `seconds`, or as it was when it cannot be. */
function periodicPath(path: PathSpec, seconds: number, tracking: boolean): PathSpec {
  switch (path.kind) {
    case 'travel': {
      if (path.vx === 0) return path;
      const sign = Math.sign(path.vx);
      if (path.wrap) {
        const span = path.wrap[1] - path.wrap[0];
        const vx = (sign * cycles(seconds, span / Math.abs(path.vx)) * span) / seconds;
        // The slope stays, so a diagonal traveller still restarts where it began.
        return { ...path, vx, vy: (path.vy * vx) / path.vx };
      }
      // The camera keeps pace with a tracked traveller; turning it round would drag the camera back too.
      if (tracking || path.vy !== 0) return path;
      // Out along its route for half the loop and back for the other half, at its own speed.
      const speed = Math.abs(path.vx);
      const centre = path.x + (path.vx * seconds) / 2;
      const half = (speed * seconds) / 4;
      return { kind: 'pingpong', x0: centre - half, x1: centre + half, y: path.y, speed, start: sign > 0 ? 0 : 1, dir: sign > 0 ? 1 : -1 };
    }
    case 'pingpong': {
      const span = Math.max(0.001, path.x1 - path.x0);
      const trips = (path.speed * seconds) / (2 * span);
      if (trips >= 0.75) return { ...path, speed: (cycles(seconds, (2 * span) / path.speed) * 2 * span) / seconds };
      // Too slow for a whole trip: pace a shorter stretch around where it starts rather than rush.
      const short = (path.speed * seconds) / 2;
      const at = path.x0 + path.start * span;
      const x0 = Math.min(Math.max(path.x0, at - short / 2), path.x1 - short);
      return { ...path, x0, x1: x0 + short, start: (at - x0) / short };
    }
    case 'orbit':
      return { ...path, period: seconds / cycles(seconds, path.period) };
    case 'fall': {
      if (!path.loop) return path;
      const span = path.y1 - path.y0;
      return { ...path, speed: (cycles(seconds, span / path.speed) * span) / seconds };
    }
    case 'static':
    case 'follow':
    case 'approach':
    case 'rise':
      return path;
  }
}

/** Make the shot's actors move periodically over the shot (call once its camera and actors are settled). */
export function loopActors(track: ShotTrack): void {
  const tracking = track.camera.follow !== null;
  for (const actor of track.actors) actor.path = periodicPath(actor.path, track.seconds, tracking);
}
