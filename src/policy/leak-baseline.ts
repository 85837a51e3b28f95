/** What the leak watch measures of a key in one window. */
export interface UsageTotals {
  requests: number;
  videoSeconds: number;
  addresses: number;
}

/** One use of a key: a request (from an address), or video-seconds asked for. */
export interface UsageSample {
  requests?: number;
  videoSeconds?: number;
  address?: string;
}

/** A key's current window and its baseline: the mean of its earlier active windows in the look-back span. */
export interface UsageReading {
  current: UsageTotals;
  baseline: UsageTotals;
}

/**
 * A key's recent usage, by window. In memory on one node (below), or in Redis (redis-usage-baseline.ts), where
 * every API node adds to the same windows, so a leaked key spread over the nodes is seen whole.
 */
export interface UsageBaseline {
  /** Adds the sample to the key's current window; answers that window and the baseline before it. */
  record(keyId: string, sample: UsageSample): Promise<UsageReading>;
  /** Forgets a key's usage (its suspension was lifted: the burst that caused it must not count again). */
  forget(keyId: string): Promise<void>;
}

/** How usage is cut into windows: their length, and how many earlier ones make the baseline. */
export interface UsageWindows {
  windowMs: number;
  baselineWindows: number;
  clock?: () => number;
}

interface Window {
  index: number;
  requests: number;
  videoSeconds: number;
  addresses: Set<string>;
}

/** Distinct addresses kept per window: enough to pass any sensible floor, bounded so a flood cannot grow memory. */
export const maxAddressesPerWindow = 10_000;

/**
 * Per-node, in-memory usage windows. Each key keeps at most `baselineWindows + 1` windows; keys idle for longer
 * than the look-back span are swept out now and then, so memory follows the number of active keys.
 */
export class MemoryUsageBaseline implements UsageBaseline {
  private readonly keys = new Map<string, Window[]>();
  private recordsSinceSweep = 0;

  constructor(private readonly options: UsageWindows) {}

  record(keyId: string, sample: UsageSample): Promise<UsageReading> {
    return Promise.resolve(this.recordNow(keyId, sample));
  }

  forget(keyId: string): Promise<void> {
    this.keys.delete(keyId);
    return Promise.resolve();
  }

  private recordNow(keyId: string, sample: UsageSample): UsageReading {
    const index = Math.floor(this.now() / this.options.windowMs);
    this.sweepNowAndThen(index);
    const windows = (this.keys.get(keyId) ?? []).filter((w) => w.index >= index - this.options.baselineWindows);
    let current = windows.at(-1);
    if (current?.index !== index) {
      current = { index, requests: 0, videoSeconds: 0, addresses: new Set() };
      windows.push(current);
    }
    this.keys.set(keyId, windows);
    current.requests += sample.requests ?? 0;
    current.videoSeconds += sample.videoSeconds ?? 0;
    if (sample.address !== undefined && current.addresses.size < maxAddressesPerWindow) current.addresses.add(sample.address);
    return { current: totalsOf(current), baseline: meanOf(windows.slice(0, -1).filter((w) => w.requests > 0)) };
  }

  private now(): number {
    return (this.options.clock ?? Date.now)();
  }

  private sweepNowAndThen(index: number): void {
    if (++this.recordsSinceSweep < 1000) return;
    this.recordsSinceSweep = 0;
    for (const [keyId, windows] of this.keys) {
      if ((windows.at(-1)?.index ?? 0) < index - this.options.baselineWindows) this.keys.delete(keyId);
    }
  }
}

const totalsOf = (w: Window): UsageTotals => ({ requests: w.requests, videoSeconds: w.videoSeconds, addresses: w.addresses.size });

/** The mean of the windows the key was active in: a key used in bursts is compared with its usual burst. */
function meanOf(windows: Window[]): UsageTotals {
  if (windows.length === 0) return { requests: 0, videoSeconds: 0, addresses: 0 };
  const sum = (pick: (w: Window) => number): number => windows.reduce((total, w) => total + pick(w), 0) / windows.length;
  return { requests: sum((w) => w.requests), videoSeconds: sum((w) => w.videoSeconds), addresses: sum((w) => w.addresses.size) };
}
