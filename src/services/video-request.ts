import { z } from 'zod';
import { badRequest } from '../domain/errors.js';

/** An uploaded file part, as the HTTP layer hands it over (already size-limited). */
export interface UploadedFile {
  kind: 'file';
  buffer: Buffer;
  filename: string;
  mimetype: string;
}

const uploadedFileSchema = z.custom<UploadedFile>((v) => typeof v === 'object' && v !== null && (v as UploadedFile).kind === 'file', {
  message: 'expected an uploaded file',
});

const seedSchema = z.coerce.number().int().min(0).max(2 ** 32 - 1);

/** `seconds` arrives as a string from the SDK ("4"); plain JSON clients may send a number. Both mean the same. */
const secondsSchema = z.union([z.string().regex(/^\d{1,3}$/), z.number().int()]).transform(Number);

export const createVideoSchema = z
  .object({
    prompt: z.string(),
    model: z.string().min(1).max(100).optional(),
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
  })
  .strict();
export type CreateVideoBody = z.infer<typeof createVideoSchema>;

export const remixVideoSchema = z.object({ prompt: z.string() }).strict();

export const listVideosSchema = z
  .object({
    after: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict();

/** Kinora keeps files only as reference images, so only the purposes OpenAI uses for images are accepted. */
export const createFileSchema = z.object({ file: uploadedFileSchema, purpose: z.enum(['vision', 'user_data']) }).strict();

export const contentQuerySchema = z.object({ variant: z.enum(['video', 'thumbnail', 'spritesheet']).default('video') }).strict();

/**
 * Validates with zod and turns the first problem into an OpenAI-style 400 that names the parameter, e.g.
 * "Unknown parameter: 'foo'." or "Invalid value for 'limit': …".
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const at = issue.path.length ? `${issue.path.join('.')}.${key}` : key;
    throw badRequest(`Unknown parameter: '${at}'.`, at, 'unknown_parameter');
  }
  const param = issue.path.map(String).join('.') || null;
  if (param === null) throw badRequest('The request body must be an object of parameters.', null, 'invalid_request');
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    throw badRequest(`Missing required parameter: '${param}'.`, param, 'missing_required_parameter');
  }
  throw badRequest(`Invalid value for '${param}': ${issue.message}.`, param, 'invalid_value');
}
