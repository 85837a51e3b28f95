import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { runJob, type JobDependencies } from './run-job.js';

/** Fallback wake-up for work that becomes due without an event (a retry's backoff ending). */
const idlePollMs = 1000;

/**
 * N loops, each claiming one job at a time. A loop sleeps until the queue announces work (or the poll timer
 * fires), so a new video starts rendering at once rather than on the next poll.
 */
export class WorkerPool {
  private stopping = false;
  private readonly shutdown = new AbortController();
  private readonly loops: Promise<void>[] = [];
  private readonly wakers = new Set<() => void>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly deps: JobDependencies,
    private readonly concurrency: number,
  ) {}

  start(): void {
    // In the background: a job claimed meanwhile simply shares the first loads with it.
    this.deps.engines.warmUp().catch((error: unknown) => this.deps.logger.warn({ err: error }, 'engine warm-up failed'));
    this.unsubscribe = this.deps.queue.onAvailable(() => this.wakeAll());
    const base = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    for (let i = 0; i < this.concurrency; i++) this.loops.push(this.loop(`${base}-${i}`));
  }

  /**
   * A graceful stop: takes no new job and lets the renders in hand finish for up to `graceMs`; then stops what is
   * left as `stop` does, handing those jobs back for another worker to take at once.
   */
  async drain(graceMs: number): Promise<void> {
    this.stopping = true;
    this.wakeAll();
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([Promise.all(this.loops), graceOver]);
    clearTimeout(timer);
    await this.stop();
  }

  /**
   * Stops taking jobs and stops the renders in hand, handing their jobs back to the queue so that another worker
   * (or this one's next start) takes them at once instead of after their lease.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.shutdown.abort();
    this.unsubscribe?.();
    this.wakeAll();
    await Promise.all(this.loops);
  }

  private wakeAll(): void {
    for (const wake of this.wakers) wake();
  }

  private async loop(workerId: string): Promise<void> {
    while (!this.stopping) {
      try {
        const job = await this.deps.queue.claim(workerId);
        if (job) {
          await runJob(job, workerId, this.deps, this.shutdown.signal);
          // A render stopped by the shutdown left its job claimed: released, unless it had ended meanwhile.
          if (this.shutdown.signal.aborted) await this.deps.queue.release(job, workerId);
          continue;
        }
      } catch (error) {
        this.deps.logger.error({ err: error, workerId }, 'worker loop error');
      }
      await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, idlePollMs);
      this.wakers.add(done);
    });
  }
}
