import { z } from 'zod';

/**
 * The structured reading of a prompt (DESIGN.md "ScenePlan"). It is stored on every video made by the
 * procedural engine and printed by `kinora plan`, so a person can see what was understood and what was not.
 */
export const sizeWords = ['tiny', 'small', 'medium', 'large', 'huge'] as const;
export const directions = ['left', 'right', 'up', 'down', 'toward', 'away', 'around', 'none'] as const;
export const timesOfDay = ['dawn', 'morning', 'noon', 'afternoon', 'golden-hour', 'sunset', 'dusk', 'night'] as const;
export const weathers = ['clear', 'cloudy', 'rain', 'storm', 'snow', 'fog', 'wind'] as const;
export const cameraMoves = [
  'static', 'pan-left', 'pan-right', 'tilt-up', 'tilt-down', 'zoom-in', 'zoom-out', 'orbit', 'tracking', 'handheld',
] as const;
export const cameraSpeeds = ['slow', 'medium', 'fast'] as const;

export const subjectSchema = z.object({
  noun: z.string(),
  asset: z.string(),
  count: z.number().int().min(1),
  color: z.string().nullable(),
  size: z.enum(sizeWords),
  action: z.string(),
  direction: z.enum(directions),
});
export type Subject = z.infer<typeof subjectSchema>;

const shotCore = {
  subjects: z.array(subjectSchema),
  setting: z.string(),
  timeOfDay: z.enum(timesOfDay),
  weather: z.enum(weathers),
  camera: z.object({ move: z.enum(cameraMoves), speed: z.enum(cameraSpeeds) }),
  style: z.string(),
  mood: z.string(),
};

export const shotSchema = z.object({ ...shotCore, prompt: z.string(), seconds: z.number().positive() });
export type Shot = z.infer<typeof shotSchema>;

export const scenePlanSchema = z.object({
  ...shotCore,
  shots: z.array(shotSchema),
  unmatched: z.array(z.string()),
});
export type ScenePlan = z.infer<typeof scenePlanSchema>;
