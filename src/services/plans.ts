import type { ScenePlan } from '../domain/scene-plan.js';
import type { Storyboard } from '../domain/video.js';

/**
 * Plan arithmetic the services do around an engine's planner, the same for any engine that plans: shot lengths
 * kept through a remix, a storyboard's lengths applied, and where a story left off for a continuation.
 */

/** A remix edits every shot of its source; the shots keep the lengths they had, so a storyboard's timing stays. */
export function keepShotLengths(plan: ScenePlan | null, base: ScenePlan | null): ScenePlan | null {
  if (!plan || !base || plan.shots.length !== base.shots.length) return plan;
  return { ...plan, shots: plan.shots.map((shot, i) => ({ ...shot, seconds: base.shots[i]!.seconds })) };
}

/** The storyboard as one prompt in the "Shot 1: …" form planners read, after an optional preamble for every shot. */
export function storyboardPrompt(preamble: string | undefined, storyboard: Storyboard): string {
  const shots = storyboard.shots.map((shot, i) => `Shot ${i + 1}: ${shot.prompt}`);
  return [preamble, ...shots].filter(Boolean).join('\n');
}

/** The planned shots with the storyboard's lengths; undefined when the planner did not read one shot per card. */
export function withStoryboardLengths(plan: ScenePlan, storyboard: Storyboard): ScenePlan | undefined {
  if (plan.shots.length !== storyboard.shots.length) return undefined;
  return { ...plan, shots: plan.shots.map((shot, i) => ({ ...shot, seconds: storyboard.shots[i]!.seconds })) };
}

/** Where a story left off: the last shot of a plan, as a one-shot plan for the continuation to edit. */
export function lastShotPlan(plan: ScenePlan): ScenePlan {
  const last = plan.shots.at(-1);
  if (!last) return plan;
  const { subjects, setting, timeOfDay, weather, camera, style, mood } = last;
  return { ...plan, subjects, setting, timeOfDay, weather, camera, style, mood, shots: [last] };
}
