import type { ClaimedJob, JobQueue } from '../../src/queue/job-queue.js';

/**
 * A worker loop with a trivial engine: claims jobs and completes each after `work` resolves, until `stop()` is
 * called and the queue has nothing left for it. Sleeps on the queue's wake-ups (or a short poll) when idle.
 */
export function drainQueue(queue: JobQueue, workerId: string, work: (job: ClaimedJob) => Promise<void> = () => Promise.resolve()): { stop: () => Promise<void> } {
  let stopping = false;
  let wake: (() => void) | undefined;
  const unsubscribe = queue.onAvailable(() => wake?.());
  const loop = (async () => {
    while (!stopping) {
      const job = await queue.claim(workerId);
      if (job) {
        await work(job);
        await queue.complete(job);
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();
  return {
    async stop() {
      stopping = true;
      wake?.();
      unsubscribe();
      await loop;
    },
  };
}
