/**
 * bench/queue — jobs a second through the job queue alone: enqueue N jobs, then claim and complete them with a
 * trivial engine (no render), with 1 and 2 worker loops, for the embedded queue (SQLite file, PostgreSQL) and the
 * BullMQ queue (PostgreSQL catalog, Redis dispatch). It measures the queue's own cost per job, the ceiling above
 * any real render; figures swing when other work shares the cores.
 *
 *   npm run bench:queue -- [--jobs 500]    (PostgreSQL and Redis: KINORA_TEST_POSTGRES_URL, KINORA_TEST_REDIS_URL)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCatalog, type Catalog } from '../src/catalog/catalog.js';
import { BullmqQueue } from '../src/queue/bullmq-queue.js';
import { EmbeddedQueue } from '../src/queue/embedded-queue.js';
import type { JobQueue } from '../src/queue/job-queue.js';
import { freshPostgresSchema } from '../test/helpers/catalog-urls.js';
import { drainQueue } from '../test/helpers/queue-drainer.js';
import { deleteRedisKeys, freshRedisPrefix, redisUrl } from '../test/helpers/redis-prefix.js';

const { values } = parseArgs({ options: { jobs: { type: 'string', default: '500' } } });
const jobCount = Number(values.jobs);
const table = { leaseMs: 60_000, maxAttempts: 3 };

interface Setup {
  name: string;
  /** A fresh catalog and queue for one run, and how to throw both away. */
  open: () => Promise<{ catalog: Catalog; queue: JobQueue; dispose: () => Promise<void> }>;
}

const sqliteCatalog = async (): Promise<{ catalog: Catalog; drop: () => Promise<void> }> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinora-bench-queue-'));
  return { catalog: await openCatalog(`sqlite://${path.join(dir, 'kinora.db')}`), drop: () => fs.promises.rm(dir, { recursive: true, force: true }) };
};
const postgresCatalog = async (): Promise<{ catalog: Catalog; drop: () => Promise<void> }> => {
  const schema = await freshPostgresSchema();
  return { catalog: await openCatalog(schema.url), drop: schema.drop };
};

const embeddedOn = (name: string, make: typeof sqliteCatalog): Setup => ({
  name,
  async open() {
    const { catalog, drop } = await make();
    const queue = new EmbeddedQueue(catalog.db, table);
    return { catalog, queue, dispose: async () => (await queue.close(), await catalog.close(), await drop()) };
  },
});

const setups: Setup[] = [
  embeddedOn('embedded, SQLite file', sqliteCatalog),
  embeddedOn('embedded, PostgreSQL', postgresCatalog),
  {
    name: 'BullMQ, PostgreSQL + Redis',
    async open() {
      const { catalog, drop } = await postgresCatalog();
      const prefix = freshRedisPrefix();
      const queue = await BullmqQueue.open(catalog.db, { ...table, redisUrl, prefix });
      return { catalog, queue, dispose: async () => (await queue.close(), await catalog.close(), await drop(), void (await deleteRedisKeys(prefix))) };
    },
  },
];

/** Enqueues every job first (timed apart), then drains them with `loops` worker loops: answers both rates. */
async function run(setup: Setup, loops: number): Promise<{ enqueuePerSecond: number; drainPerSecond: number }> {
  const { queue, dispose } = await setup.open();
  try {
    const enqueueStart = performance.now();
    for (let i = 0; i < jobCount; i++) await queue.enqueue({ videoId: `video_${i}` });
    const enqueueSeconds = (performance.now() - enqueueStart) / 1000;
    let done = 0;
    let finished!: () => void;
    const allDone = new Promise<void>((resolve) => (finished = resolve));
    const drainStart = performance.now();
    const workers = Array.from({ length: loops }, (_, i) => drainQueue(queue, `bench-${i}`, () => Promise.resolve(void (++done === jobCount && finished()))));
    await allDone;
    const drainSeconds = (performance.now() - drainStart) / 1000;
    await Promise.all(workers.map((worker) => worker.stop()));
    return { enqueuePerSecond: jobCount / enqueueSeconds, drainPerSecond: jobCount / drainSeconds };
  } finally {
    await dispose();
  }
}

console.log(`queue throughput, ${jobCount} jobs, trivial engine, ${os.cpus().length} cores`);
console.log('queue'.padEnd(30), 'loops', 'enqueue jobs/s'.padStart(15), 'claim+complete jobs/s'.padStart(22));
for (const setup of setups) {
  for (const loops of [1, 2]) {
    const { enqueuePerSecond, drainPerSecond } = await run(setup, loops);
    console.log(setup.name.padEnd(30), String(loops).padStart(5), enqueuePerSecond.toFixed(0).padStart(15), drainPerSecond.toFixed(0).padStart(22));
  }
}
