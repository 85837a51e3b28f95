/**
 * plan + seed + size + seconds -> timeline (pure data). Decides where every subject stands, which path it travels and
 * how it moves (compose/actors.ts, compose/paths.ts), what the camera does (compose/camera.ts), what the scenery and
 * weather are and how the style grades the picture (compose/atmosphere.ts). All choices come from a seeded PRNG, so
 * the same inputs always give the same timeline (and the same pixels).
 *
 * sampleFrame() evaluates the timeline at one frame: camera transform and every actor's pose. It is also pure.
 */
import type { ScenePlan, Shot } from '../../domain/scene-plan.js';
import type { ShotTransition } from '../engine.js';
import { composeActors } from './compose/actors.js';
import { gradeSpec, weatherSpec } from './compose/atmosphere.js';
import { aimCamera, cameraTrack, safeRect } from './compose/camera.js';
import { loopActors } from './compose/loop.js';
import { crossfadeFrames, loopSeamFrames, shotSpans } from './compose/sequence.js';
import { lightFor, neonLight } from './palette.js';
import { hashString, Rng } from './prng.js';
import { planScenery } from './settings.js';
import type { ShotTrack, Timeline } from './timeline.js';

export { sampleCamera } from './compose/camera.js';
export { sampleFrame, shotAt } from './compose/frame.js';

export interface ComposeInput {
  plan: ScenePlan;
  seed: number;
  width: number;
  height: number;
  seconds: number;
  fps?: number;
  /** An input image or video is the backdrop: no drawn sky or scenery, subjects stand near the bottom. */
  imageBackdrop?: boolean;
  /** A seamless loop: motion repeats where it can and the end is blended into the head. */
  loop?: boolean;
  /** How storyboard shots join; default 'cut'. */
  transition?: ShotTransition;
}

export const DEFAULT_FPS = 24;

/** One shot of the plan as a track of the timeline: its scenery, camera, actors, weather and grade. */
function composeShot(shot: Shot, index: number, startFrame: number, frames: number, fps: number, view: { w: number; h: number }, seed: number, hasImage: boolean, loop: boolean): ShotTrack {
  const seconds = frames / fps;
  const shotSeed = hashString(`shot:${index}`, seed);
  const rng = new Rng(shotSeed);
  const baseLight = lightFor(shot.timeOfDay, shot.weather);
  const light = shot.style === 'neon' ? neonLight(baseLight) : baseLight;
  const scenery = planScenery(shot.setting, light, shot.style, view, hashString('scenery', shotSeed), shot.weather);
  if (hasImage) {
    // The picture is the scenery; only the setting's drifting particles (fireflies, embers, pollen…) stay over it.
    scenery.layers = scenery.layers
      .map((layer) => ({ ...layer, items: layer.items.filter((item) => item.kind === 'particles') }))
      .filter((layer) => layer.items.length > 0);
    scenery.sky.visible = false;
    scenery.zones = { ground: [view.h * 0.8, view.h * 0.97], water: null, surface: null, air: [view.h * 0.1, view.h * 0.6] };
  }
  const camera = cameraTrack(shot, view, seconds, hashString('camera', shotSeed));
  camera.returns = loop;
  const track: ShotTrack = {
    index, startFrame, frames, seconds, setting: shot.setting, timeOfDay: shot.timeOfDay, weather: shot.weather,
    style: shot.style, mood: shot.mood, seed: shotSeed, horizon: scenery.horizon, sky: scenery.sky, layers: scenery.layers,
    actors: [], camera, atmosphere: weatherSpec(shot.weather, view, seconds, new Rng(hashString('weather', shotSeed)), shot.setting),
    grade: gradeSpec(shot.style, view, scenery.sky.visible),
  };
  if (shot.subjects.some((subject) => ['planet', 'earth'].includes(subject.noun))) {
    // The prompt brought its own planet; the setting's decorative one would only crowd it.
    for (const layer of track.layers) layer.items = layer.items.filter((item) => item.kind !== 'planet');
  }
  const safe = safeRect(track, view);
  track.actors = composeActors(shot, { zones: scenery.zones, safe, view, seconds, rng, tracking: camera.move === 'tracking' }, hasImage);
  aimCamera(track, view);
  if (loop) loopActors(track);
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
  const used = shots.map((shot, i) => ({ shot, count: counts[i] as number })).filter(({ count }) => count > 0);
  const overlap = input.transition === 'crossfade' ? crossfadeFrames(used.map(({ count }) => count), fps) : 0;
  const spans = shotSpans(used.map(({ count }) => count), overlap);
  // Periodic motion only pays when the loop returns into the same shot.
  const loopMotion = Boolean(input.loop) && used.length === 1;
  const tracks = used.map(({ shot }, i) => {
    const { start, frames: n } = spans[i] as { start: number; frames: number };
    return composeShot(shot, i, start, n, fps, view, input.seed >>> 0, Boolean(input.imageBackdrop), loopMotion);
  });
  return {
    version: 1, width: input.width, height: input.height, fps, frames, seconds: frames / fps, seed: input.seed >>> 0,
    view, imageBackdrop: Boolean(input.imageBackdrop), overlap, loopSeam: input.loop ? loopSeamFrames(frames, fps) : 0,
    shots: tracks,
  };
}
