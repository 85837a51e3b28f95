import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot, type TestServer } from './kinora-server.js';

const run = promisify(execFile);

/**
 * `kinora <args>` as its own OS process on a data directory, as an operator runs it beside a live server: given the
 * server, with the same catalog and queue settings (its PostgreSQL and Redis in the distributed test backend).
 */
export function kinoraCli(on: string | Pick<TestServer, 'dataDir' | 'backend'>, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  const cli = (dataDir: string, backendEnv: Record<string, string> = {}) =>
    run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: repoRoot, env: { ...process.env, ...backendEnv, KINORA_DATA_DIR: dataDir } });
  // The CLI opens (and so migrates) the catalog too.
  return typeof on === 'string' ? cli(on) : on.backend.whileMigrating(() => cli(on.dataDir, on.backend.env));
}
