import path from 'node:path';
import { z } from 'zod';

/**
 * One typed configuration, read once from environment variables (and CLI flags layered on top), validated at
 * start-up and frozen. Every setting has a documented default; README's configuration table mirrors this file.
 */
const openAiModelNames = ['sora-2', 'sora-2-pro', 'sora-2-2025-10-06', 'sora-2-pro-2025-10-06', 'sora-2-2025-12-08'];

const boolean = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  KINORA_HOST: z.string().min(1).default('127.0.0.1'),
  KINORA_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  KINORA_DATA_DIR: z.string().min(1).default('./data'),
  KINORA_DATABASE_URL: z.string().optional(),
  KINORA_BLOB_URL: z.string().optional(),
  KINORA_WORKERS: z.coerce.number().int().min(0).max(64).default(1),
  KINORA_MAX_SECONDS: z.coerce.number().int().min(1).max(20).default(12),
  KINORA_MAX_PROMPT_CHARS: z.coerce.number().int().min(16).max(32000).default(4000),
  KINORA_MAX_UPLOAD_MB: z.coerce.number().positive().max(100).default(20),
  KINORA_MAX_IMAGE_PIXELS: z.coerce.number().int().positive().default(40_000_000),
  KINORA_MODEL_ALIASES: z.string().optional(),
  KINORA_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(30),
  KINORA_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  KINORA_ALLOW_PRIVATE_URLS: boolean.default(false),
  KINORA_GUEST: boolean.default(false),
  KINORA_GUEST_VIDEOS_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(5),
  KINORA_GUEST_MAX_SECONDS: z.coerce.number().int().min(1).max(20).default(4),
  KINORA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** `sqlite:///abs/path.db` (default, in dataDir) or `postgres://…`. */
  databaseUrl: string;
  /** `file:///abs/dir` (default, in dataDir). */
  blobUrl: string;
  /** Render jobs run at once by this process; 0 means API only. */
  workers: number;
  maxSeconds: number;
  maxPromptChars: number;
  maxUploadBytes: number;
  maxImagePixels: number;
  /** Other model names accepted as another name of a served model (OpenAI's sora-2 → kinora-1 by default). */
  modelAliases: Readonly<Record<string, string>>;
  leaseMs: number;
  maxAttempts: number;
  allowPrivateUrls: boolean;
  /** Guest mode: visitors of the studio may try it without a key, within these per-visitor limits. */
  guest: GuestConfig;
  logLevel: string;
}

export interface GuestConfig {
  enabled: boolean;
  videosPerHour: number;
  maxSeconds: number;
}

export interface ConfigOverrides {
  host?: string;
  port?: number;
  dataDir?: string;
  workers?: number;
}

export class ConfigError extends Error {}

function parseAliases(text: string | undefined): Record<string, string> {
  if (text === undefined) return Object.fromEntries(openAiModelNames.map((name) => [name, 'kinora-1']));
  const aliases: Record<string, string> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [alias, target] = pair.split('=').map((s) => s.trim());
    if (!alias || !target) throw new ConfigError(`KINORA_MODEL_ALIASES: "${pair}" is not alias=model`);
    aliases[alias] = target;
  }
  return aliases;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(overrides.dataDir ?? e.KINORA_DATA_DIR);
  return Object.freeze({
    host: overrides.host ?? e.KINORA_HOST,
    port: overrides.port ?? e.KINORA_PORT,
    dataDir,
    databaseUrl: e.KINORA_DATABASE_URL ?? `sqlite://${path.join(dataDir, 'kinora.db')}`,
    blobUrl: e.KINORA_BLOB_URL ?? `file://${path.join(dataDir, 'blobs')}`,
    workers: overrides.workers ?? e.KINORA_WORKERS,
    maxSeconds: e.KINORA_MAX_SECONDS,
    maxPromptChars: e.KINORA_MAX_PROMPT_CHARS,
    maxUploadBytes: Math.round(e.KINORA_MAX_UPLOAD_MB * 1024 * 1024),
    maxImagePixels: e.KINORA_MAX_IMAGE_PIXELS,
    modelAliases: Object.freeze(parseAliases(e.KINORA_MODEL_ALIASES)),
    leaseMs: e.KINORA_LEASE_SECONDS * 1000,
    maxAttempts: e.KINORA_MAX_ATTEMPTS,
    allowPrivateUrls: e.KINORA_ALLOW_PRIVATE_URLS,
    guest: Object.freeze({ enabled: e.KINORA_GUEST, videosPerHour: e.KINORA_GUEST_VIDEOS_PER_HOUR, maxSeconds: e.KINORA_GUEST_MAX_SECONDS }),
    logLevel: e.KINORA_LOG_LEVEL,
  });
}
