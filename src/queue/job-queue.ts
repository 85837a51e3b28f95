import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../catalog/schema.js';
import type { JobKind } from '../domain/video.js';

/** A render job: the video id is the job id, so enqueueing the same video twice is a no-op. */
export interface Job {
  videoId: string;
  /** What the worker runs; default 'generate'. */
  kind?: JobKind;
  /** Higher runs first: interactive requests before batch ones. */
  priority?: number;
}

export interface ClaimedJob {
  videoId: string;
  kind: JobKind;
  /** 1 for the first try; every claim (also after a lost lease) gets a new number. */
  attempt: number;
}

export type HeartbeatResult = 'ok' | 'cancelled' | 'lost';

/**
 * The queue contract of DESIGN.md: at-least-once delivery with leases. A job whose worker stops heartbeating is
 * claimed again after its lease; outputs are keyed by video id so a second run cannot leave a second output.
 */
export interface JobQueue {
  /**
   * Adds a job. With a catalog transaction the job exists exactly when that transaction commits; the caller then
   * calls the returned `afterCommit` so workers hear of it at once.
   */
  enqueue(job: Job, options?: { transaction?: Transaction<Database> }): Promise<{ afterCommit: () => void }>;
  claim(workerId: string): Promise<ClaimedJob | null>;
  heartbeat(job: ClaimedJob, workerId: string): Promise<HeartbeatResult>;
  complete(job: ClaimedJob): Promise<void>;
  /** Retryable failures go back to the queue (with backoff) until attempts run out; answers what happened. */
  fail(job: ClaimedJob, error: { retryable: boolean; message: string }): Promise<'retrying' | 'failed'>;
  /**
   * Hands a job this worker still holds back to the queue, claimable by any worker at once (a worker shutting down
   * with a render it will not finish); a job it no longer holds (done, cancelled, lease lost) is left alone.
   */
  release(job: ClaimedJob, workerId: string): Promise<void>;
  /** Stops a job wherever it is: queued jobs are never claimed, a running one's worker is told at once. */
  cancel(videoId: string): Promise<void>;
  /** Wakes a worker: new work may be available. Returns an unsubscribe function. */
  onAvailable(listener: () => void): () => void;
  /** Tells the worker running this video to stop now. Returns an unsubscribe function. */
  onCancel(listener: (videoId: string) => void): () => void;
  close(): Promise<void>;
}

export type CatalogDb = Kysely<Database>;
