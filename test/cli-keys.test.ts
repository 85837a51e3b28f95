import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDataDir } from './helpers/kinora-server.js';

const run = promisify(execFile);
const dir = tempDataDir('cli-keys');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function keys(...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'keys', ...args], { cwd: repoRoot, env: { ...process.env, KINORA_DATA_DIR: dir } });
}

describe('kinora keys with limits', () => {
  it('creates a key with an expiry, limits and the watermark, then updates them', async () => {
    const before = Date.now() / 1000;
    const created = JSON.parse((await keys('create', '--name', 'partner', '--expires-in-days', '7', '--rate-limit', '30', '--daily-seconds', '120', '--watermark', '--json')).stdout) as {
      id: string;
      secret: string;
      expires_at: number;
    };
    expect(created).toMatchObject({ object: 'api_key', name: 'partner', scopes: ['videos:read', 'videos:write'], rate_limit_per_minute: 30, seconds_per_day: 120, watermark: true });
    expect(created.secret).toMatch(/^kin_/);
    expect(created.expires_at - before).toBeGreaterThan(7 * 86400 - 60);
    expect(created.expires_at - before).toBeLessThanOrEqual(7 * 86400 + 60);

    const updated = JSON.parse((await keys('update', created.id, '--rate-limit', 'default', '--daily-seconds', '0', '--no-watermark', '--never-expires', '--json')).stdout) as unknown;
    expect(updated).toMatchObject({ id: created.id, name: 'partner', rate_limit_per_minute: null, seconds_per_day: 0, watermark: false, expires_at: null });
    expect(JSON.stringify(updated)).not.toContain(created.secret);

    const text = (await keys('update', created.id, '--name', 'partner two', '--scopes', 'videos:read')).stdout;
    expect(text).toBe(`${created.id}  [videos:read]  never expires, default requests/min, unlimited video-s/day\n`);
    expect((await keys('list')).stdout).toMatch(new RegExp(`${created.id}.*active\\s+partner two`));
  });

  it('refuses bad values with readable messages', async () => {
    await expect(keys('create', '--rate-limit', 'lots')).rejects.toThrow(/--rate-limit must be a whole number from 0 to 1000000/);
    await expect(keys('create', '--expires-in-days', '0')).rejects.toThrow(/--expires-in-days must be a whole number from 1 to 3650/);
    await expect(keys('update', 'key_missing', '--name', 'x')).rejects.toThrow(/No API key found with id 'key_missing'/);
    await expect(keys('update', 'key_missing', '--scopes', 'root')).rejects.toThrow(/scopes must be a comma-separated list of/);
  });

  it('keeps the last admin key from losing its admin scope', async () => {
    const admin = JSON.parse((await keys('create', '--name', 'root', '--scopes', 'admin', '--json')).stdout) as { id: string };
    await expect(keys('update', admin.id, '--scopes', 'videos:read')).rejects.toThrow(/last active admin key/);
  });
});
