/** How one attempt at a job ended, as the metrics count it. */
export type JobOutcome = 'completed' | 'retrying' | 'failed' | 'stopped';

/** What the worker tells the node's metrics about the renders it runs (optional: `kinora generate` has none). */
export interface JobMetrics {
  /** A render began; call the answer once, when it ends, with how it ended (and the error code of a failure). */
  jobStarted(kind: string, model: string): (outcome: JobOutcome, errorCode?: string) => void;
}
