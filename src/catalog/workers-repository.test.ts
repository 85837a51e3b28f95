import { describe, expect, it } from 'vitest';
import { catalogPerTest } from '../../test/helpers/catalog-per-test.js';

const worker = { id: 'host-1-42-abc', host: 'host-1', pid: 42, models: ['kinora-1', 'sora-2'], concurrency: 2, startedAt: 1000 };

describe.each(['sqlite', 'postgres'] as const)('workers repository on %s', (dialect) => {
  const catalog = catalogPerTest(dialect);

  it('lists the workers heard from since a time, refreshes a beat, and forgets the ones that went quiet', async () => {
    const { workers } = catalog();
    await workers.beat(worker, 1000);
    await workers.beat({ ...worker, id: 'host-2-7-def', host: 'host-2', pid: 7, models: ['kinora-1'] }, 1000);
    await workers.beat(worker, 20_000);
    expect(await workers.active(10_000)).toEqual([worker]);
    expect(await workers.prune(10_000)).toBe(1);
    expect(await workers.active(0)).toEqual([worker]);
    await workers.remove(worker.id);
    expect(await workers.active(0)).toEqual([]);
  });
});
