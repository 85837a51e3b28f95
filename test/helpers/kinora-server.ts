import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino, type Logger } from 'pino';
import { loadConfig } from '../../src/config.js';
import { startKinora, type RunningKinora } from '../../src/runtime/start-kinora.js';
import { openTestBackend, type TestBackend } from './test-backend.js';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export function tempDataDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `kinora-${label}-`));
}

export interface TestServer extends RunningKinora {
  adminKey: string;
  dataDir: string;
  /** Where its catalog and queue are, beyond the data dir: what a CLI run beside it needs too (see kinora-cli.ts). */
  backend: Pick<TestBackend, 'env' | 'whileMigrating'>;
}

/**
 * A real Kinora (real HTTP on a free port, real worker pool) inside the test process, on a fresh catalog and queue:
 * a SQLite file and the in-process queue, or PostgreSQL and BullMQ with `KINORA_TEST_BACKEND=distributed` (see
 * test-backend.ts).
 */
export async function startTestServer(env: Record<string, string> = {}, options: { workers?: number; logger?: Logger } = {}): Promise<TestServer> {
  const dataDir = tempDataDir('server');
  const backend = await openTestBackend();
  const removeAll = async (): Promise<void> => {
    await backend.remove();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const config = loadConfig({ KINORA_LOG_LEVEL: 'silent', ...backend.env, ...env }, { dataDir, port: 0, host: '127.0.0.1', workers: options.workers ?? 1 });
    const kinora = await backend.whileMigrating(() => startKinora(config, options.logger ?? pino({ level: config.logLevel })));
    if (!kinora.firstAdminKey) {
      await kinora.close();
      throw new Error('a fresh catalog must print an admin key');
    }
    const close = kinora.close;
    // Tests may stop a server early and close it again afterwards: the backend is removed once.
    let closing: Promise<void> | undefined;
    return Object.assign(kinora, {
      adminKey: kinora.firstAdminKey,
      dataDir,
      backend,
      close: () => (closing ??= close().then(removeAll)),
    });
  } catch (error) {
    await removeAll();
    throw error;
  }
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  adminKey: string | undefined;
  output: () => string;
}

/** `kinora serve` as its own OS process, for tests that kill it. Resolves once it says where it listens. */
export function spawnServer(dataDir: string, env: Record<string, string> = {}, extraArgs: string[] = []): Promise<ServerProcess> {
  return spawnKinora(['serve', '--port', '0', '--data-dir', dataDir, ...extraArgs], env, /listening on (http:\/\/\S+)/);
}

/** `kinora <args>` as its own OS process; resolves once its output matches `ready`, whose group 1 is its URL. */
export function spawnKinora(args: string[], env: Record<string, string>, ready: RegExp): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, KINORA_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      text += chunk.toString();
      const listening = ready.exec(text);
      if (listening) {
        const key = /\n\s+(kin_[0-9A-Za-z]+_[0-9A-Za-z]{6})\n/.exec(text);
        resolve({ child, url: listening[1]!, adminKey: key?.[1], output: () => text });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`kinora ${args[0]} exited with ${code}:\n${text}`)));
  });
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 90_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
