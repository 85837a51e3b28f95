/**
 * bench/first-preview — how long a person waits for the first picture: from submitting a video to the first
 * `event: preview` on its Server-Sent Events stream (GET /v1/videos/{id}/events), for the first video of a freshly
 * started `kinora serve` (cold: modules, artwork, canvas, fonts, sound worker) and for the next few (warm).
 *
 * Each run starts its own server process on an empty data dir, so every run's first video is really cold. The
 * times include the HTTP round trips a client pays; the figures swing when other work shares the cores.
 *
 *   npx tsx bench/first-preview.ts [--runs 3] [--videos 4] [--size 1280x720] [--seconds 4] [--prompt "..."]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    videos: { type: 'string', default: '4' },
    size: { type: 'string', default: '1280x720' },
    seconds: { type: 'string', default: '4' },
    prompt: { type: 'string', default: 'three red foxes running through a snowy forest at dusk while the camera pans right' },
  },
});
const repoRoot = path.resolve(import.meta.dirname, '..');

interface Server {
  child: ChildProcess;
  url: string;
  adminKey: string;
}

/** `kinora serve` on a free port and an empty data dir; resolves once it listens (its admin key printed once). */
function startServer(dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--data-dir', dataDir], {
    cwd: repoRoot,
    env: { ...process.env, KINORA_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Not left running (and rendering) when the bench itself is stopped.
  process.once('exit', () => child.kill('SIGTERM'));
  let text = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const listening = /listening on (http:\/\/\S+)/.exec(text);
      const key = /\n\s+(kin_[0-9A-Za-z]+_[0-9A-Za-z]{6})\n/.exec(text);
      if (listening && key) resolve({ child, url: listening[1]!, adminKey: key[1]! });
    });
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`kinora serve exited with ${code}:\n${text}`)));
  });
}

/** Seconds from submit to the first preview event, and to the end of the stream (the video finished). */
async function oneVideo(server: Server, index: number): Promise<{ preview: number; done: number }> {
  const headers = { authorization: `Bearer ${server.adminKey}` };
  const started = performance.now();
  const created = await fetch(`${server.url}/v1/videos`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'kinora-1', prompt: values.prompt, size: values.size, seconds: values.seconds, seed: index + 1 }),
  });
  if (created.status !== 200) throw new Error(`create answered ${created.status}: ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  const stream = await fetch(`${server.url}/v1/videos/${id}/events`, { headers });
  if (!stream.body) throw new Error('no event stream');
  const decoder = new TextDecoder();
  let text = '';
  let preview = Number.NaN;
  for await (const chunk of stream.body) {
    text += decoder.decode(chunk as Uint8Array, { stream: true });
    if (Number.isNaN(preview) && text.includes('event: preview')) preview = (performance.now() - started) / 1000;
  }
  if (Number.isNaN(preview)) throw new Error(`video ${id} ended without a preview event:\n${text.slice(-500)}`);
  return { preview, done: (performance.now() - started) / 1000 };
}

const runs = Number(values.runs);
const videos = Number(values.videos);
const firsts: number[] = [];
const nexts: number[] = [];
console.log(`submit -> first preview event, ${values.size} ${values.seconds}s, ${runs} cold starts x ${videos} videos (one at a time)`);
for (let run = 1; run <= runs; run++) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinora-bench-preview-'));
  const server = await startServer(dataDir);
  try {
    const times: string[] = [];
    for (let i = 0; i < videos; i++) {
      const { preview, done } = await oneVideo(server, i);
      (i === 0 ? firsts : nexts).push(preview);
      times.push(`${preview.toFixed(2)} s (done ${done.toFixed(1)} s)`);
    }
    console.log(`run ${run}: first ${times[0]}; next ${times.slice(1).join(', ')}`);
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
const summary = (xs: number[]): string =>
  xs.length === 0 ? '-' : `median ${[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(2)} s, min ${Math.min(...xs).toFixed(2)} s, max ${Math.max(...xs).toFixed(2)} s`;
console.log(`first video (cold): ${summary(firsts)}`);
console.log(`next videos (warm): ${summary(nexts)}`);
