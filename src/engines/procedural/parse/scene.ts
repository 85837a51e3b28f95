/**
 * A reading made into a complete shot: the setting, time of day, weather, camera, style and mood it states, else the
 * base shot's, else what the scene suggests (fish -> underwater, an owl -> night, a ghost -> eerie).
 */
import type { Shot } from '../../../domain/scene-plan.js';
import * as W from '../lexicon/words.js';
import type { Reading } from './reading.js';
import { mergeSubjects, toSubject } from './subjects.js';

/** A shot without its own text and length. */
export type ShotCore = Omit<Shot, 'prompt' | 'seconds'>;

/** Settings with a light of their own, whatever the hour (space is dark, a cave lit by its lamps). */
const settingTime: Record<string, string> = { space: 'night', moon: 'night', stage: 'night', underwater: 'noon', cave: 'noon', room: 'afternoon' };
/** Nouns that only come out at night. */
const nightNouns = new Set(['owl', 'bat', 'ufo', 'ghost', 'vampire', 'shooting star', 'comet', 'fireworks', 'lantern', 'candle', 'zombie']);

/** Where a scene is when the text names no setting: a noun's home where the scene words agree with it. */
function chooseSetting(reading: Reading): string {
  if (reading.setting) return reading.setting;
  const { sceneHints, nounHints } = reading;
  for (const nounHint of nounHints) {
    if (sceneHints.length === 0 || sceneHints.every((hint) => (W.settingFamilies[hint] ?? [hint]).includes(nounHint))) {
      return nounHint;
    }
  }
  return sceneHints[0] ?? nounHints[0] ?? 'meadow';
}

const eerieNouns = new Set(['ghost', 'zombie', 'vampire', 'skull', 'spider', 'bat', 'black cat', 'goblin', 'monster', 'villain']);
const epicNouns = new Set(['dragon', 'dinosaur', 'sauropod', 'castle', 'eagle', 'phoenix', 'mammoth', 'rocket', 'knight', 'king', 'queen']);
const playfulActions = new Set(['bounce', 'hop', 'play', 'dance', 'chase', 'jump', 'roll', 'juggle', 'wave']);

/** A mood when the prompt names none, read from what is in the scene. */
function inferMood(shot: Pick<ShotCore, 'subjects' | 'setting' | 'timeOfDay' | 'weather'>): string {
  const nounsIn = shot.subjects.map((s) => s.noun);
  if (nounsIn.some((n) => eerieNouns.has(n))) return 'eerie';
  if (shot.weather === 'storm') return 'tense';
  if (shot.weather === 'fog') return shot.timeOfDay === 'night' ? 'eerie' : 'mysterious';
  if (shot.weather === 'rain') return 'melancholy';
  if (nounsIn.some((n) => epicNouns.has(n))) return 'epic';
  if (shot.setting === 'space' || shot.setting === 'moon' || shot.setting === 'cave') return 'mysterious';
  if (shot.setting === 'volcano' || shot.setting === 'mountains' || shot.setting === 'canyon') return 'epic';
  if (shot.setting === 'stage') return 'energetic';
  if (shot.subjects.some((s) => playfulActions.has(s.action))) return 'playful';
  if (shot.timeOfDay === 'sunset' || shot.timeOfDay === 'golden-hour') return 'romantic';
  if (shot.setting === 'underwater' || shot.weather === 'snow') return 'dreamy';
  if (shot.timeOfDay === 'night' || shot.timeOfDay === 'dusk' || shot.timeOfDay === 'dawn') return 'calm';
  if (shot.subjects.some((s) => ['run', 'race', 'gallop', 'drive', 'fight'].includes(s.action))) return 'energetic';
  return 'cheerful';
}

const movingActions = new Set(['walk', 'run', 'fly', 'swim', 'drive', 'sail', 'race', 'gallop', 'chase', 'glide', 'drift', 'hop', 'crawl', 'ride', 'surf', 'skate', 'jump']);

/** Resolve a reading into a complete shot: explicit values, else the base shot's, else defaults. */
export function resolve(reading: Reading, base: ShotCore | null): ShotCore {
  const subjects = base ? mergeSubjects(base.subjects, reading) : reading.subjects.map(toSubject);
  const setting = reading.setting ?? base?.setting ?? chooseSetting(reading);
  const timeFromNouns = subjects.some((s) => nightNouns.has(s.noun)) ? 'night' : null;
  const timeOfDay = (reading.timeOfDay ?? base?.timeOfDay ?? timeFromNouns ?? settingTime[setting] ?? 'afternoon') as Shot['timeOfDay'];
  const weather = (reading.weather ?? base?.weather ?? 'clear') as Shot['weather'];
  const anyMoving = subjects.some((s) => movingActions.has(s.action));
  // Moving subjects carry a shot by themselves; a still scene gets a slow push in, an empty one a slow pan.
  const defaultMove = subjects.length === 0 ? 'pan-right' : anyMoving ? 'static' : 'zoom-in';
  const camera = {
    move: (reading.cameraMove ?? base?.camera.move ?? defaultMove) as Shot['camera']['move'],
    speed: (reading.cameraSpeed ?? base?.camera.speed ?? (defaultMove !== 'static' && !reading.cameraMove ? 'slow' : 'medium')) as Shot['camera']['speed'],
  };
  const style = reading.style ?? base?.style ?? 'flat';
  const draft = { subjects, setting, timeOfDay, weather };
  // A base mood that was itself inferred is inferred again, so "make it night and stormy" can change it.
  const baseMoodWasInferred = base ? base.mood === inferMood(base) : true;
  const mood = reading.mood ?? (base && !baseMoodWasInferred ? base.mood : inferMood(draft));
  return { subjects, setting, timeOfDay, weather, camera, style, mood };
}
