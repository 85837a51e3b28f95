/**
 * bench/api — HTTP API throughput with autocannon against a real `kinora serve` (the built JavaScript, compiled
 * here by tsc into dist/ as `npm run build` does, not tsx), an API-only node (`--no-worker`) over a SQLite file:
 *
 *   (a) GET /v1/videos/{id} status reads, cycling over the videos it made   (target: ≥ 5,000/s, p99 < 10 ms)
 *   (b) GET /v1/videos?limit=20 list pages
 *   (c) POST /v1/videos creates: admission, plan, catalog write and enqueue; nothing renders (no worker in this
 *       node: the trivial engine costs nothing, and bench:queue measures the queue's claim + complete apart)
 *   (d) a sustained status-read run, with the server's RSS sampled every 5 s            (target: no error, flat RSS)
 *
 * The server is pinned to core 0 (taskset) and this process, autocannon's, to core 1, so the figures are those of
 * one core. The key's rate limit is raised (its bookkeeping still runs on every request) and the leak watch's
 * request floor lifted, or the bench's own key would be refused or suspended as a leaked one. Rates swing when other
 * work shares the cores (compare runs made in the same minute); the server's CPU time per request swings less.
 *
 *   npm run bench:api -- [--duration 5] [--sustained 15] [--connections 10] [--videos 50]
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    sustained: { type: 'string', default: '15' },
    connections: { type: 'string', default: '10' },
    videos: { type: 'string', default: '50' },
  },
});
const duration = Number(values.duration);
const sustained = Number(values.sustained);
const connections = Number(values.connections);
const videoCount = Number(values.videos);
const rssEveryMs = 5_000;

const repoRoot = path.resolve(import.meta.dirname, '..');

/**
 * Compiles src into dist/ (where the built code finds package.json and the studio), incrementally so that a rerun
 * takes seconds; tsc emits even when someone's unfinished edit has a type error.
 */
function buildKinora(): string {
  const tsc = path.join(repoRoot, 'node_modules/.bin/tsc');
  const args = ['-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', 'dist/.tsbuildinfo'];
  try {
    execFileSync(tsc, args, { cwd: repoRoot, stdio: 'pipe' });
  } catch (error) {
    console.warn(`tsc reported errors (the build was emitted anyway):\n${String((error as { stdout?: Buffer }).stdout ?? error).slice(0, 2000)}`);
  }
  return path.join(repoRoot, 'dist/cli/main.js');
}

const canPin = os.cpus().length >= 2 && fs.existsSync('/usr/bin/taskset');

interface Server {
  child: ChildProcess;
  url: string;
  adminKey: string;
  /** The heap (MB) left after each full garbage collection so far, read from the server's --trace-gc lines. */
  heapAfterFullGc: number[];
}

/** The built `kinora serve --no-worker` on a free port, alone on core 0; resolves once it listens. */
function startServer(main: string, dataDir: string): Promise<Server> {
  // RSS also grows while V8 lets garbage pile up before its first full collection; what a leak grows is the heap
  // left after one, which a heap snapshot (SIGUSR2, written into the data dir) forces and --trace-gc reports.
  const command = [process.execPath, '--trace-gc', '--heapsnapshot-signal=SIGUSR2', main, 'serve', '--no-worker', '--port', '0', '--data-dir', dataDir];
  const [file, ...args] = canPin ? ['taskset', '-c', '0', ...command] : command;
  const child = spawn(file!, args, {
    cwd: dataDir,
    env: { ...process.env, KINORA_LOG_LEVEL: 'warn', KINORA_RATE_LIMIT_PER_MINUTE: '1000000', KINORA_LEAK_MIN_REQUESTS: '1000000000', KINORA_LEAK_MIN_VIDEO_SECONDS: '1000000000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  process.once('exit', () => child.kill('SIGTERM'));
  let text = '';
  let partialLine = '';
  const heapAfterFullGc: number[] = [];
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (partialLine + chunk.toString()).split('\n');
      partialLine = lines.pop()!;
      for (const line of lines) {
        const fullGc = /Mark-Compact (?:\(reduce\) )?[\d.]+ \([\d.]+\) -> ([\d.]+) \(/.exec(line);
        if (fullGc) heapAfterFullGc.push(Number(fullGc[1]));
        else if (!line.includes('Scavenge')) text += `${line}\n`;
      }
      const listening = /listening on (http:\/\/\S+)/.exec(text);
      const key = /\n\s+(kin_[0-9A-Za-z]+_[0-9A-Za-z]{6})\n/.exec(text);
      if (listening && key) resolve({ child, url: listening[1]!, adminKey: key[1]!, heapAfterFullGc });
    });
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`kinora serve exited with ${code}:\n${text}`)));
  });
}

const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU seconds a process has used (user + system; Linux): steadier than wall-clock rates on a shared machine. */
function cpuSeconds(pid: number): number {
  // Fields after the command name: utime and stime are the 12th and 13th.
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** The server's live heap in MB: a full collection forced by a heap snapshot, waited for (writing one holds its event loop). */
async function liveHeapMB(server: Server): Promise<number> {
  const before = server.heapAfterFullGc.length;
  server.child.kill('SIGUSR2');
  while (server.heapAfterFullGc.length === before) await new Promise((resolve) => setTimeout(resolve, 100));
  await fetch(`${server.url}/healthz`);
  // The snapshot's second, final collection is printed as it ends.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return server.heapAfterFullGc.at(-1)!;
}

/** Resident memory of a process, in MiB (Linux). */
function rssMiB(pid: number): number {
  const line = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(line?.[1] ?? Number.NaN) / 1024;
}

const createBody = (i: number): string => JSON.stringify({ model: 'kinora-1', prompt: 'a red fox running through a snowy forest', size: '854x480', seconds: '4', seed: i + 1 });

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Server CPU per answered request: 1e6 / this is what one core would serve if the server had it to itself. */
  cpuMicros: number;
  rssStart: number;
  rssEnd: number;
}

async function cannon(server: Server, seconds: number, request: autocannon.Request): Promise<Figures> {
  const pid = server.child.pid!;
  const rssStart = rssMiB(pid);
  const cpuStart = cpuSeconds(pid);
  const result = await autocannon({
    url: server.url,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${server.adminKey}`, 'content-type': 'application/json' },
    requests: [request],
  });
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    cpuMicros: ((cpuSeconds(pid) - cpuStart) * 1e6) / Math.max(1, result.requests.total),
    rssStart,
    rssEnd: rssMiB(pid),
  };
}

const print = (name: string, f: Figures): void =>
  console.log(
    name.padEnd(34),
    f.perSecond.toFixed(0).padStart(8),
    `${f.p50} ms`.padStart(8),
    `${f.p99} ms`.padStart(8),
    String(f.errors).padStart(7),
    String(f.non2xx).padStart(7),
    `${f.cpuMicros.toFixed(0)} µs`.padStart(12),
    `${f.rssStart.toFixed(0)} -> ${f.rssEnd.toFixed(0)} MiB`.padStart(18),
  );

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinora-bench-api-'));
const main = buildKinora();
const server = await startServer(main, dataDir);
if (canPin) execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
try {
  const ids: string[] = [];
  for (let i = 0; i < videoCount; i++) {
    const response = await fetch(`${server.url}/v1/videos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminKey}`, 'content-type': 'application/json' },
      body: createBody(i),
    });
    if (response.status !== 200) throw new Error(`create answered ${response.status}: ${await response.text()}`);
    ids.push(((await response.json()) as { id: string }).id);
  }
  let next = 0;
  const statusRead: autocannon.Request = { method: 'GET', setupRequest: (request) => ({ ...request, path: `/v1/videos/${ids[next++ % ids.length]}` }) };

  console.log(`API throughput, kinora serve --no-worker (built), SQLite, ${videoCount} videos, ${connections} connections`);
  console.log(canPin ? 'server pinned to core 0, autocannon to core 1' : 'NOT pinned (no taskset or a single core): the server shares its core');
  console.log('scenario'.padEnd(34), 'req/s'.padStart(8), 'p50'.padStart(8), 'p99'.padStart(8), 'errors'.padStart(7), 'non2xx'.padStart(7), 'server CPU/req'.padStart(12), 'server RSS'.padStart(18));
  await cannon(server, 5, statusRead); // warm-up: JIT, caches, connections
  print('(a) GET /v1/videos/{id}', await cannon(server, duration, statusRead));
  print('(b) GET /v1/videos?limit=20', await cannon(server, duration, { method: 'GET', path: '/v1/videos?limit=20' }));
  let created = videoCount;
  print('(c) POST /v1/videos (no render)', await cannon(server, duration, { method: 'POST', path: '/v1/videos', setupRequest: (request) => ({ ...request, body: createBody(created++) }) }));

  const samples: number[] = [rssMiB(server.child.pid!)];
  const sampler = setInterval(() => samples.push(rssMiB(server.child.pid!)), rssEveryMs);
  const long = await cannon(server, sustained, statusRead);
  clearInterval(sampler);
  samples.push(long.rssEnd);
  print(`(d) GET /v1/videos/{id}, ${sustained} s`, long);
  console.log(`(d) server RSS every ${rssEveryMs / 1000} s (MiB): ${samples.map((s) => s.toFixed(0)).join(' ')}; spread ${(Math.max(...samples) - Math.min(...samples)).toFixed(1)} MiB`);
  // After the RSS samples (a snapshot inflates RSS): the live heap at the end of (d), and after a third as much again.
  const heapAfterRun = await liveHeapMB(server);
  const more = Math.max(5, Math.round(sustained / 3));
  await cannon(server, more, statusRead);
  console.log(`(d) server live heap after a full GC: ${heapAfterRun} MB at its end, ${await liveHeapMB(server)} MB after ${more} s more`);
} finally {
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
