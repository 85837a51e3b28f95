import { describe, expect, it } from 'vitest';
import { catalogPerTest } from '../../test/helpers/catalog-per-test.js';
import { EmbeddedQueue } from './embedded-queue.js';

/** The same queue code on both catalog dialects: SQLite (embedded default) and PostgreSQL. */
describe.each(['sqlite', 'postgres'] as const)('embedded queue on %s', (dialect) => {
  const catalog = catalogPerTest(dialect);

  const queueWith = (leaseMs = 60_000, maxAttempts = 3) => new EmbeddedQueue(catalog().db, { leaseMs, maxAttempts, backoffMs: () => 0 });

  it('hands a job to one claimer only, and enqueueing twice is one job', async () => {
    const queue = queueWith();
    await queue.enqueue({ videoId: 'v1' });
    await queue.enqueue({ videoId: 'v1' });
    const claims = await Promise.all([queue.claim('a'), queue.claim('b'), queue.claim('c')]);
    expect(claims.filter(Boolean)).toEqual([{ videoId: 'v1', kind: 'generate', attempt: 1 }]);
  });

  it('tells the claimer what kind of job it is', async () => {
    const queue = queueWith();
    await queue.enqueue({ videoId: 'v1', kind: 'blend' });
    expect(await queue.claim('w')).toEqual({ videoId: 'v1', kind: 'blend', attempt: 1 });
  });

  it('runs higher priority first', async () => {
    const queue = queueWith();
    await queue.enqueue({ videoId: 'batch', priority: 0 });
    await queue.enqueue({ videoId: 'interactive', priority: 10 });
    expect((await queue.claim('w'))?.videoId).toBe('interactive');
  });

  it('gives a job whose lease ran out to another worker, and the old claim can no longer heartbeat', async () => {
    const queue = queueWith(30);
    await queue.enqueue({ videoId: 'v1' });
    const first = (await queue.claim('dead'))!;
    expect(await queue.claim('other')).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    const second = await queue.claim('other');
    expect(second).toEqual({ videoId: 'v1', kind: 'generate', attempt: 2 });
    expect(await queue.heartbeat(first, 'dead')).toBe('lost');
    expect(await queue.heartbeat(second!, 'other')).toBe('ok');
  });

  it('retries retryable failures until attempts run out', async () => {
    const queue = queueWith(60_000, 2);
    await queue.enqueue({ videoId: 'v1' });
    expect(await queue.fail((await queue.claim('w'))!, { retryable: true, message: 'disk full' })).toBe('retrying');
    const again = (await queue.claim('w'))!;
    expect(again.attempt).toBe(2);
    expect(await queue.fail(again, { retryable: true, message: 'disk full' })).toBe('failed');
    expect(await queue.claim('w')).toBeNull();
  });

  it('does not retry a non-retryable failure', async () => {
    const queue = queueWith();
    await queue.enqueue({ videoId: 'v1' });
    expect(await queue.fail((await queue.claim('w'))!, { retryable: false, message: 'bad input' })).toBe('failed');
    expect(await queue.claim('w')).toBeNull();
  });

  it('cancels: a queued job is never claimed, a running one is told at once', async () => {
    const queue = queueWith();
    const told: string[] = [];
    queue.onCancel((id) => told.push(id));
    await queue.enqueue({ videoId: 'running' });
    const job = (await queue.claim('w'))!;
    await queue.enqueue({ videoId: 'waiting' });
    await queue.cancel('waiting');
    await queue.cancel('running');
    expect(told).toEqual(['waiting', 'running']);
    expect(await queue.heartbeat(job, 'w')).toBe('cancelled');
    expect(await queue.claim('w')).toBeNull();
  });

  it('makes claims of a dead process claimable at once on restart', async () => {
    const queue = queueWith();
    await queue.enqueue({ videoId: 'v1' });
    await queue.claim('previous-process');
    expect(await queue.releaseAbandonedLeases()).toBe(1);
    expect(await queueWith().claim('new-process')).toEqual({ videoId: 'v1', kind: 'generate', attempt: 2 });
  });

  it('announces work enqueued inside a transaction only when told the commit happened', async () => {
    const queue = queueWith();
    let wakeups = 0;
    queue.onAvailable(() => wakeups++);
    const { afterCommit } = await catalog().db.transaction().execute((trx) => queue.enqueue({ videoId: 'v1' }, { transaction: trx }));
    expect(wakeups).toBe(0);
    afterCommit();
    expect(wakeups).toBe(1);
  });
});
