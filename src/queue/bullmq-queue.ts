import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents, QueueEventsProducer, Worker, type ConnectionOptions, type QueueEventsListener } from 'bullmq';
import type { Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../catalog/schema.js';
import type { CatalogDb, ClaimedJob, HeartbeatResult, Job, JobQueue } from './job-queue.js';
import { JobTable, type JobTableOptions } from './job-table.js';
import { QueueSignals } from './queue-signals.js';

export interface BullmqQueueOptions extends JobTableOptions {
  redisUrl: string;
  /** Key prefix of every Redis key, so several Kinoras (or tests) share one Redis; default `kinora`. */
  prefix?: string;
  /** How often this process re-dispatches claimable jobs that Redis does not know of; default 5 s. */
  sweepMs?: number;
  logger?: Logger;
}

/** The events that cross processes on the BullMQ events stream; `origin` lets a process skip its own. */
interface KinoraEvents extends QueueEventsListener {
  'kinora-available': (args: { origin: string }) => void;
  'kinora-cancel': (args: { origin: string; videoId: string }) => void;
}

const queueName = 'jobs';
/** How long a job of a model this process cannot run waits before another worker may fetch it. */
const handBackMs = 200;
/** Fetches per claim before answering "nothing for me" (the rest are other models' jobs). */
const fetchesPerClaim = 20;
const sweepBatch = 500;
/** How often a lost Redis connection is tried again (BullMQ's default backs off to 20 s). */
const reconnectMs = 1000;
/** BullMQ runs lower numbers first, from 1 to 2^21; Kinora runs higher priorities first. */
const bullmqPriority = (priority: number): number => Math.max(1, Math.min(2 ** 21, 2 ** 20 - priority));

/**
 * The distributed queue: the catalog's `jobs` row stays the one truth of a job's state (it commits with its video,
 * and the kill switch, restart recovery and the ledger read it), and BullMQ on Redis carries only *dispatch*: a
 * BullMQ job (id = video id, so adding twice is a no-op) says "this video may be claimable", in priority order,
 * to whichever process fetches it first. Fetching it leads to the same conditional SQL claim as the embedded
 * queue, after which the BullMQ job is removed; from then on the lease in the row guards the run.
 *
 * Nothing depends on Redis keeping data: every `sweepMs` each process re-adds every claimable row (queued and due,
 * or claimed with a lapsed lease, as a dead worker leaves it) that Redis has no job for, so a crash between commit
 * and dispatch, a dead worker or a Redis restart that lost everything delays jobs but loses none. Wake-ups and
 * cancellations cross processes on the queue's events stream.
 */
export class BullmqQueue implements JobQueue {
  private readonly table: JobTable;
  private readonly signals = new QueueSignals();
  private readonly origin = randomUUID();
  private readonly queue: Queue;
  private readonly dispatcher: Worker;
  private readonly producer: QueueEventsProducer;
  private readonly remote: QueueEvents;
  private readonly sweeper: NodeJS.Timeout;
  private sweeping: Promise<void> | undefined;

  private constructor(
    db: CatalogDb,
    private readonly options: BullmqQueueOptions,
  ) {
    this.table = new JobTable(db, options);
    // Fetching and listening wait through a Redis outage instead of failing (a worker loop just pauses), and every
    // connection tries again each second, so a node is back at work as soon as Redis is, however long it was away.
    const connection: ConnectionOptions = { url: options.redisUrl, maxRetriesPerRequest: null, retryStrategy: () => reconnectMs };
    // Dispatches and events fail at once while Redis is away, instead of piling up in memory and holding up what
    // awaits them (a retry, a shutdown's hand-back): the catalog row is there, and the sweep dispatches it later.
    const producing: ConnectionOptions = { ...connection, enableOfflineQueue: false };
    const prefix = options.prefix ?? 'kinora';
    this.queue = new Queue(queueName, { connection: producing, prefix });
    // No processor: jobs are fetched one by one with getNextJob when a worker loop asks for one.
    this.dispatcher = new Worker(queueName, null, { connection, prefix, autorun: false });
    this.producer = new QueueEventsProducer(queueName, { connection: producing, prefix });
    this.remote = new QueueEvents(queueName, { connection, prefix });
    const onRedisError = (error: Error): void => this.reportError(error, 'redis');
    this.queue.on('error', onRedisError);
    this.producer.on('error', onRedisError);
    this.dispatcher.on('error', onRedisError);
    this.remote.on('error', onRedisError);
    this.remote.on<KinoraEvents, 'kinora-available'>('kinora-available', ({ origin }) => origin !== this.origin && this.signals.announceAvailable());
    this.remote.on<KinoraEvents, 'kinora-cancel'>('kinora-cancel', ({ origin, videoId }) => origin !== this.origin && this.signals.announceCancel(videoId));
    this.sweeper = setInterval(() => void this.sweep(), options.sweepMs ?? 5000).unref();
  }

  /** Connects to Redis and starts BullMQ's stalled-job check (a process that died between fetch and claim). */
  static async open(db: CatalogDb, options: BullmqQueueOptions): Promise<BullmqQueue> {
    const queue = new BullmqQueue(db, options);
    try {
      await Promise.all([queue.queue.waitUntilReady(), queue.dispatcher.waitUntilReady(), queue.remote.waitUntilReady()]);
      await queue.dispatcher.startStalledCheckTimer();
      await queue.sweep();
      return queue;
    } catch (error) {
      await queue.close();
      throw error;
    }
  }

  async enqueue(job: Job, options: { transaction?: Transaction<Database> } = {}): Promise<{ afterCommit: () => void }> {
    await this.table.insert(job, options.transaction);
    const dispatch = (): Promise<void> => this.offerNow(job.videoId, job.priority ?? 0, 'dispatching a new job');
    // Inside a transaction the row is not visible yet: the caller dispatches it after its commit.
    if (!options.transaction) await dispatch();
    return { afterCommit: () => void dispatch() };
  }

  async claim(workerId: string): Promise<ClaimedJob | null> {
    for (let fetch = 0; fetch < fetchesPerClaim; fetch++) {
      const token = randomUUID();
      const dispatched = await this.dispatcher.getNextJob(token, { block: false });
      if (!dispatched?.id) return null;
      const claimed = await this.table.claimVideo(dispatched.id, workerId);
      // Another worker's model: hand it back for them. Anything else (claimed now, done, cancelled, held by the
      // kill switch, running under a live lease) is dropped; the sweep dispatches it again if it becomes claimable.
      const handBack = !claimed && (await this.table.isForeignModel(dispatched.id));
      // The claim is made and stands whatever Redis says now: a dispatch job Redis lost meanwhile needs no removal,
      // and one it could not remove stalls and is dropped by whoever fetches it next.
      await (handBack ? dispatched.moveToDelayed(Date.now() + handBackMs, token) : dispatched.moveToCompleted(null, token, false)).catch((error: unknown) =>
        this.reportError(error, 'settling a dispatch job'),
      );
      if (claimed) return claimed;
    }
    return null;
  }

  heartbeat(job: ClaimedJob, workerId: string): Promise<HeartbeatResult> {
    return this.table.heartbeat(job, workerId);
  }

  complete(job: ClaimedJob): Promise<void> {
    return this.table.complete(job);
  }

  async fail(job: ClaimedJob, error: { retryable: boolean; message: string }): Promise<'retrying' | 'failed'> {
    const result = await this.table.fail(job, error);
    if (result.outcome === 'retrying' && result.retry) {
      // The row is requeued already: a dispatch that fails leaves the retry to the sweep once it is due.
      await this.dispatch([{ videoId: job.videoId, priority: result.retry.priority }], Math.max(0, result.retry.at - Date.now())).catch((error: unknown) =>
        this.reportError(error, 'dispatching a retry'),
      );
    }
    return result.outcome;
  }

  async release(job: ClaimedJob, workerId: string): Promise<void> {
    const released = await this.table.release(job, workerId);
    if (released) await this.offerNow(job.videoId, released.priority, 'handing a job back');
  }

  async cancel(videoId: string): Promise<void> {
    await this.table.cancel(videoId);
    this.signals.announceCancel(videoId);
    // Not awaited: a cancel must not wait out a Redis outage, and a worker that misses this event still learns of
    // the cancel from its next heartbeat.
    void this.producer.publishEvent({ eventName: 'kinora-cancel', origin: this.origin, videoId }).catch((error: unknown) => this.reportError(error, 'cancel'));
  }

  /**
   * Makes every claimed job claimable now and dispatches them. Only for a process that alone uses its catalog (a
   * SQLite one, under the data-dir lock: start-kinora.ts asks only then), whose claimed jobs all belong to a process
   * that died; on a shared catalog other processes hold live leases, and a dead one's jobs wait out their lease.
   */
  async releaseAbandonedLeases(): Promise<number> {
    const released = await this.table.releaseAllLeases();
    if (released > 0) await this.sweep();
    return released;
  }

  onAvailable(listener: () => void): () => void {
    return this.signals.onAvailable(listener);
  }

  onCancel(listener: (videoId: string) => void): () => void {
    return this.signals.onCancel(listener);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await this.sweeping;
    this.signals.clear();
    await Promise.allSettled([this.dispatcher.close(), this.remote.close(), this.producer.close(), this.queue.close()]);
  }

  /**
   * Re-adds the claimable rows Redis may not know of (adding a job Redis has is a no-op). It wakes no one: it
   * cannot tell a re-added job from one already there, and idle worker loops poll every second anyway.
   */
  private sweep(): Promise<void> {
    // One sweep at a time: during a Redis outage a sweep waits, and the next tick must not pile up behind it.
    this.sweeping ??= (async () => {
      try {
        const rows = await this.table.claimable(sweepBatch);
        if (rows.length > 0) await this.dispatch(rows);
      } catch (error) {
        this.reportError(error, 'sweep');
      } finally {
        this.sweeping = undefined;
      }
    })();
    return this.sweeping;
  }

  private async dispatch(rows: Array<{ videoId: string; priority: number }>, delay = 0): Promise<void> {
    await this.queue.addBulk(
      rows.map(({ videoId, priority }) => ({
        name: 'claim',
        data: { videoId },
        opts: { jobId: videoId, priority: bullmqPriority(priority), delay, removeOnComplete: true, removeOnFail: true },
      })),
    );
  }

  /**
   * Dispatches a claimable row and wakes idle workers everywhere, so one takes it now. Never throws: with Redis away
   * the job is only late, as the sweep finds the committed row.
   */
  private offerNow(videoId: string, priority: number, during: string): Promise<void> {
    return this.dispatch([{ videoId, priority }])
      .then(() => this.announce())
      .catch((error: unknown) => this.reportError(error, during));
  }

  private async announce(): Promise<void> {
    this.signals.announceAvailable();
    await this.producer.publishEvent({ eventName: 'kinora-available', origin: this.origin });
  }

  private reportError(error: unknown, during: string): void {
    this.options.logger?.warn({ err: error, during }, 'job queue: Redis trouble (jobs wait; none is lost)');
  }
}
