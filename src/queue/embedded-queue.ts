import type { Transaction } from 'kysely';
import type { Database } from '../catalog/schema.js';
import type { CatalogDb, ClaimedJob, HeartbeatResult, Job, JobQueue } from './job-queue.js';
import { JobTable, type JobTableOptions } from './job-table.js';
import { QueueSignals } from './queue-signals.js';

export type EmbeddedQueueOptions = JobTableOptions;

/**
 * The embedded queue: jobs are rows in the catalog (so they survive a restart and are created in the same
 * transaction as their video), and wake-ups and cancellations travel through an in-process event emitter.
 */
export class EmbeddedQueue implements JobQueue {
  private readonly signals = new QueueSignals();
  private readonly table: JobTable;

  constructor(db: CatalogDb, options: EmbeddedQueueOptions) {
    this.table = new JobTable(db, options);
  }

  async enqueue(job: Job, options: { transaction?: Transaction<Database> } = {}): Promise<{ afterCommit: () => void }> {
    await this.table.insert(job, options.transaction);
    const announce = (): void => this.signals.announceAvailable();
    // Inside a transaction the row is not visible yet: the caller announces it after its commit.
    if (!options.transaction) announce();
    return { afterCommit: announce };
  }

  claim(workerId: string): Promise<ClaimedJob | null> {
    return this.table.claimNext(workerId);
  }

  heartbeat(job: ClaimedJob, workerId: string): Promise<HeartbeatResult> {
    return this.table.heartbeat(job, workerId);
  }

  complete(job: ClaimedJob): Promise<void> {
    return this.table.complete(job);
  }

  async fail(job: ClaimedJob, error: { retryable: boolean; message: string }): Promise<'retrying' | 'failed'> {
    return (await this.table.fail(job, error)).outcome;
  }

  async release(job: ClaimedJob, workerId: string): Promise<void> {
    if (await this.table.release(job, workerId)) this.signals.announceAvailable();
  }

  async cancel(videoId: string): Promise<void> {
    await this.table.cancel(videoId);
    this.signals.announceCancel(videoId);
  }

  /**
   * Embedded mode has exactly one process per catalog (guarded by the data-dir lock), so at start-up every
   * claimed job belongs to a process that died: make those claimable now instead of after their lease.
   */
  releaseAbandonedLeases(): Promise<number> {
    return this.table.releaseAllLeases();
  }

  onAvailable(listener: () => void): () => void {
    return this.signals.onAvailable(listener);
  }

  onCancel(listener: (videoId: string) => void): () => void {
    return this.signals.onCancel(listener);
  }

  close(): Promise<void> {
    this.signals.clear();
    return Promise.resolve();
  }
}
