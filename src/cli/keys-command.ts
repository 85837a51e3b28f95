import type { Command } from 'commander';
import { openCatalog } from '../catalog/catalog.js';
import { loadConfig } from '../config.js';
import { scopes, type Scope } from '../domain/api-key.js';

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

/** Key management straight on the catalog (the operator's machine), so it works with the server up or down. */
export function registerKeysCommand(program: Command): void {
  const keys = program.command('keys').description('create, list and revoke API keys');
  keys
    .command('create')
    .description('create a key; its secret is printed once')
    .option('--name <name>', 'a label saying who or what uses the key', 'default')
    .option('--scopes <list>', `comma-separated: ${scopes.join(', ')}`, 'videos:read,videos:write')
    .option('--data-dir <dir>', 'data directory (KINORA_DATA_DIR)')
    .option('--json', 'print JSON')
    .action(async (options: { name: string; scopes: string; dataDir?: string; json?: boolean }) => {
      const chosen = parseScopes(options.scopes);
      const { key, secret } = await withCatalog(options.dataDir, (c) => c.keys.create(options.name, chosen));
      if (options.json) process.stdout.write(`${JSON.stringify({ ...key, secret }, null, 2)}\n`);
      else process.stdout.write(`${secret}\n(id ${key.id}, scopes ${key.scopes.join(',')}; shown only this once)\n`);
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
        const state = k.revokedAt ? 'revoked' : 'active';
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
      process.stdout.write(`revoked ${id}\n`);
    });
}
