/** Hits counted in the current window of one id, and when that window ends (Unix ms). */
export interface WindowCount {
  count: number;
  resetAt: number;
}

/**
 * Counts hits per id in fixed windows that start at an id's first hit. Behind this interface so that several API
 * nodes can share one count (redis-request-counter.ts) instead of each keeping its own.
 */
export interface RequestCounter {
  hit(id: string, windowMs: number, now: number): Promise<WindowCount>;
}

/** Windows kept before the ended ones are swept, so ids that stopped calling do not hold memory. */
const sweepAbove = 10_000;

/** One process's counts: right for the embedded mode, where one process answers every request. */
export class InMemoryRequestCounter implements RequestCounter {
  private readonly windows = new Map<string, WindowCount>();

  hit(id: string, windowMs: number, now: number): Promise<WindowCount> {
    let window = this.windows.get(id);
    if (!window || window.resetAt <= now) {
      if (this.windows.size >= sweepAbove) this.sweep(now);
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(id, window);
    }
    window.count += 1;
    return Promise.resolve({ ...window });
  }

  private sweep(now: number): void {
    for (const [id, window] of this.windows) if (window.resetAt <= now) this.windows.delete(id);
  }
}
