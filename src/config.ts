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
  KINORA_REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be redis://… or rediss://…').optional(),
  KINORA_REDIS_PREFIX: z.string().regex(/^[\w.-]{1,64}$/, 'letters, digits, _ . - only').default('kinora'),
  KINORA_BLOB_URL: z.string().optional(),
  KINORA_BLOB_PRESIGN: boolean.default(false),
  KINORA_WORKERS: z.coerce.number().int().min(0).max(64).default(1),
  KINORA_MAX_SECONDS: z.coerce.number().int().min(1).max(20).default(12),
  KINORA_MAX_PROMPT_CHARS: z.coerce.number().int().min(16).max(32000).default(4000),
  KINORA_MAX_UPLOAD_MB: z.coerce.number().positive().max(100).default(20),
  KINORA_REQUEST_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(120),
  KINORA_MAX_IMAGE_PIXELS: z.coerce.number().int().positive().default(40_000_000),
  KINORA_MODEL_ALIASES: z.string().optional(),
  KINORA_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(30),
  KINORA_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  KINORA_ALLOW_PRIVATE_URLS: boolean.default(false),
  KINORA_WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().min(0.01).max(3600).default(5),
  KINORA_GUEST: boolean.default(false),
  KINORA_GUEST_VIDEOS_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(5),
  KINORA_GUEST_MAX_SECONDS: z.coerce.number().int().min(1).max(20).default(4),
  KINORA_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  KINORA_DAILY_SECONDS: z.coerce.number().int().min(0).max(100_000_000).default(0),
  KINORA_CREDITS_REQUIRED: boolean.default(false),
  KINORA_SIGNING_KEY: z.string().min(1).optional(),
  KINORA_SIGNING_CERT: z.string().min(1).optional(),
  KINORA_WATERMARK: boolean.default(false),
  KINORA_TRAINING_MINING: z.enum(['notAllowed', 'allowed', 'constrained']).default('notAllowed'),
  KINORA_LEAK_FACTOR: z.coerce.number().min(2).max(1000).default(10),
  KINORA_LEAK_WINDOW_SECONDS: z.coerce.number().int().min(10).max(3600).default(60),
  KINORA_LEAK_BASELINE_WINDOWS: z.coerce.number().int().min(1).max(1440).default(60),
  KINORA_LEAK_MIN_REQUESTS: z.coerce.number().int().min(1).default(1200),
  KINORA_LEAK_MIN_VIDEO_SECONDS: z.coerce.number().int().min(1).default(600),
  KINORA_LEAK_MIN_ADDRESSES: z.coerce.number().int().min(1).default(16),
  KINORA_ALERT_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  KINORA_UPSTREAM_URL: z.url({ protocol: /^https?$/ }).optional(),
  KINORA_UPSTREAM_API_KEY: z.string().min(1).optional(),
  KINORA_UPSTREAM_MODELS: z.string().optional(),
  KINORA_UPSTREAM_MODEL_PREFIX: z.string().max(50).default('upstream:'),
  KINORA_COMFYUI_URLS: z.string().optional(),
  KINORA_COMFYUI_TEMPLATES: z.string().min(1).optional(),
  KINORA_COMFYUI_MODELS: z.string().optional(),
  KINORA_METRICS: z.enum(['public', 'admin', 'off']).default('admin'),
  KINORA_TRUST_PROXY: z.string().min(1).optional(),
  KINORA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** `sqlite:///abs/path.db` (default, in dataDir) or `postgres://…`. */
  databaseUrl: string;
  /** `redis://…`: jobs are dispatched across processes with BullMQ; unset, the queue is in-process. */
  redisUrl: string | undefined;
  /** The start of every Redis key Kinora writes, so several Kinoras (or test runs) can share one Redis. */
  redisPrefix: string;
  /** `file:///abs/dir` (default, in dataDir) or `s3://bucket[/prefix]?endpoint=…`. */
  blobUrl: string;
  /** Video downloads answer a redirect to a short-lived presigned S3 URL instead of streaming through the API. */
  blobPresign: boolean;
  /** Render jobs run at once by this process; 0 means API only. */
  workers: number;
  maxSeconds: number;
  maxPromptChars: number;
  maxUploadBytes: number;
  /** The longest a client may take to send one whole request (head and body): a slow-loris client is cut off after it. */
  requestTimeoutMs: number;
  maxImagePixels: number;
  /** Other model names accepted as another name of a served model (OpenAI's sora-2 → kinora-1 by default). */
  modelAliases: Readonly<Record<string, string>>;
  leaseMs: number;
  maxAttempts: number;
  allowPrivateUrls: boolean;
  /** The first webhook retry's delay; later ones are multiples of it (see webhooks/retry-schedule.ts). */
  webhookRetryBaseMs: number;
  /** Guest mode: visitors of the studio may try it without a key, within these per-visitor limits. */
  guest: GuestConfig;
  /** Requests a minute per key, for keys without their own limit; 0: unlimited. */
  rateLimitPerMinute: number;
  /** Video-seconds per key in any 24 hours, for keys without their own quota; 0: unlimited. */
  dailySeconds: number;
  /** Prepaid credits: a key without `admin` is refused a video that costs more than its balance (otherwise postpaid). */
  creditsRequired: boolean;
  provenance: ProvenanceConfig;
  /** The leak watch: a key whose use in a window jumps past factor × its usual and past the floors is suspended. */
  leakWatch: LeakWatchConfig;
  /** Where alerts (automatic suspensions) are POSTed as JSON, besides the log. */
  alertWebhookUrl: string | undefined;
  /** An OpenAI-compatible Videos API (OpenAI, or another Kinora) whose models this instance also serves. */
  upstream: UpstreamConfig | undefined;
  /** A pool of ComfyUI servers running open video models from workflow templates. */
  comfyui: ComfyUiConfig | undefined;
  /** Who may read the API's `/metrics`: anyone, a key with `admin`, or nobody (not served). */
  metrics: 'public' | 'admin' | 'off';
  /** The proxies whose X-Forwarded-* headers are believed (addresses, CIDRs); false: none. */
  trustProxy: string[] | false;
  logLevel: string;
}

export interface UpstreamConfig {
  /** Base URL, e.g. `https://api.openai.com/v1` or `http://other-kinora:8080/v1`. */
  url: string;
  /** The operator's key at the upstream: held here only, never logged nor shown to a client. */
  apiKey: string;
  /** Each upstream model served, and the local name clients ask for (`upstream:sora-2` by default). */
  models: ReadonlyArray<{ local: string; remote: string }>;
}

export interface ComfyUiConfig {
  /** Base URLs of the servers, e.g. `http://gpu-1:8188`. */
  urls: readonly string[];
  /** A directory of workflow templates (`*.json`); unset: the ones shipped in `comfyui-templates/`. */
  templatesDir: string | undefined;
  /** The template ids to serve; all of the directory's when unset. */
  models: readonly string[] | undefined;
}

export interface LeakWatchConfig {
  factor: number;
  windowSeconds: number;
  /** How many earlier windows make the key's usual usage. */
  baselineWindows: number;
  floors: { requests: number; videoSeconds: number; addresses: number };
}

/** How every MP4 is signed (C2PA) and marked. */
export interface ProvenanceConfig {
  /** PEM paths of the operator's own ES256 key and certificate chain; both unset: Kinora's own, made on first start. */
  signingKeyPath: string | undefined;
  signingCertPath: string | undefined;
  /** A visible corner mark on every video (otherwise only on those of keys that ask for it). */
  watermark: boolean;
  /** What the manifests' training-and-data-mining assertion says for AI training, inference and data mining. */
  trainingMining: 'notAllowed' | 'allowed' | 'constrained';
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

/**
 * `KINORA_UPSTREAM_MODELS`: `sora-2,sora-2-pro` serves them as `<prefix>sora-2`…; `local=remote` names one itself.
 * The prefix keeps them apart from the default aliases (sora-2 → kinora-1): a local name equal to an alias wins.
 */
function parseUpstream(url: string | undefined, apiKey: string | undefined, modelList: string | undefined, prefix: string): UpstreamConfig | undefined {
  if (url === undefined && apiKey === undefined && modelList === undefined) return undefined;
  if (!url || !apiKey || !modelList) {
    throw new ConfigError('KINORA_UPSTREAM_URL, KINORA_UPSTREAM_API_KEY and KINORA_UPSTREAM_MODELS go together: set all three or none.');
  }
  const models = modelList
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [left = '', right] = entry.split('=').map((s) => s.trim());
      const pair = right === undefined ? { local: `${prefix}${left}`, remote: left } : { local: left, remote: right };
      if (!pair.local || !pair.remote) throw new ConfigError(`KINORA_UPSTREAM_MODELS: "${entry}" is not model or local=model`);
      return pair;
    });
  if (models.length === 0) throw new ConfigError('KINORA_UPSTREAM_MODELS names no model');
  return Object.freeze({ url: url.replace(/\/+$/, ''), apiKey, models: Object.freeze(models) });
}

/** `KINORA_COMFYUI_URLS`: a comma list of http(s) base URLs; the other two settings need it. */
function parseComfyUi(urlList: string | undefined, templatesDir: string | undefined, modelList: string | undefined): ComfyUiConfig | undefined {
  if (urlList === undefined) {
    if (templatesDir !== undefined || modelList !== undefined) throw new ConfigError('KINORA_COMFYUI_TEMPLATES and KINORA_COMFYUI_MODELS need KINORA_COMFYUI_URLS.');
    return undefined;
  }
  const urls = urlList.split(',').map((entry) => entry.trim().replace(/\/+$/, '')).filter(Boolean);
  const bad = urls.find((url) => !z.url({ protocol: /^https?$/ }).safeParse(url).success);
  if (bad !== undefined || urls.length === 0) throw new ConfigError(`KINORA_COMFYUI_URLS: "${bad ?? urlList}" is not a list of http(s) URLs`);
  const models = modelList?.split(',').map((entry) => entry.trim()).filter(Boolean);
  return Object.freeze({
    urls: Object.freeze(urls),
    templatesDir: templatesDir && path.resolve(templatesDir),
    models: models && Object.freeze(models),
  });
}

/**
 * `KINORA_TRUST_PROXY`: the proxies that may set X-Forwarded-For/-Proto/-Host, as a comma list of addresses, CIDRs or
 * proxy-addr's names (`loopback`, `linklocal`, `uniquelocal`). Unset: none (the client address is the socket's).
 * Behind a TLS proxy it is what makes cookies Secure and sends HSTS, and what per-address limits count.
 */
function parseTrustProxy(value: string | undefined): string[] | false {
  if (value === undefined) return false;
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  const valid = (entry: string): boolean => ['loopback', 'linklocal', 'uniquelocal'].includes(entry) || /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(entry);
  if (entries.length === 0 || !entries.every(valid)) {
    throw new ConfigError(`KINORA_TRUST_PROXY: "${value}" is not a list of proxy addresses, CIDRs or loopback/linklocal/uniquelocal`);
  }
  return entries;
}

function presignedDownloads(enabled: boolean, blobUrl: string | undefined): boolean {
  if (enabled && !blobUrl?.startsWith('s3://')) throw new ConfigError('KINORA_BLOB_PRESIGN=1 needs an s3:// KINORA_BLOB_URL: files on disk are served by the API.');
  return enabled;
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
    redisUrl: e.KINORA_REDIS_URL,
    redisPrefix: e.KINORA_REDIS_PREFIX,
    blobUrl: e.KINORA_BLOB_URL ?? `file://${path.join(dataDir, 'blobs')}`,
    blobPresign: presignedDownloads(e.KINORA_BLOB_PRESIGN, e.KINORA_BLOB_URL),
    workers: overrides.workers ?? e.KINORA_WORKERS,
    maxSeconds: e.KINORA_MAX_SECONDS,
    maxPromptChars: e.KINORA_MAX_PROMPT_CHARS,
    maxUploadBytes: Math.round(e.KINORA_MAX_UPLOAD_MB * 1024 * 1024),
    requestTimeoutMs: Math.round(e.KINORA_REQUEST_TIMEOUT_SECONDS * 1000),
    maxImagePixels: e.KINORA_MAX_IMAGE_PIXELS,
    modelAliases: Object.freeze(parseAliases(e.KINORA_MODEL_ALIASES)),
    leaseMs: e.KINORA_LEASE_SECONDS * 1000,
    maxAttempts: e.KINORA_MAX_ATTEMPTS,
    allowPrivateUrls: e.KINORA_ALLOW_PRIVATE_URLS,
    webhookRetryBaseMs: Math.round(e.KINORA_WEBHOOK_RETRY_BASE_SECONDS * 1000),
    guest: Object.freeze({ enabled: e.KINORA_GUEST, videosPerHour: e.KINORA_GUEST_VIDEOS_PER_HOUR, maxSeconds: e.KINORA_GUEST_MAX_SECONDS }),
    rateLimitPerMinute: e.KINORA_RATE_LIMIT_PER_MINUTE,
    dailySeconds: e.KINORA_DAILY_SECONDS,
    creditsRequired: e.KINORA_CREDITS_REQUIRED,
    provenance: Object.freeze({
      signingKeyPath: e.KINORA_SIGNING_KEY && path.resolve(e.KINORA_SIGNING_KEY),
      signingCertPath: e.KINORA_SIGNING_CERT && path.resolve(e.KINORA_SIGNING_CERT),
      watermark: e.KINORA_WATERMARK,
      trainingMining: e.KINORA_TRAINING_MINING,
    }),
    leakWatch: Object.freeze({
      factor: e.KINORA_LEAK_FACTOR,
      windowSeconds: e.KINORA_LEAK_WINDOW_SECONDS,
      baselineWindows: e.KINORA_LEAK_BASELINE_WINDOWS,
      floors: Object.freeze({ requests: e.KINORA_LEAK_MIN_REQUESTS, videoSeconds: e.KINORA_LEAK_MIN_VIDEO_SECONDS, addresses: e.KINORA_LEAK_MIN_ADDRESSES }),
    }),
    alertWebhookUrl: e.KINORA_ALERT_WEBHOOK_URL,
    upstream: parseUpstream(e.KINORA_UPSTREAM_URL, e.KINORA_UPSTREAM_API_KEY, e.KINORA_UPSTREAM_MODELS, e.KINORA_UPSTREAM_MODEL_PREFIX),
    comfyui: parseComfyUi(e.KINORA_COMFYUI_URLS, e.KINORA_COMFYUI_TEMPLATES, e.KINORA_COMFYUI_MODELS),
    metrics: e.KINORA_METRICS,
    trustProxy: parseTrustProxy(e.KINORA_TRUST_PROXY),
    logLevel: e.KINORA_LOG_LEVEL,
  });
}
