import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import OpenAI from 'openai';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../src/catalog/catalog.js';
import { underSchemaLock } from './helpers/catalog-per-test.js';
import { freshPostgresSchema, postgresUrl } from './helpers/catalog-urls.js';
import { expectCompletedOnce as completedOnceIn, finishedAll as finishedIn, killed } from './helpers/kinora-cluster.js';
import { spawnKinora, spawnServer, tempDataDir, waitFor, type ServerProcess } from './helpers/kinora-server.js';

/**
 * Distributed mode with real processes: two `kinora serve --no-worker` and two `kinora worker` on one PostgreSQL
 * schema and one shared blob directory, driven through the openai SDK. Every job must complete exactly once — one
 * output, one ledger charge, one completing attempt — across a worker killed mid-render and the database dropping
 * every connection of the nodes.
 */
const applicationName = `kinora_distributed_${randomBytes(4).toString('hex')}`;
const blobDir = tempDataDir('distributed-blobs');
const dataDirs: string[] = [];
let schema: { url: string; drop: () => Promise<void> };
let catalog: Catalog;
let nodeEnv: Record<string, string>;
const apis: ServerProcess[] = [];
const workers: ServerProcess[] = [];
const workerDirs: string[] = [];
let clients: OpenAI[];

const prompt = (n: number): string => `${['two red foxes', 'a yellow balloon', 'three fish', 'a lighthouse'][n % 4]} at dusk, number ${n}`;

function startWorker(dataDir: string): Promise<ServerProcess> {
  return spawnKinora(['worker', '--data-dir', dataDir, '--metrics-port', '0', '--drain-seconds', '5'], nodeEnv, /metrics on (http:\/\/\S+)/);
}

function nodeDir(label: string): string {
  const dir = tempDataDir(`distributed-${label}`);
  dataDirs.push(dir);
  return dir;
}

/** Sums a counter or histogram series of the Prometheus text over every line whose labels include `labels`. */
function sumOf(metricsText: string, name: string, labels: string): number {
  return metricsText
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) && line.includes(labels))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

async function workerMetrics(): Promise<string> {
  const texts = await Promise.all(workers.map(async (worker) => (worker.child.exitCode === null && worker.child.signalCode === null ? (await fetch(`${worker.url}/metrics`)).text() : '')));
  return texts.join('\n');
}

const finishedAll = (ids: string[]): Promise<void> => finishedIn(catalog.db, ids);
const expectCompletedOnce = (ids: string[]): Promise<void> => completedOnceIn(catalog.db, blobDir, ids);

beforeAll(async () => {
  schema = await freshPostgresSchema();
  // Migrated here, under the lock the other test files take, before any node opens it.
  catalog = await underSchemaLock(() => openCatalog(schema.url));
  nodeEnv = {
    KINORA_DATABASE_URL: `${schema.url}&application_name=${applicationName}`,
    KINORA_BLOB_URL: `file://${blobDir}`,
    KINORA_LEASE_SECONDS: '3',
    KINORA_RATE_LIMIT_PER_MINUTE: '0',
    KINORA_METRICS: 'public',
  };
  // The first API node makes the admin key of the empty catalog; the other nodes start once it exists.
  apis.push(await spawnServer(nodeDir('api-1'), nodeEnv, ['--no-worker']));
  workerDirs.push(nodeDir('worker-1'), nodeDir('worker-2'));
  const [secondApi, ...startedWorkers] = await Promise.all([spawnServer(nodeDir('api-2'), nodeEnv, ['--no-worker']), ...workerDirs.map(startWorker)]);
  apis.push(secondApi);
  workers.push(...startedWorkers);
  const apiKey = apis[0]!.adminKey!;
  expect(apiKey).toMatch(/^kin_/);
  expect(apis[1]!.adminKey).toBeUndefined();
  clients = apis.map((api) => new OpenAI({ baseURL: `${api.url}/v1`, apiKey, maxRetries: 0 }));
});

afterAll(async () => {
  await Promise.all([...apis, ...workers].map(killed));
  await catalog?.close();
  if (schema) await underSchemaLock(schema.drop);
  for (const dir of [blobDir, ...dataDirs]) fs.rmSync(dir, { recursive: true, force: true });
});

describe('two API nodes and two workers on PostgreSQL', () => {
  it('are healthy and ready, and count both workers as active', async () => {
    for (const node of [...apis, ...workers]) {
      expect((await fetch(`${node.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${node.url}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ready', checks: { catalog: 'ok', migrations: 'ok', queue: 'ok' } });
    }
    const metrics = await (await fetch(`${apis[1]!.url}/metrics`)).text();
    expect(metrics).toMatch(/^kinora_workers_active\{role="api"\} 2$/m);
    expect(metrics).toMatch(/^kinora_queue_jobs\{status="queued",role="api"\} 0$/m);
  });

  it('complete 50 jobs made through both API nodes, each exactly once', async () => {
    const created = await Promise.all(Array.from({ length: 50 }, (_, n) => clients[n % 2]!.videos.create({ model: 'kinora-1', prompt: prompt(n), size: '854x480' as never, seconds: '1' as never })));
    const ids = created.map((video) => video.id);
    expect(new Set(ids).size).toBe(50);
    await finishedAll(ids);
    await expectCompletedOnce(ids);
    // Each job was completed by one attempt on one worker: the completions the workers counted add up to 50.
    const metrics = await workerMetrics();
    expect(sumOf(metrics, 'kinora_job_duration_seconds_count', 'outcome="completed"')).toBe(50);
    // Both API nodes answer for every video, whichever node took the request.
    const listed = await clients[1]!.videos.list({ limit: 100 });
    expect(listed.data.map((video) => video.id)).toEqual(expect.arrayContaining(ids));
    const api = await (await fetch(`${apis[0]!.url}/metrics`)).text();
    expect(sumOf(api, 'kinora_http_requests_total', 'route="/v1/videos",status="200"')).toBeGreaterThanOrEqual(25);
  }, 480_000);

  it('retries the job of a worker killed mid-render on the other worker, and completes it once', async () => {
    const video = await clients[0]!.videos.create({ model: 'kinora-1', prompt: 'a whale swimming underwater, the camera pans right', size: '854x480' as never, seconds: '4' });
    const owner = await waitFor(
      async () => {
        const row = await catalog.db.selectFrom('videos').innerJoin('jobs', 'jobs.video_id', 'videos.id').select(['videos.progress', 'jobs.lease_owner']).where('videos.id', '=', video.id).executeTakeFirst();
        return row && row.progress >= 5 && row.progress < 80 && row.lease_owner ? row.lease_owner : undefined;
      },
      'the render to be under way',
      120_000,
      20,
    );
    const victim = workers.find((worker) => owner.includes(`-${worker.child.pid}-`))!;
    expect(victim).toBeDefined();
    await killed(victim);

    await finishedAll([video.id]);
    await expectCompletedOnce([video.id]);
    const job = await catalog.db.selectFrom('jobs').select('attempt').where('video_id', '=', video.id).executeTakeFirstOrThrow();
    expect(job.attempt).toBe(2);
    expect(sumOf(await workerMetrics(), 'kinora_job_duration_seconds_count', 'kind="generate",model="kinora-1",outcome="completed"')).toBeGreaterThanOrEqual(1);

    // A worker started again on the killed one's data directory takes over its scratch space (the lock of a dead pid).
    const slot = workers.indexOf(victim);
    workers[slot] = await startWorker(workerDirs[slot]!);
  }, 300_000);

  it('lose no job when PostgreSQL drops every connection of the nodes mid-run; clients see at most retryable errors', async () => {
    const created = await Promise.all(Array.from({ length: 8 }, (_, n) => clients[n % 2]!.videos.create({ model: 'kinora-1', prompt: prompt(n), size: '854x480' as never, seconds: '2' as never })));
    const ids = created.map((video) => video.id);
    const errors: unknown[] = [];
    let polling = true;
    // Clients keep reading through both API nodes while the connections drop; a refusal must be one a client retries.
    const poller = (async () => {
      for (let n = 0; polling; n++) {
        await clients[n % 2]!.videos.retrieve(ids[n % ids.length]!).catch((error: unknown) => errors.push(error));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    try {
      for (let round = 0; round < 3; round++) {
        await waitFor(async () => ((await catalog.db.selectFrom('jobs').select('video_id').where('video_id', 'in', ids).where('status', '=', 'claimed').execute()).length > 0 ? true : undefined), 'a render under way', 60_000, 20);
        const { rowCount } = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [applicationName]);
        expect(rowCount).toBeGreaterThan(0);
        await new Promise((resolve) => setTimeout(resolve, 700));
      }
    } finally {
      await admin.end();
    }
    await finishedAll(ids);
    polling = false;
    await poller;
    await expectCompletedOnce(ids);
    for (const error of errors) {
      expect(error).toBeInstanceOf(OpenAI.APIError);
      const status = (error as InstanceType<typeof OpenAI.APIError>).status;
      expect(status === undefined || status >= 500 || status === 429, String(error)).toBe(true);
    }
    for (const node of [...apis, ...workers]) {
      expect(node.child.exitCode ?? node.child.signalCode, node.output()).toBeNull();
      expect((await fetch(`${node.url}/readyz`)).status).toBe(200);
    }
  }, 300_000);
});
