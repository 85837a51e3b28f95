import type { Command } from 'commander';
import { openCatalog } from '../catalog/catalog.js';
import { loadConfig } from '../config.js';
import { isKeyActive, scopes, type ApiKey, type Scope } from '../domain/api-key.js';
import { KeyService, toKeyObject } from '../services/key-service.js';
import { recordCliAction } from './cli-audit.js';
import { integerOption } from './parse-options.js';

export async function withCatalog<T>(dataDir: string | undefined, run: (catalog: Awaited<ReturnType<typeof openCatalog>>) => Promise<T>): Promise<T> {
  const catalog = await openCatalog(loadConfig(process.env, { dataDir }).databaseUrl);
  try {
    return await run(catalog);
  } finally {
    await catalog.close();
  }
}

function parseScopes(text: string): Scope[] {
  const list = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = list.filter((s) => !(scopes as readonly string[]).includes(s));
  if (unknown.length || list.length === 0) throw new Error(`scopes must be a comma-separated list of: ${scopes.join(', ')}`);
  return list as Scope[];
}

interface KeyOptions {
  name?: string;
  scopes?: string;
  expiresInDays?: number;
  neverExpires?: boolean;
  rateLimit?: number | 'default';
  dailySeconds?: number | 'default';
  watermark?: boolean;
  dataDir?: string;
  json?: boolean;
}

/** A per-key limit: a whole number (0 = unlimited), or `default` for the server's (commander turns null into ''). */
function limitOption(name: string, max: number): (value: string) => number | 'default' {
  const whole = integerOption(name, 0, max);
  return (value) => (value === 'default' ? value : whole(value));
}

const limitValue = (value: number | 'default'): number | null => (value === 'default' ? null : value);

/** The options `create` and `update` share, as the API's body: only what was given. */
function bodyOf(options: KeyOptions): Record<string, unknown> {
  return {
    ...(options.name !== undefined && { name: options.name }),
    ...(options.scopes !== undefined && { scopes: parseScopes(options.scopes) }),
    ...(options.expiresInDays !== undefined && { expires_in_days: options.expiresInDays }),
    ...(options.neverExpires && { expires_at: null }),
    ...(options.rateLimit !== undefined && { rate_limit_per_minute: limitValue(options.rateLimit) }),
    ...(options.dailySeconds !== undefined && { seconds_per_day: limitValue(options.dailySeconds) }),
    ...(options.watermark !== undefined && { watermark: options.watermark }),
  };
}

const limitText = (value: number | null, unit: string): string => (value === null ? `default ${unit}` : value === 0 ? `unlimited ${unit}` : `${value} ${unit}`);

function describe(key: ApiKey): string {
  const expiry = key.expiresAt === null ? 'never expires' : `expires ${new Date(key.expiresAt).toISOString()}`;
  const mark = key.watermark ? ', watermarked' : '';
  return `${key.id}  [${key.scopes.join(',')}]  ${expiry}, ${limitText(key.rateLimitPerMinute, 'requests/min')}, ${limitText(key.secondsPerDay, 'video-s/day')}${mark}`;
}

/** The limit options of `create` and `update`. */
const limitOptions = (command: Command): Command =>
  command
    .option('--expires-in-days <days>', 'the key stops working after this many days', integerOption('--expires-in-days', 1, 3650))
    .option('--rate-limit <per-minute>', "requests a minute; 0 = unlimited, 'default' = the server's", limitOption('--rate-limit', 1_000_000))
    .option('--daily-seconds <n>', "video-seconds in any 24 hours; 0 = unlimited, 'default' = the server's", limitOption('--daily-seconds', 100_000_000))
    .option('--watermark', "mark the key's videos with a visible corner mark")
    .option('--data-dir <dir>', 'data directory (KINORA_DATA_DIR)')
    .option('--json', 'print JSON');

/** Key management straight on the catalog (the operator's machine), so it works with the server up or down. */
export function registerKeysCommand(program: Command): void {
  const keys = program.command('keys').description('create, list and revoke API keys');
  const withKeys = <T>(dataDir: string | undefined, run: (service: KeyService) => Promise<T>): Promise<T> =>
    withCatalog(dataDir, (catalog) => run(new KeyService(catalog.keys)));
  limitOptions(keys.command('create').description('create a key; its secret is printed once'))
    .option('--name <name>', 'a label saying who or what uses the key', 'default')
    .option('--scopes <list>', `comma-separated: ${scopes.join(', ')}`, 'videos:read,videos:write')
    .action(async (options: KeyOptions) => {
      const { key, secret } = await withKeys(options.dataDir, (s) => s.create(bodyOf(options)));
      await recordCliAction(options.dataDir, { action: 'keys.create', keyId: key.id, target: key.id });
      if (options.json) process.stdout.write(`${JSON.stringify({ ...toKeyObject(key), secret }, null, 2)}\n`);
      else process.stdout.write(`${secret}\n(${describe(key)}; shown only this once)\n`);
    });
  limitOptions(keys.command('update').description('change a key; options left out stay as they are').argument('<id>', 'key id (key_…)'))
    .option('--name <name>', 'a new label')
    .option('--scopes <list>', `comma-separated: ${scopes.join(', ')}`)
    .option('--never-expires', 'remove the expiry')
    .option('--no-watermark', 'stop marking its videos')
    .action(async (id: string, options: KeyOptions) => {
      const key = await withKeys(options.dataDir, (s) => s.update(id, bodyOf(options)));
      await recordCliAction(options.dataDir, { action: 'keys.update', keyId: key.id, target: key.id });
      process.stdout.write(options.json ? `${JSON.stringify(toKeyObject(key), null, 2)}\n` : `${describe(key)}\n`);
    });
  keys
    .command('list')
    .description('list keys (never their secrets)')
    .option('--data-dir <dir>', 'data directory (KINORA_DATA_DIR)')
    .option('--json', 'print JSON')
    .action(async (options: { dataDir?: string; json?: boolean }) => {
      const list = await withCatalog(options.dataDir, (c) => c.keys.list());
      if (options.json) {
        process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      for (const k of list) {
        const state = k.revokedAt ? 'revoked' : isKeyActive(k) ? 'active' : 'expired';
        const used = k.lastUsedAt ? new Date(k.lastUsedAt).toISOString() : 'never';
        process.stdout.write(`${k.id}  ${k.prefix}…  ${state.padEnd(7)}  ${k.name}  [${k.scopes.join(',')}]  last used ${used}\n`);
      }
    });
  keys
    .command('revoke')
    .description('revoke a key at once, by id or by its shown prefix')
    .argument('<id>', 'key id (key_…) or prefix (kin_…)')
    .option('--data-dir <dir>', 'data directory (KINORA_DATA_DIR)')
    .action(async (id: string, options: { dataDir?: string }) => {
      const revoked = await withCatalog(options.dataDir, (c) => c.keys.revoke(id));
      if (!revoked) throw new Error(`no active key ${id}`);
      await recordCliAction(options.dataDir, { action: 'keys.revoke', keyId: id.startsWith('key_') ? id : null, target: id });
      process.stdout.write(`revoked ${id}\n`);
    });
}
