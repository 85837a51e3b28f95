import { describe, expect, it } from 'vitest';
import { maxDeliveryAttempts, retryDelayMs } from './retry-schedule.js';

describe('webhook retry schedule', () => {
  it('grows from 5 s to a day, gives up after about 70 hours, and jitters by at most 20 %', () => {
    const delays = Array.from({ length: maxDeliveryAttempts - 1 }, (_, i) => retryDelayMs(i + 1, 5000, () => 0.5)!);
    expect(delays.slice(0, 5)).toEqual([5000, 30_000, 120_000, 600_000, 3_600_000]);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(delays.reduce((a, b) => a + b, 0) / 3_600_000).toBeGreaterThan(60);
    expect(delays.reduce((a, b) => a + b, 0) / 3_600_000).toBeLessThanOrEqual(72);
    expect(retryDelayMs(maxDeliveryAttempts, 5000)).toBeUndefined();
    expect(retryDelayMs(1, 5000, () => 0)).toBe(4000);
    expect(retryDelayMs(1, 5000, () => 1)).toBe(6000);
  });
});
