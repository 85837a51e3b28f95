import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EmbeddedQueue } from '../src/queue/embedded-queue.js';
import { apiRequest } from './helpers/api-request.js';
import { catalogPerTest } from './helpers/catalog-per-test.js';
import { spawnServer, startTestServer, tempDataDir, waitFor, type ServerProcess, type TestServer } from './helpers/kinora-server.js';
import { describeVideo } from './helpers/media-check.js';
import { finished, sdkClient } from './helpers/video-client.js';

/**
 * The machine misbehaving under a real server: a disk that fills while outputs are written, an encoder killed
 * mid-encode, worker clocks that disagree, a catalog file locked by another process. Each must end in a clean,
 * explained state (retried, failed with a reason, or refused with a retryable status), never a half-written file
 * served or a request left hanging.
 */
type Video = { id: string; status: string; progress: number; error: { code: string; message: string } | null };

const tenMinutes = 10 * 60_000;

/** The server's scratch space empties once every render has ended, however it ended (just after the video says so). */
const scratchEmptied = (server: TestServer): Promise<true> =>
  waitFor(() => Promise.resolve(fs.readdirSync(path.join(server.dataDir, 'tmp')).length === 0 ? true : undefined), 'the scratch space to be emptied', 10_000);

describe.each(['sqlite', 'postgres'] as const)('leases on %s are timed by the database clock', (dialect) => {
  const catalog = catalogPerTest(dialect);
  afterEach(() => vi.useRealTimers());
  /** Runs `work` as a worker whose own clock is `offsetMs` off (the queue reads no other clock in this process). */
  async function withClockOff<T>(offsetMs: number, work: () => Promise<T>): Promise<T> {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + offsetMs });
    try {
      return await work();
    } finally {
      vi.useRealTimers();
    }
  }

  it('a worker whose clock runs ahead takes no live lease; one whose clock runs behind keeps its lease and still takes a lapsed one', async () => {
    const leaseMs = 1500;
    const queue = new EmbeddedQueue(catalog().db, { leaseMs, maxAttempts: 5 });
    await queue.enqueue({ videoId: 'video_skew' });
    const held = await queue.claim('on-time');
    expect(held).toMatchObject({ attempt: 1 });

    expect(await withClockOff(+tenMinutes, () => queue.claim('ahead'))).toBeNull();
    // The holder's clock falls behind: its heartbeat must still extend the lease as the others see it.
    expect(await withClockOff(-tenMinutes, () => queue.heartbeat(held!, 'on-time'))).toBe('ok');
    expect(await queue.claim('on-time-2')).toBeNull();

    // The holder dies (no more heartbeats): once the lease lapses, a worker whose clock is behind takes the job.
    const taken = await vi.waitFor(async () => {
      const claim = await withClockOff(-tenMinutes, () => queue.claim('behind'));
      if (!claim) throw new Error('the lease has not lapsed yet');
      return claim;
    }, { timeout: 10 * leaseMs, interval: 100 });
    expect(taken).toEqual({ videoId: 'video_skew', kind: 'generate', attempt: 2 });
    expect(await queue.heartbeat(held!, 'on-time')).toBe('lost');
  });

  it('a retry is due by the database clock, whatever the clock of the worker that failed it', async () => {
    const queue = new EmbeddedQueue(catalog().db, { leaseMs: 60_000, maxAttempts: 5, backoffMs: () => 0 });
    await queue.enqueue({ videoId: 'video_retry' });
    const first = await queue.claim('w');
    expect(await withClockOff(+tenMinutes, () => queue.fail(first!, { retryable: true, message: 'disk full' }))).toBe('retrying');
    expect(await queue.claim('w')).toMatchObject({ videoId: 'video_retry', attempt: 2 });
  });
});

/** A tmpfs of `size` at a new folder, and how to remove it; undefined where this process may not mount (not root). */
function mountTmpfs(size: string): { dir: string; remove: () => void } | undefined {
  const dir = tempDataDir('tmpfs');
  const removeDir = (): void => fs.rmSync(dir, { recursive: true, force: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    removeDir();
    return undefined;
  }
  return {
    dir,
    remove() {
      execFileSync('umount', [dir]);
      removeDir();
    },
  };
}
// Probed while tests are collected; the disk itself is mounted only if its tests run (a filtered run skips the hooks).
const canMount = (() => {
  const probe = mountTmpfs('1m');
  probe?.remove();
  return probe !== undefined;
})();

describe.skipIf(!canMount)('a blob disk that fills up (a real 64 MB tmpfs)', () => {
  let disk: string;
  let filler: string;
  let removeDisk: (() => void) | undefined;
  let server: TestServer;
  beforeAll(async () => {
    const mounted = mountTmpfs('64m')!;
    [disk, removeDisk, filler] = [mounted.dir, mounted.remove, path.join(mounted.dir, 'filler')];
    server = await startTestServer({ KINORA_BLOB_URL: `file://${disk}`, KINORA_MAX_ATTEMPTS: '4' });
  });
  afterAll(async () => {
    await server?.close();
    removeDisk?.();
  });
  afterEach(() => fs.rmSync(filler, { force: true }));

  const body = { prompt: 'a sailboat on a lake at noon', size: '854x480', seconds: '2', seed: 5 };
  const create = async (): Promise<string> => (await apiRequest<Video>(server, 'POST', '/v1/videos', { body })).json.id;
  const job = (id: string) => server.catalog.db.selectFrom('jobs').select(['status', 'attempt', 'last_error']).where('video_id', '=', id).executeTakeFirstOrThrow();
  const blobFiles = (id: string): string[] => fs.readdirSync(path.join(disk, 'videos', id)).sort();
  const pages = (bytes: number): number => Math.ceil(bytes / 4096) * 4096;
  /** Fills the disk until only `freeBytes` (whole pages) are left. */
  function leaveFree(freeBytes: number): void {
    const { bavail, bsize } = fs.statfsSync(disk);
    fs.writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - pages(freeBytes))));
  }
  /** Asks for the MP4 until `done` says stop; answers every status seen. A 200 before completion would be a partial file. */
  async function watchContent(id: string, done: () => Promise<boolean>): Promise<Set<number>> {
    const seen = new Set<number>();
    while (!(await done())) {
      seen.add((await fetch(`${server.url}/v1/videos/${id}/content`, { headers: { authorization: `Bearer ${server.adminKey}` } })).status);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return seen;
  }

  it('runs out of space halfway through the MP4: retried, no partial file ever served, completed once space is back', async () => {
    // A first render of the same request measures what the outputs take (same seed: the same frames).
    const reference = await finished(sdkClient(server), await create());
    expect(reference.status).toBe('completed');
    const sizes = Object.fromEntries(blobFiles(reference.id).map((name) => [name, fs.statSync(path.join(disk, 'videos', reference.id, name)).size]));
    const allButHalfTheMp4 = Object.entries(sizes).reduce((sum, [name, size]) => sum + pages(name === 'video.mp4' ? size / 2 : size), 0);
    leaveFree(allButHalfTheMp4);

    const id = await create();
    const seen = await watchContent(id, async () => (await job(id)).attempt >= 2 && (await job(id)).last_error !== null);
    expect(await job(id)).toMatchObject({ status: expect.stringMatching(/^(queued|claimed)$/) as string, last_error: expect.stringMatching(/no space left on device/i) as string });
    expect([...seen]).toEqual([400]);
    // The stills fitted and the MP4 did not: neither it nor a temp file of it is left on the disk.
    expect(blobFiles(id)).toContain('spritesheet.jpg');
    expect(blobFiles(id).filter((name) => name.startsWith('video.mp4'))).toEqual([]);

    fs.rmSync(filler);
    const video = await finished(sdkClient(server), id);
    expect(video.status).toBe('completed');
    const download = await fetch(`${server.url}/v1/videos/${id}/content`, { headers: { authorization: `Bearer ${server.adminKey}` } });
    const file = path.join(server.dataDir, 'download.mp4');
    fs.writeFileSync(file, Buffer.from(await download.arrayBuffer()));
    expect(fs.statSync(file).size).toBe(fs.statSync(path.join(disk, 'videos', id, 'video.mp4')).size);
    expect((await describeVideo(file)).duration).toBeCloseTo(2, 1);
    expect(blobFiles(id).some((name) => name.includes('.tmp-'))).toBe(false);
    await scratchEmptied(server);
  });

  it('stays full: the video fails after its last attempt, saying why, with nothing to download', async () => {
    leaveFree(0);
    const id = await create();
    const video = await finished(sdkClient(server), id);
    expect(video.status).toBe('failed');
    expect(video.error).toEqual({ code: 'generation_failed', message: expect.stringMatching(/no space left on device/i) as string });
    expect(await job(id)).toMatchObject({ status: 'failed', attempt: 4 });
    const content = await apiRequest(server, 'GET', `/v1/videos/${id}/content`);
    expect({ status: content.status, code: content.json.error?.code }).toEqual({ status: 400, code: 'video_not_ready' });
    expect(fs.existsSync(path.join(disk, 'videos', id)) ? blobFiles(id).filter((name) => name.includes('.tmp-')) : []).toEqual([]);
    await scratchEmptied(server);
  });

  it('refuses an upload it has no room for with a retryable 503, keeping nothing of it', async () => {
    leaveFree(0);
    const form = new FormData();
    form.set('purpose', 'vision');
    form.set('file', new Blob([fs.readFileSync(path.join(import.meta.dirname, 'fixtures/reference.png'))], { type: 'image/png' }), 'reference.png');
    const response = await fetch(`${server.url}/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${server.adminKey}` }, body: form });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('service_unavailable');
    expect(await server.catalog.db.selectFrom('files').select('id').execute()).toEqual([]);
    // Nothing but the filler on the disk: no half-written upload or temp file of it.
    const leftovers = fs.readdirSync(disk, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name !== 'filler');
    expect(leftovers.filter((entry) => !entry.parentPath.includes(`${path.sep}videos${path.sep}`)).map((entry) => entry.name)).toEqual([]);
  });
});

/** This process's children whose command line contains `marker` (ffmpeg encoding frames: `rawvideo` on its input). */
function childProcesses(marker: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return parent === process.pid && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(marker);
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

describe('ffmpeg killed mid-encode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ KINORA_MAX_ATTEMPTS: '1' });
  });
  afterAll(async () => server?.close());

  it('fails the video with the reason, at once, and leaves no scratch files', async () => {
    const created = await apiRequest<Video>(server, 'POST', '/v1/videos', { body: { prompt: 'a train crossing a bridge', size: '854x480', seconds: '8' } });
    const encoder = await waitFor(async () => {
      const video = (await apiRequest<Video>(server, 'GET', `/v1/videos/${created.json.id}`)).json;
      const pid = childProcesses('rawvideo')[0];
      return video.status === 'in_progress' && video.progress >= 5 && pid !== undefined ? pid : undefined;
    }, 'the encode to be under way', 60_000, 50);
    process.kill(encoder, 'SIGKILL');

    const video = await finished(sdkClient(server), created.json.id);
    expect(video.status).toBe('failed');
    expect(video.error).toEqual({ code: 'generation_failed', message: expect.stringMatching(/ffmpeg was killed by SIGKILL/) as string });
    expect(childProcesses('rawvideo')).toEqual([]);
    await scratchEmptied(server);
  });
});

describe('the SQLite catalog locked by another process', () => {
  let dataDir: string;
  let server: ServerProcess;
  beforeAll(async () => {
    dataDir = tempDataDir('locked');
    // Its own process: SQLite waits for a lock synchronously, which would also stop this test's own timers.
    server = await spawnServer(dataDir, { KINORA_LEASE_SECONDS: '3' });
  });
  afterAll(() => {
    server?.child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Twice the catalog's busy_timeout (5 s): an answer that takes longer while the file is locked counts as hung. */
  const answerWithinMs = 10_000;
  const call = async (method: string, route: string, body?: object) => {
    const response = await fetch(`${server.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${server.adminKey}`, 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
      signal: AbortSignal.timeout(answerWithinMs),
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), json: (await response.json()) as Video & { error?: { code: string } } };
  };
  const settled = (id: string) => waitFor(async () => {
    const video = (await call('GET', `/v1/videos/${id}`)).json;
    return video.status === 'completed' || video.status === 'failed' ? video : undefined;
  }, `video ${id} to finish`);

  it('answers a retryable 503 while the lock is held, and loses nothing once it is released', async () => {
    const body = { prompt: 'a red bus on a rainy street', size: '854x480', seconds: '3' };
    const rendering = (await call('POST', '/v1/videos', body)).json;
    await waitFor(async () => ((await call('GET', `/v1/videos/${rendering.id}`)).json.status === 'in_progress' ? true : undefined), 'the render to start');

    const locker = new SQLite(path.join(dataDir, 'kinora.db'));
    locker.exec('BEGIN EXCLUSIVE');
    const refused: Array<Awaited<ReturnType<typeof call>>> = [];
    try {
      // Each answered in time: the worker's writes, failing too meanwhile, must not pile their waits onto them.
      for (let i = 0; i < 3; i++) refused.push(await call('POST', '/v1/videos', { ...body, prompt: 'a blue bus on a rainy street' }));
      expect((await call('GET', `/v1/videos/${rendering.id}`)).status).toBe(200);
    } finally {
      locker.exec('ROLLBACK');
      locker.close();
    }
    for (const answer of refused) {
      expect({ status: answer.status, retryAfter: answer.retryAfter }).toEqual({ status: 503, retryAfter: expect.stringMatching(/^[1-9]\d*$/) as string });
      expect(answer.json).toEqual({ error: { message: expect.any(String) as string, type: 'server_error', param: null, code: 'service_unavailable' } });
    }

    // The client retries; both videos are rendered, once each.
    const retried = await call('POST', '/v1/videos', { ...body, prompt: 'a blue bus on a rainy street' });
    expect(retried.status).toBe(200);
    expect((await settled(rendering.id)).status).toBe('completed');
    expect((await settled(retried.json.id)).status).toBe('completed');
    const list = (await call('GET', '/v1/videos?limit=10')).json as unknown as { data: Video[] };
    expect(list.data.map((v) => v.id).sort()).toEqual([rendering.id, retried.json.id].sort());
  });
});
