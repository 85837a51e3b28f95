import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot } from './kinora-server.js';

const run = promisify(execFile);

/** `kinora <args>` as its own OS process on a data directory, as an operator runs it beside a live server. */
export function kinoraCli(dataDir: string, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: repoRoot, env: { ...process.env, KINORA_DATA_DIR: dataDir } });
}
