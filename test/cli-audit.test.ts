import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { kinoraCli } from './helpers/kinora-cli.js';
import { tempDataDir } from './helpers/kinora-server.js';

const dir = tempDataDir('cli-audit');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('kinora audit', () => {
  it('lists the operator\'s key and artist actions from the CLI, newest first, filtered by action prefix', async () => {
    const key = JSON.parse((await kinoraCli(dir, 'keys', 'create', '--name', 'partner', '--json')).stdout) as { id: string };
    await kinoraCli(dir, 'keys', 'revoke', key.id);
    const artist = JSON.parse((await kinoraCli(dir, 'artists', 'add', 'Claude Monet', '--policy', 'credit', '--json')).stdout) as { id: string };
    await kinoraCli(dir, 'artists', 'remove', artist.id);

    const keys = JSON.parse((await kinoraCli(dir, 'audit', '--action', 'keys.', '--json')).stdout) as Array<Record<string, unknown>>;
    expect(keys).toMatchObject([
      { action: 'keys.revoke', key_id: key.id, target: key.id, decision: 'accepted' },
      { action: 'keys.create', key_id: key.id, target: key.id, decision: 'accepted' },
    ]);
    expect(keys[0]!.actor).toMatch(/^cli:/);
    const lines = (await kinoraCli(dir, 'audit', '--action', 'artists.')).stdout.trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(`cli:\\S+  artists.remove on ${artist.id}  accepted$`), expect.stringMatching(`artists.add on ${artist.id}  accepted$`)]);
    await expect(kinoraCli(dir, 'audit', '--since', 'yesterday-ish')).rejects.toThrow(/--since must be a duration/);
  });
});
