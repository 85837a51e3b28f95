import { PostgresAdapter, sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import type { Database } from '../catalog/schema.js';
import type { CatalogDb, ClaimedJob, HeartbeatResult, Job } from './job-queue.js';

type JobsExpression = (eb: ExpressionBuilder<Database, 'jobs'>) => Expression<SqlBool>;

export interface JobTableOptions {
  leaseMs: number;
  maxAttempts: number;
  /** Delay before retry n (1-based): exponential from one second, capped at a minute. */
  backoffMs?: (attempt: number) => number;
  /** Jobs to leave queued for now (the kill switch's halt and suspended keys); they are claimed once released. */
  held?: JobsExpression;
  /**
   * The model names this process can run, as videos store them (`videos.model`: ids and aliases alike, see
   * model-filter.ts). Jobs of other models stay queued for other workers. Unset: every model.
   */
  models?: readonly string[];
}

const defaultBackoff = (attempt: number): number => Math.min(60_000, 1000 * 2 ** (attempt - 1));

/**
 * "Now" in epoch milliseconds by the database's clock. Due times and leases are written and compared by this one
 * clock, never by a process's own: a worker whose clock runs ahead would take live leases, and one whose clock runs
 * behind would write leases that others see as lapsed (or keep a dead one alive for as long as it is behind).
 */
function databaseNow(db: CatalogDb): RawBuilder<number> {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<number>`floor(extract(epoch from statement_timestamp()) * 1000)::bigint`
    : sql<number>`cast(unixepoch('subsec') * 1000 as integer)`;
}

/** A job the next claim may take: queued and due, or claimed by a worker whose lease ran out. */
const claimableAt = (now: RawBuilder<number>) => (eb: ExpressionBuilder<Database, 'jobs'>) =>
  eb.or([eb.and([eb('status', '=', 'queued'), eb('available_at', '<=', now)]), eb.and([eb('status', '=', 'claimed'), eb('lease_until', '<', now)])]);

/**
 * The `jobs` rows of the catalog, the source of truth of every job's state in both queues: the row commits with its
 * video, and every state change is a conditional update on the attempt number, so only one claimer can win an
 * attempt and a worker that lost its lease can no longer finish it. The queues add only how workers hear of work.
 */
export class JobTable {
  private readonly backoff: (attempt: number) => number;
  private readonly now: RawBuilder<number>;

  constructor(
    private readonly db: CatalogDb,
    private readonly options: JobTableOptions,
  ) {
    this.backoff = options.backoffMs ?? defaultBackoff;
    this.now = databaseNow(db);
  }

  /** The database's "now" plus `ms`, for a due time or the end of a lease. */
  private nowPlus(ms: number): RawBuilder<number> {
    return sql<number>`${this.now} + ${ms}`;
  }

  async insert(job: Job, transaction?: Transaction<Database>): Promise<void> {
    const now = Date.now();
    await (transaction ?? this.db)
      .insertInto('jobs')
      .values({ video_id: job.videoId, kind: job.kind ?? 'generate', status: 'queued', attempt: 0, priority: job.priority ?? 0, available_at: this.now, created_at: now })
      .onConflict((oc) => oc.column('video_id').doNothing())
      .execute();
  }

  /** Claims the most urgent job this process may run, or answers null when there is none. */
  async claimNext(workerId: string): Promise<ClaimedJob | null> {
    for (;;) {
      const candidate = await this.db
        .selectFrom('jobs')
        .select(['video_id', 'attempt'])
        .where(claimableAt(this.now))
        .where((eb) => this.runnableHere(eb))
        .orderBy('priority', 'desc')
        .orderBy('created_at')
        .limit(1)
        .executeTakeFirst();
      if (!candidate) return null;
      const claimed = await this.claimAttempt(candidate.video_id, candidate.attempt, workerId);
      if (claimed) return claimed;
    }
  }

  /** Claims this video's job if it is claimable by this process now (a dispatcher named it); null otherwise. */
  async claimVideo(videoId: string, workerId: string): Promise<ClaimedJob | null> {
    const candidate = await this.db
      .selectFrom('jobs')
      .select('attempt')
      .where('video_id', '=', videoId)
      .where(claimableAt(this.now))
      .where((eb) => this.runnableHere(eb))
      .executeTakeFirst();
    return candidate ? this.claimAttempt(videoId, candidate.attempt, workerId) : null;
  }

  /** Whether the job waits for a worker (queued or with a lost lease) but runs a model this process cannot run. */
  async isForeignModel(videoId: string): Promise<boolean> {
    if (this.options.models === undefined) return false;
    const row = await this.db
      .selectFrom('jobs')
      .innerJoin('videos', 'videos.id', 'jobs.video_id')
      .select('videos.model')
      .where('jobs.video_id', '=', videoId)
      .where('jobs.status', 'in', ['queued', 'claimed'])
      .executeTakeFirst();
    return row !== undefined && !this.options.models.includes(row.model);
  }

  /** Jobs some worker could claim now, for any model, most urgent first (what a dispatcher must know of). */
  async claimable(limit: number): Promise<Array<{ videoId: string; priority: number }>> {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['video_id', 'priority'])
      .where(claimableAt(this.now))
      .$if(this.options.held !== undefined, (query) => query.where((eb) => eb.not(this.options.held!(eb))))
      .orderBy('priority', 'desc')
      .orderBy('created_at')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ videoId: row.video_id, priority: row.priority }));
  }

  async heartbeat(job: ClaimedJob, workerId: string): Promise<HeartbeatResult> {
    const result = await this.db
      .updateTable('jobs')
      .set({ lease_until: this.nowPlus(this.options.leaseMs) })
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

  /**
   * Retryable failures go back to the queue after a backoff while attempts remain; `retry` says when, and is
   * absent when this claim had already lost its lease (the job is someone else's now).
   */
  async fail(job: ClaimedJob, error: { retryable: boolean; message: string }): Promise<{ outcome: 'retrying'; retry?: { at: number; priority: number } } | { outcome: 'failed' }> {
    if (error.retryable && job.attempt < this.options.maxAttempts) {
      const delayMs = this.backoff(job.attempt);
      // `at` is for this process's timers (a BullMQ delay); the row's due time is on the database's clock.
      const at = Date.now() + delayMs;
      const requeued = await this.db
        .updateTable('jobs')
        .set({ status: 'queued', lease_owner: null, lease_until: null, available_at: this.nowPlus(delayMs), last_error: error.message })
        .where('video_id', '=', job.videoId)
        .where('attempt', '=', job.attempt)
        .where('status', '=', 'claimed')
        .returning('priority')
        .executeTakeFirst();
      return requeued ? { outcome: 'retrying', retry: { at, priority: requeued.priority } } : { outcome: 'retrying' };
    }
    await this.finish(job, 'failed', error.message);
    return { outcome: 'failed' };
  }

  /**
   * Requeues the job, due now, if this worker still holds this attempt; answers its priority then (to dispatch it),
   * or undefined when there was nothing to hand back. The next claim counts a new attempt, as after a lost lease.
   */
  async release(job: ClaimedJob, workerId: string): Promise<{ priority: number } | undefined> {
    return this.db
      .updateTable('jobs')
      .set({ status: 'queued', lease_owner: null, lease_until: null, available_at: this.now })
      .where('video_id', '=', job.videoId)
      .where('attempt', '=', job.attempt)
      .where('lease_owner', '=', workerId)
      .where('status', '=', 'claimed')
      .returning('priority')
      .executeTakeFirst();
  }

  async cancel(videoId: string): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ status: 'cancelled', lease_owner: null, lease_until: null })
      .where('video_id', '=', videoId)
      .where('status', 'in', ['queued', 'claimed'])
      .execute();
  }

  /** Makes every claimed job claimable now; only for a process that knows no other process holds a live lease. */
  async releaseAllLeases(): Promise<number> {
    const result = await this.db.updateTable('jobs').set({ lease_until: 0 }).where('status', '=', 'claimed').executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Not held by the kill switch, and of a model this process runs. */
  private runnableHere(eb: ExpressionBuilder<Database, 'jobs'>): Expression<SqlBool> {
    const conditions: Expression<SqlBool>[] = [];
    if (this.options.held) conditions.push(eb.not(this.options.held(eb)));
    if (this.options.models !== undefined) {
      const models = this.options.models;
      // `in ()` is not valid SQL: a worker limited to no model at all runs nothing.
      conditions.push(
        models.length === 0
          ? eb.lit(false)
          : eb.exists(eb.selectFrom('videos').select('videos.id').whereRef('videos.id', '=', 'jobs.video_id').where('videos.model', 'in', [...models])),
      );
    }
    return eb.and(conditions);
  }

  /** Optimistic claim: only one claimer can move the row from this attempt number to the next. */
  private async claimAttempt(videoId: string, previousAttempt: number, workerId: string): Promise<ClaimedJob | null> {
    const attempt = previousAttempt + 1;
    const result = await this.db
      .updateTable('jobs')
      .set({ status: 'claimed', attempt, lease_owner: workerId, lease_until: this.nowPlus(this.options.leaseMs) })
      .where('video_id', '=', videoId)
      .where('attempt', '=', previousAttempt)
      .where('status', 'in', ['queued', 'claimed'])
      .returning('kind')
      .executeTakeFirst();
    return result ? { videoId, kind: result.kind, attempt } : null;
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
