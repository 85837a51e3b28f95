import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../test/helpers/kinora-server.js';

const run = promisify(execFile);

/**
 * The purge delay mimalloc itself reports when the real CLI loads the canvas library: mimalloc prints its options on
 * stderr at start-up when MIMALLOC_VERBOSE is set, so this fails if the setting comes too late to count.
 */
async function purgeDelaySeenByCli(operatorDelay?: string): Promise<string | undefined> {
  const env: NodeJS.ProcessEnv = { ...process.env, MIMALLOC_VERBOSE: '1' };
  delete env.MIMALLOC_PURGE_DELAY;
  if (operatorDelay !== undefined) env.MIMALLOC_PURGE_DELAY = operatorDelay;
  const { stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'plan', 'a fox in the snow', '--json'], { cwd: repoRoot, env });
  return /option 'purge_delay': (-?\d+)/.exec(stderr)?.[1];
}

describe('skia-allocator', () => {
  it('keeps freed canvas memory for a second in the CLI, or what the operator set', async () => {
    expect(await purgeDelaySeenByCli()).toBe('1000');
    expect(await purgeDelaySeenByCli('250')).toBe('250');
  }, 60_000);
});
