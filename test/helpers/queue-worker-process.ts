/**
 * A worker process for the queue's crash test: it claims one job from the BullMQ queue of the catalog and prefix it
 * is given, says `claimed <videoId> <attempt>` on stdout and then "renders" for ever, heartbeating, until it is killed.
 * It opens the catalog without migrating it (the test did), the way a second node joins a running cluster.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../../src/catalog/schema.js';
import { BullmqQueue } from '../../src/queue/bullmq-queue.js';

const [catalogUrl, redisUrl, prefix, leaseMs] = process.argv.slice(2);
if (!catalogUrl || !redisUrl || !prefix || !leaseMs) throw new Error('usage: queue-worker-process <catalog-url> <redis-url> <prefix> <lease-ms>');
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: catalogUrl, max: 2 }) }) });
const queue = await BullmqQueue.open(db, { redisUrl, prefix, leaseMs: Number(leaseMs), maxAttempts: 3, sweepMs: 50 });
for (;;) {
  const job = await queue.claim('child-worker');
  if (job) {
    process.stdout.write(`claimed ${job.videoId} ${job.attempt}\n`);
    setInterval(() => void queue.heartbeat(job, 'child-worker'), Number(leaseMs) / 4);
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 20));
}
