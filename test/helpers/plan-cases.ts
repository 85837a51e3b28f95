import { expect } from 'vitest';
import { scenePlanSchema, type ScenePlan, type Subject } from '../../src/domain/scene-plan.js';
import { planPrompt } from '../../src/engines/procedural/parse.js';
import { stopwords } from '../../src/engines/procedural/lexicon/words.js';

/**
 * One prompt of the plan corpus and the fields of its ScenePlan that matter for it. Only what a case names is
 * checked, so a case says what the prompt means without pinning down every default.
 */
export interface PlanCase {
  prompt: string;
  /** Every subject, in order, each with the fields that matter. Omitted: not checked; []: no subjects. */
  subjects?: Array<Partial<Subject>>;
  setting?: string;
  timeOfDay?: ScenePlan['timeOfDay'];
  weather?: ScenePlan['weather'];
  camera?: Partial<ScenePlan['camera']>;
  style?: string;
  mood?: string;
  /** The words the plan reports it could not use, in order; [] when omitted. */
  unmatched?: string[];
  /** Clip length; 4 s when omitted. */
  seconds?: number;
  /** Shots, each with the fields that matter (subjects checked like the plan's). */
  shots?: Array<Partial<Omit<ScenePlan['shots'][number], 'subjects'>> & { subjects?: Array<Partial<Subject>> }>;
}

/** Plan the case's prompt and check it: schema-valid, lengths adding up, and every field the case names. */
export function expectPlan(c: PlanCase): ScenePlan {
  const plan = planPrompt(c.prompt, c.seconds === undefined ? {} : { seconds: c.seconds });
  expect(scenePlanSchema.safeParse(plan).success, 'schema-valid plan').toBe(true);
  expect(plan.shots.length).toBeGreaterThanOrEqual(1);
  const total = plan.shots.reduce((sum, shot) => sum + shot.seconds, 0);
  expect(total).toBeCloseTo(c.seconds ?? 4, 6);
  if (c.subjects) expect(plan.subjects).toMatchObject(c.subjects);
  const scene = { setting: c.setting, timeOfDay: c.timeOfDay, weather: c.weather, camera: c.camera, style: c.style, mood: c.mood };
  expect(plan).toMatchObject(Object.fromEntries(Object.entries(scene).filter(([, value]) => value !== undefined)));
  if (c.shots) expect(plan.shots).toMatchObject(c.shots);
  expect(plan.unmatched).toEqual(c.unmatched ?? []);
  // Function words are never reported as not understood.
  expect(plan.unmatched.filter((word) => stopwords.has(word))).toEqual([]);
  return plan;
}

/** expectPlan as a test body. */
export function checkPlan(c: PlanCase): void {
  expectPlan(c);
}
