import { z } from 'zod';
import { badRequest } from '../domain/errors.js';

/** An uploaded file part, as the HTTP layer hands it over (already size-limited). */
export interface UploadedFile {
  kind: 'file';
  buffer: Buffer;
  filename: string;
  mimetype: string;
}

export const uploadedFileSchema = z.custom<UploadedFile>((v) => typeof v === 'object' && v !== null && (v as UploadedFile).kind === 'file', {
  message: 'expected an uploaded file',
});

const seedSchema = z.coerce.number().int().min(0).max(2 ** 32 - 1);
const modelSchema = z.string().min(1).max(100);
const videoIdSchema = z.string().min(1).max(100);

/** `seconds` arrives as a string from the SDK ("4"); plain JSON clients may send a number. Both mean the same. */
const secondsSchema = z.union([z.string().regex(/^\d{1,3}$/), z.number().int()]).transform(Number);

/** Lengths and instants in seconds, to the millisecond: a JSON number, or the text a multipart field carries. */
const timeSchema = z
  .union([z.string().regex(/^\d{1,4}(\.\d{1,6})?$/, { error: 'expected a number of seconds' }), z.number().finite().nonnegative()], {
    error: 'expected a number of seconds',
  })
  .transform((v) => Math.round(Number(v) * 1000) / 1000);

/** A JSON boolean, or "true"/"false" as the SDK writes booleans into multipart fields. */
const flagSchema = z
  .union([z.boolean(), z.enum(['true', 'false'])], { error: 'expected true or false' })
  .transform((v) => v === true || v === 'true');

/** At most as many shots as the engine's own storyboard reading takes. */
export const maxStoryboardShots = 8;

const storyboardSchema = z
  .object({
    shots: z
      .array(z.object({ prompt: z.string(), seconds: timeSchema }).strict())
      .min(1, { error: 'a storyboard needs at least one shot' })
      .max(maxStoryboardShots, { error: `at most ${maxStoryboardShots} shots` }),
    transition: z.enum(['cut', 'crossfade']).default('cut'),
  })
  .strict();

export const createVideoSchema = z
  .object({
    prompt: z.string().optional(),
    model: modelSchema.optional(),
    seconds: secondsSchema.optional(),
    size: z.string().max(20).optional(),
    seed: seedSchema.optional(),
    input_reference: z
      .union([
        uploadedFileSchema,
        z.object({ image_url: z.string().min(1).max(20_971_520) }).strict(),
        z.object({ file_id: z.string().min(1).max(200) }).strict(),
      ])
      .optional(),
    // Kinora's own options; the SDK passes unknown body fields through.
    audio: flagSchema.optional(),
    loop: flagSchema.optional(),
    storyboard: storyboardSchema.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    // A storyboard carries its own prompts; without one the prompt is required, as at OpenAI.
    if (body.prompt === undefined && body.storyboard === undefined) {
      ctx.addIssue({ code: 'invalid_type', expected: 'string', input: undefined, path: ['prompt'] });
    }
  });
export type CreateVideoBody = z.infer<typeof createVideoSchema>;
export type StoryboardBody = z.infer<typeof storyboardSchema>;

export const remixVideoSchema = z.object({ prompt: z.string() }).strict();

/** The SDK's `video`: an uploaded clip, or `{id}` of a completed video (multipart key `video[id]`). */
const videoSourceSchema = z.union([uploadedFileSchema, z.object({ id: videoIdSchema }).strict()], {
  error: 'expected an uploaded video file or {id} of a completed video',
});
export type VideoSourceBody = z.infer<typeof videoSourceSchema>;

/** `model` and `seed` only mean something for an uploaded clip; a video by id keeps its own. */
const uploadOnly = { model: modelSchema.optional(), seed: seedSchema.optional() };

export const editVideoSchema = z.object({ prompt: z.string(), video: videoSourceSchema, ...uploadOnly }).strict();
export type EditVideoBody = z.infer<typeof editVideoSchema>;

export const extendVideoSchema = z.object({ prompt: z.string(), seconds: secondsSchema, video: videoSourceSchema, ...uploadOnly }).strict();
export type ExtendVideoBody = z.infer<typeof extendVideoSchema>;

export const blendVideosSchema = z
  .object({ video_a: videoIdSchema, video_b: videoIdSchema, transition_seconds: timeSchema.optional(), prompt: z.string().optional() })
  .strict();
export type BlendVideosBody = z.infer<typeof blendVideosSchema>;

export const recutVideoSchema = z
  .object({ start: timeSchema.optional(), end: timeSchema.optional(), extend_to: timeSchema.optional(), extend_mode: z.enum(['hold', 'loop']).optional() })
  .strict();
export type RecutVideoBody = z.infer<typeof recutVideoSchema>;

export const listVideosSchema = z
  .object({
    after: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict();

/** Kinora keeps files only as reference images, so only the purposes OpenAI uses for images are accepted. */
export const createFileSchema = z.object({ file: uploadedFileSchema, purpose: z.enum(['vision', 'user_data']) }).strict();

export const contentQuerySchema = z.object({ variant: z.enum(['video', 'thumbnail', 'spritesheet', 'preview']).default('video') }).strict();

/**
 * Validates with zod and turns the first problem into an OpenAI-style 400 that names the parameter, e.g.
 * "Unknown parameter: 'foo'." or "Invalid value for 'limit': …".
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const at = paramName([...issue.path, issue.keys[0]!]);
    throw badRequest(`Unknown parameter: '${at}'.`, at, 'unknown_parameter');
  }
  const param = paramName(issue.path) || null;
  if (param === null) throw badRequest('The request body must be an object of parameters.', null, 'invalid_request');
  if (valueAt(input, issue.path) === undefined) {
    throw badRequest(`Missing required parameter: '${param}'.`, param, 'missing_required_parameter');
  }
  throw badRequest(`Invalid value for '${param}': ${issue.message}.`, param, 'invalid_value');
}

/** OpenAI's way of naming a nested parameter: `storyboard.shots[1].seconds`. */
function paramName(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const part of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}
