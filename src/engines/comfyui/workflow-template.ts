import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { NonRetryableError } from '../../worker/job-errors.js';
import type { ModelInfo } from '../engine.js';

/**
 * A ComfyUI workflow in API format (`{ node_id: { class_type, inputs } }`, what "Export (API)" saves) with Kinora's
 * placeholders, plus what Kinora must know of the model it runs. A placeholder is a whole string value `"{{name}}"`
 * (replaced by a typed value: a number stays a number) or part of a longer text (`"{{prompt}}, cinematic"`).
 */
export const placeholderNames = ['prompt', 'width', 'height', 'frames', 'fps', 'seed', 'image', 'filename_prefix'] as const;
export type PlaceholderName = (typeof placeholderNames)[number];
export type PlaceholderValues = Partial<Record<PlaceholderName, string | number | undefined>>;

const size = z.string().regex(/^\d{2,4}x\d{2,4}$/);
const templateSchema = z.object({
  kinora: z.object({
    /** Served as `comfyui:<id>`. */
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
    description: z.string().max(300),
    sizes: z.array(size).min(1),
    maxSeconds: z.number().int().min(1).max(60),
    fps: z.number().int().min(1).max(60),
    /** Video models take 1 + k × step frames (Wan: 4, LTX-Video: 8, HunyuanVideo: 4). */
    frameStep: z.number().int().min(1).max(64).default(1),
    /** An image-to-video model: its workflow loads `{{image}}`, so a create must send an input image. */
    imageInput: z.boolean().default(false),
  }),
  workflow: z.record(z.string(), z.object({ class_type: z.string().min(1), inputs: z.record(z.string(), z.unknown()) }).loose()),
});
export type WorkflowTemplate = z.infer<typeof templateSchema>;
export type Workflow = WorkflowTemplate['workflow'];

export const comfyModelPrefix = 'comfyui:';

export function modelInfo(template: WorkflowTemplate): ModelInfo {
  const { kinora } = template;
  return {
    id: `${comfyModelPrefix}${kinora.id}`,
    engine: 'comfyui',
    description: kinora.description,
    sizes: kinora.sizes,
    maxSeconds: kinora.maxSeconds,
    features: { imageInput: kinora.imageInput, imageRequired: kinora.imageInput, remix: false, audio: false },
  };
}

/** Frames for `seconds` at the model's rate, rounded to the nearest count the model takes (1 + k × step). */
export function frameCount(template: WorkflowTemplate, seconds: number): number {
  const { fps, frameStep } = template.kinora;
  return 1 + Math.max(1, Math.round((seconds * fps - 1) / frameStep)) * frameStep;
}

const whole = /^\{\{([a-z_]+)\}\}$/;
const inside = /\{\{([a-z_]+)\}\}/g;

/** A copy of the template's workflow with every placeholder filled; a placeholder without a value is an error. */
export function fillWorkflow(template: WorkflowTemplate, values: PlaceholderValues): Workflow {
  const value = (name: string): string | number => {
    const found = values[name as PlaceholderName];
    if (found === undefined) throw new NonRetryableError(`The workflow of ${template.kinora.id} uses {{${name}}}, which has no value here.`, 'comfyui_invalid_template');
    return found;
  };
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      const single = whole.exec(node);
      return single ? value(single[1]!) : node.replace(inside, (_match, name: string) => String(value(name)));
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, fill(child)]));
    return node;
  };
  return fill(template.workflow) as Workflow;
}

/** Every `*.json` template of a directory, validated; a bad file stops the start with its name. */
export async function loadTemplates(directory: string): Promise<WorkflowTemplate[]> {
  const names = (await fs.readdir(directory)).filter((name) => name.endsWith('.json')).sort();
  const templates = await Promise.all(
    names.map(async (name) => {
      const parsed = templateSchema.safeParse(JSON.parse(await fs.readFile(path.join(directory, name), 'utf8')));
      if (!parsed.success) throw new Error(`ComfyUI template ${name}: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    }),
  );
  const ids = templates.map((template) => template.kinora.id);
  const twice = ids.find((id, index) => ids.indexOf(id) !== index);
  if (twice) throw new Error(`Two ComfyUI templates are named ${twice}.`);
  return templates;
}

/** The templates shipped with Kinora (the repository's `comfyui-templates/`, from src/ or dist/ alike). */
export const bundledTemplatesDir = path.resolve(import.meta.dirname, '../../../comfyui-templates');
