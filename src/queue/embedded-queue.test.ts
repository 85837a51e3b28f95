import { describe, expect, it } from 'vitest';
import { catalogPerTest } from '../../test/helpers/catalog-per-test.js';
import { jobQueueContract } from '../../test/helpers/job-queue-contract.js';
import { EmbeddedQueue } from './embedded-queue.js';

/** The same queue code on both catalog dialects: SQLite (embedded default) and PostgreSQL. */
describe.each(['sqlite', 'postgres'] as const)('embedded queue on %s', (dialect) => {
  const catalog = catalogPerTest(dialect);

  jobQueueContract(catalog, (c, options) => Promise.resolve(new EmbeddedQueue(c.db, options)));

  it('makes claims of a dead process claimable at once on restart', async () => {
    const queueWith = () => new EmbeddedQueue(catalog().db, { leaseMs: 60_000, maxAttempts: 3 });
    const queue = queueWith();
    await queue.enqueue({ videoId: 'v1' });
    await queue.claim('previous-process');
    expect(await queue.releaseAbandonedLeases()).toBe(1);
    expect(await queueWith().claim('new-process')).toEqual({ videoId: 'v1', kind: 'generate', attempt: 2 });
  });
});
