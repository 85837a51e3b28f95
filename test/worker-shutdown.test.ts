import fs from 'node:fs';
import { once } from 'node:events';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startKinora, type RunningKinora } from '../src/runtime/start-kinora.js';
import { underSchemaLock } from './helpers/catalog-per-test.js';
import { freshPostgresSchema } from './helpers/catalog-urls.js';
import { expectCompletedOnce, finishedAll, killed } from './helpers/kinora-cluster.js';
import { spawnKinora, tempDataDir, waitFor, type ServerProcess } from './helpers/kinora-server.js';
import { deleteRedisKeys, freshRedisPrefix, redisUrl } from './helpers/redis-prefix.js';

/**
 * `kinora worker` processes on PostgreSQL and Redis, stopped with SIGTERM mid-render. Leases last ten minutes here,
 * far longer than the test waits: a job that completes on another worker was handed back, not left to its lease.
 */
const prefix = freshRedisPrefix();
const blobDir = tempDataDir('shutdown-blobs');
const dirs: string[] = [blobDir];
let schema: { url: string; drop: () => Promise<void> };
let api: RunningKinora;
let env: Record<string, string>;
const workers: ServerProcess[] = [];

const dir = (label: string): string => {
  const made = tempDataDir(`shutdown-${label}`);
  dirs.push(made);
  return made;
};

async function startWorker(label: string, drainSeconds: number, concurrency = 1): Promise<ServerProcess> {
  const args = ['worker', '--data-dir', dir(label), '--metrics-port', '0', '--drain-seconds', String(drainSeconds), '--concurrency', String(concurrency)];
  const worker = await spawnKinora(args, env, /metrics on (http:\/\/\S+)/);
  workers.push(worker);
  return worker;
}

async function terminated(worker: ServerProcess): Promise<number | null> {
  if (worker.child.exitCode !== null) return worker.child.exitCode;
  const exited = once(worker.child, 'exit');
  worker.child.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  return code;
}

async function createVideo(): Promise<string> {
  const response = await fetch(`${api.url}/v1/videos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.firstAdminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'kinora-1', prompt: 'a whale swimming underwater, the camera pans right', size: '854x480', seconds: '4' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

/** The worker rendering the video, once the render is well under way (and far from done). */
function ownerMidRender(videoId: string): Promise<ServerProcess> {
  return waitFor(
    async () => {
      const row = await api.catalog.db
        .selectFrom('videos')
        .innerJoin('jobs', 'jobs.video_id', 'videos.id')
        .select(['videos.progress', 'jobs.lease_owner'])
        .where('videos.id', '=', videoId)
        .executeTakeFirst();
      if (!row?.lease_owner || row.progress < 5 || row.progress >= 80) return undefined;
      return workers.find((worker) => row.lease_owner!.includes(`-${worker.child.pid}-`));
    },
    'the render to be under way',
    120_000,
    20,
  );
}

const jobOf = (videoId: string) => api.catalog.db.selectFrom('jobs').select(['status', 'attempt']).where('video_id', '=', videoId).executeTakeFirstOrThrow();

beforeAll(async () => {
  schema = await freshPostgresSchema();
  env = {
    KINORA_DATABASE_URL: schema.url,
    KINORA_REDIS_URL: redisUrl,
    KINORA_REDIS_PREFIX: prefix,
    KINORA_BLOB_URL: `file://${blobDir}`,
    KINORA_LEASE_SECONDS: '600',
    KINORA_RATE_LIMIT_PER_MINUTE: '0',
    KINORA_LOG_LEVEL: 'warn',
  };
  // An API-only node in this process; it migrates the fresh schema before any worker opens it.
  const config = loadConfig({ ...env, KINORA_LOG_LEVEL: 'silent' }, { dataDir: dir('api'), port: 0, host: '127.0.0.1', workers: 0 });
  api = await underSchemaLock(() => startKinora(config, pino({ level: 'silent' })));
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map(killed));
  await api?.close();
  if (schema) await underSchemaLock(schema.drop);
  await deleteRedisKeys(prefix);
  for (const made of dirs) fs.rmSync(made, { recursive: true, force: true });
});

describe('a worker stopped with SIGTERM', () => {
  it('past its grace period hands the job in hand back, and another worker completes it at once, once', async () => {
    await Promise.all([startWorker('a', 0), startWorker('b', 0)]);
    const videoId = await createVideo();
    const owner = await ownerMidRender(videoId);
    expect(await terminated(owner)).toBe(0);

    await finishedAll(api.catalog.db, [videoId]);
    await expectCompletedOnce(api.catalog.db, blobDir, [videoId]);
    expect(await jobOf(videoId)).toEqual({ status: 'done', attempt: 2 });
  }, 300_000);

  it('within its grace period takes no new job and finishes the one in hand before it exits', async () => {
    for (const worker of workers) await terminated(worker);
    // Two render slots: the idle one would take the next job if a draining worker still took jobs.
    const patient = await startWorker('patient', 300, 2);
    const videoId = await createVideo();
    expect(await ownerMidRender(videoId)).toBe(patient);
    const exited = terminated(patient);
    const later = await createVideo();
    expect(await exited).toBe(0);

    await expectCompletedOnce(api.catalog.db, blobDir, [videoId]);
    expect(await jobOf(videoId)).toEqual({ status: 'done', attempt: 1 });
    expect(await jobOf(later)).toEqual({ status: 'queued', attempt: 0 });
  }, 300_000);
});
