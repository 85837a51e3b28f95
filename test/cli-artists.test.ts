import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDataDir } from './helpers/kinora-server.js';

const run = promisify(execFile);
const dir = tempDataDir('cli-artists');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function artists(...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'artists', ...args], { cwd: repoRoot, env: { ...process.env, KINORA_DATA_DIR: dir } });
}

describe('kinora artists', () => {
  it('adds, lists, updates and removes artists in the data directory', async () => {
    const added = JSON.parse((await artists('add', 'Hayao Miyazaki', '--alias', 'Miyazaki', '--alias', '宮崎駿', '--style', 'Studio Ghibli', '--policy', 'deny', '--json')).stdout) as { id: string };
    expect(added).toMatchObject({ object: 'artist', name: 'Hayao Miyazaki', aliases: ['Miyazaki', '宮崎駿'], style_keywords: ['Studio Ghibli'], policy: 'deny', fee_per_second: null });
    expect((await artists('list')).stdout).toMatch(new RegExp(`${added.id}\\s+deny\\s+Hayao Miyazaki  \\(Miyazaki; 宮崎駿; style: Studio Ghibli\\)`));

    const updated = JSON.parse((await artists('update', added.id, '--policy', 'license', '--fee', '4', '--json')).stdout) as unknown;
    expect(updated).toMatchObject({ id: added.id, aliases: ['Miyazaki', '宮崎駿'], policy: 'license', fee_per_second: 4 });

    expect((await artists('remove', added.id)).stdout).toBe(`removed ${added.id}\n`);
    expect(JSON.parse((await artists('list', '--json')).stdout)).toEqual([]);
  });

  it('refuses what the API refuses, with its message', async () => {
    await expect(artists('add', 'Joan Miró', '--policy', 'license')).rejects.toThrow(/'fee_per_second'.*'license' policy/);
    await expect(artists('remove', 'artist_missing')).rejects.toThrow(/No artist found with id 'artist_missing'/);
  });
});
