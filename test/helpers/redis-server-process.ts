import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { tempDataDir } from './kinora-server.js';

export interface RedisServerProcess {
  url: string;
  /** SIGKILLs the server (no shutdown save; the append-only file has what it acknowledged). */
  kill(): Promise<void>;
  /** Starts it again on the same port and data directory (if it is not running). */
  start(): Promise<void>;
  /** Kills it and deletes its data directory. */
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A redis-server of the test's own, on a free port with an append-only file in a temporary directory: one the test
 * may kill and restart (the shared Redis of the machine must never be), keeping its data as a production one does.
 */
export async function startRedisServer(): Promise<RedisServerProcess> {
  const dir = tempDataDir('redis');
  const port = await freePort();
  let child: ChildProcess | undefined;
  const running = (): boolean => child !== undefined && child.exitCode === null && child.signalCode === null;
  const start = (): Promise<void> => {
    if (running()) return Promise.resolve();
    const started = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    let output = '';
    return new Promise((resolve, reject) => {
      started.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) resolve();
      });
      started.once('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${output}`)));
    });
  };
  const kill = async (): Promise<void> => {
    const server = child;
    if (!server || !running()) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    kill,
    start,
    async close() {
      await kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
