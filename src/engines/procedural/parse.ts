/**
 * prompt -> ScenePlan. A deterministic domain grammar, not a general NLP parser: the prompt is split into shots, each
 * shot's text is read against the lexicons (parse/reader.ts), and each reading is resolved into a complete shot, from
 * defaults or from the shot before it.
 *
 * A later prompt can edit an earlier plan (remix, or the next shot of a storyboard): what the new text says replaces
 * the old values, the rest is kept.
 */
import { scenePlanSchema, type ScenePlan, type Shot, type Subject } from '../../domain/scene-plan.js';
import { read } from './parse/reader.js';
import type { Reading } from './parse/reading.js';
import { resolve, type ShotCore } from './parse/scene.js';
import { splitSeconds, splitShots } from './parse/shots.js';

export { splitShots };

export interface PlanOptions {
  /** Total duration, split across shots; defaults to the base plan's length, or 4 s. */
  seconds?: number;
  /** Remix: the plan that the new prompt edits. */
  base?: ScenePlan;
}

/** The plan-level fields: the first shot's scene and subjects, and each subject that a later shot brings in. */
function topLevel(shots: Shot[], unmatched: string[]): ScenePlan {
  const first = shots[0] as Shot;
  const subjects: Subject[] = [...first.subjects];
  for (const shot of shots.slice(1)) {
    for (const subject of shot.subjects) {
      if (!subjects.some((s) => s.noun === subject.noun)) subjects.push(subject);
    }
  }
  return scenePlanSchema.parse({
    subjects, setting: first.setting, timeOfDay: first.timeOfDay, weather: first.weather, camera: first.camera,
    style: first.style, mood: first.mood, shots, unmatched,
  });
}

/** The unmatched words in the order the prompt has them, so a person reads them as they wrote them. */
function inPromptOrder(prompt: string, words: string[]): string[] {
  const text = prompt.toLowerCase();
  const at = (word: string): number => {
    const i = text.indexOf(word);
    return i < 0 ? Infinity : i;
  };
  return words.map((word) => ({ word, i: at(word) })).sort((a, b) => a.i - b.i).map(({ word }) => word);
}

/** Words that modify earlier subjects ("make it red", "then it flies") are unused when there are none. */
function unusedOrphans(reading: Reading, base: ShotCore | null | undefined): string[] {
  return base?.subjects.length ? [] : reading.orphanWords;
}

/** prompt (+ optional base plan to edit) -> a validated ScenePlan. Pure and deterministic. */
export function planPrompt(prompt: string, options: PlanOptions = {}): ScenePlan {
  const texts = splitShots(prompt);
  const base = options.base;
  const baseSeconds = base ? base.shots.reduce((sum, shot) => sum + shot.seconds, 0) : 0;
  const total = options.seconds ?? (baseSeconds > 0 ? baseSeconds : 4);
  const unmatched: string[] = [];
  const shots: Shot[] = [];

  if (base && texts.length === 1) {
    // Remix of a whole plan with one instruction: edit every shot the same way.
    const reading = read(prompt);
    const baseShots = base.shots.length ? base.shots : [{ ...base, prompt: '', seconds: total }];
    const seconds = splitSeconds(total, baseShots.length);
    baseShots.forEach((baseShot, i) => {
      shots.push({ ...resolve(reading, baseShot), prompt: baseShot.prompt ? `${baseShot.prompt} / ${prompt}` : prompt, seconds: seconds[i] ?? total });
    });
    unmatched.push(...reading.unmatched, ...unusedOrphans(reading, baseShots[0]));
  } else {
    const seconds = splitSeconds(total, texts);
    let previous: ShotCore | null = null;
    texts.forEach((text, i) => {
      const reading = read(text);
      const baseShot: ShotCore | null = previous ?? (base ? (base.shots[i] ?? base.shots.at(-1) ?? base) : null);
      const core = resolve(reading, baseShot);
      shots.push({ ...core, prompt: text, seconds: seconds[i] ?? total });
      previous = core;
      unmatched.push(...reading.unmatched, ...unusedOrphans(reading, baseShot));
    });
  }
  return topLevel(shots, inPromptOrder(prompt, [...new Set(unmatched)]));
}
