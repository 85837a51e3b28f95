import { EventEmitter } from 'node:events';
import type { Expression, ExpressionBuilder, SqlBool, Transaction } from 'kysely';
import type { Database } from '../catalog/schema.js';
import type { CatalogDb, ClaimedJob, HeartbeatResult, Job, JobQueue } from './job-queue.js';

export interface EmbeddedQueueOptions {
  leaseMs: number;
  maxAttempts: number;
  /** Delay before retry n (1-based): exponential from one second, capped at a minute. */
  backoffMs?: (attempt: number) => number;
  /** Jobs to leave queued for now (the kill switch's halt and suspended keys); they are claimed once released. */
  held?: (eb: ExpressionBuilder<Database, 'jobs'>) => Expression<SqlBool>;
}

const defaultBackoff = (attempt: number): number => Math.min(60_000, 1000 * 2 ** (attempt - 1));

/**
 * The embedded queue: jobs are rows in the catalog (so they survive a restart and are created in the same
 * transaction as their video), and wake-ups and cancellations travel through an in-process event emitter.
 */
export class EmbeddedQueue implements JobQueue {
  private readonly events = new EventEmitter();
  private readonly backoff: (attempt: number) => number;

  constructor(
    private readonly db: CatalogDb,
    private readonly options: EmbeddedQueueOptions,
  ) {
    this.backoff = options.backoffMs ?? defaultBackoff;
    this.events.setMaxListeners(0);
  }

  async enqueue(job: Job, options: { transaction?: Transaction<Database> } = {}): Promise<{ afterCommit: () => void }> {
    const now = Date.now();
    await (options.transaction ?? this.db)
      .insertInto('jobs')
      .values({ video_id: job.videoId, kind: job.kind ?? 'generate', status: 'queued', attempt: 0, priority: job.priority ?? 0, available_at: now, created_at: now })
      .onConflict((oc) => oc.column('video_id').doNothing())
      .execute();
    const announce = (): void => void this.events.emit('available');
    // Inside a transaction the row is not visible yet: the caller announces it after its commit.
    if (!options.transaction) announce();
    return { afterCommit: announce };
  }

  async claim(workerId: string): Promise<ClaimedJob | null> {
    for (;;) {
      const now = Date.now();
      const candidate = await this.db
        .selectFrom('jobs')
        .select(['video_id', 'kind', 'attempt'])
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'queued'), eb('available_at', '<=', now)]),
            eb.and([eb('status', '=', 'claimed'), eb('lease_until', '<', now)]),
          ]),
        )
        .$if(this.options.held !== undefined, (query) => query.where((eb) => eb.not(this.options.held!(eb))))
        .orderBy('priority', 'desc')
        .orderBy('created_at')
        .limit(1)
        .executeTakeFirst();
      if (!candidate) return null;
      // Optimistic claim: only one claimer can move the row from this attempt number to the next.
      const attempt = candidate.attempt + 1;
      const result = await this.db
        .updateTable('jobs')
        .set({ status: 'claimed', attempt, lease_owner: workerId, lease_until: now + this.options.leaseMs })
        .where('video_id', '=', candidate.video_id)
        .where('attempt', '=', candidate.attempt)
        .where('status', 'in', ['queued', 'claimed'])
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) return { videoId: candidate.video_id, kind: candidate.kind, attempt };
    }
  }

  async heartbeat(job: ClaimedJob, workerId: string): Promise<HeartbeatResult> {
    const result = await this.db
      .updateTable('jobs')
      .set({ lease_until: Date.now() + this.options.leaseMs })
      .where('video_id', '=', job.videoId)
      .where('attempt', '=', job.attempt)
      .where('lease_owner', '=', workerId)
      .where('status', '=', 'claimed')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) return 'ok';
    const row = await this.db.selectFrom('jobs').select('status').where('video_id', '=', job.videoId).executeTakeFirst();
    return row?.status === 'cancelled' || row === undefined ? 'cancelled' : 'lost';
  }

  async complete(job: ClaimedJob): Promise<void> {
    await this.finish(job, 'done', null);
  }

  async fail(job: ClaimedJob, error: { retryable: boolean; message: string }): Promise<'retrying' | 'failed'> {
    if (error.retryable && job.attempt < this.options.maxAttempts) {
      await this.db
        .updateTable('jobs')
        .set({ status: 'queued', lease_owner: null, lease_until: null, available_at: Date.now() + this.backoff(job.attempt), last_error: error.message })
        .where('video_id', '=', job.videoId)
        .where('attempt', '=', job.attempt)
        .where('status', '=', 'claimed')
        .execute();
      return 'retrying';
    }
    await this.finish(job, 'failed', error.message);
    return 'failed';
  }

  async cancel(videoId: string): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ status: 'cancelled', lease_owner: null, lease_until: null })
      .where('video_id', '=', videoId)
      .where('status', 'in', ['queued', 'claimed'])
      .execute();
    this.events.emit('cancel', videoId);
  }

  /**
   * Embedded mode has exactly one process per catalog (guarded by the data-dir lock), so at start-up every
   * claimed job belongs to a process that died: make those claimable now instead of after their lease.
   */
  async releaseAbandonedLeases(): Promise<number> {
    const result = await this.db.updateTable('jobs').set({ lease_until: 0 }).where('status', '=', 'claimed').executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  onAvailable(listener: () => void): () => void {
    this.events.on('available', listener);
    return () => this.events.off('available', listener);
  }

  onCancel(listener: (videoId: string) => void): () => void {
    this.events.on('cancel', listener);
    return () => this.events.off('cancel', listener);
  }

  close(): Promise<void> {
    this.events.removeAllListeners();
    return Promise.resolve();
  }

  private async finish(job: ClaimedJob, status: 'done' | 'failed', lastError: string | null): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ status, lease_owner: null, lease_until: null, last_error: lastError })
      .where('video_id', '=', job.videoId)
      .where('attempt', '=', job.attempt)
      .execute();
  }
}
