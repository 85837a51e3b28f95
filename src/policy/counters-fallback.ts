import type { UsageBaseline, UsageReading, UsageSample } from './leak-baseline.js';
import type { RequestCounter, WindowCount } from './request-counter.js';

/**
 * Shared counters (Redis) backed by this node's own while the shared ones cannot be reached. Rate limits and the
 * leak watch guard against abuse; they must not turn a Redis outage into an outage of every request (even status
 * reads). While Redis is away each node counts on its own, as the embedded mode does, so the limits still hold per
 * node (N nodes allow up to N times a limit), and the shared count takes over again on the next request that reaches
 * Redis. `onFallback` hears the first failure of each outage, not one per request.
 */
export class FallbackSwitch {
  private failing = false;

  constructor(private readonly onFallback: (error: unknown) => void) {}

  async run<T>(shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await shared();
    } catch (error) {
      if (!this.failing) this.onFallback(error);
      this.failing = true;
      return local();
    }
    this.failing = false;
    return result;
  }
}

export class RequestCounterWithFallback implements RequestCounter {
  constructor(
    private readonly shared: RequestCounter,
    private readonly local: RequestCounter,
    private readonly fallback: FallbackSwitch,
  ) {}

  hit(id: string, windowMs: number, now: number): Promise<WindowCount> {
    return this.fallback.run(
      () => this.shared.hit(id, windowMs, now),
      () => this.local.hit(id, windowMs, now),
    );
  }
}

export class UsageBaselineWithFallback implements UsageBaseline {
  constructor(
    private readonly shared: UsageBaseline,
    private readonly local: UsageBaseline,
    private readonly fallback: FallbackSwitch,
  ) {}

  record(keyId: string, sample: UsageSample): Promise<UsageReading> {
    return this.fallback.run(
      () => this.shared.record(keyId, sample),
      () => this.local.record(keyId, sample),
    );
  }

  async forget(keyId: string): Promise<void> {
    // Both: a suspension lifted during an outage must not be re-triggered by either count.
    await this.local.forget(keyId);
    await this.fallback.run(
      () => this.shared.forget(keyId),
      () => Promise.resolve(),
    );
  }
}
