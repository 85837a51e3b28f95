import { describe, expect, it } from 'vitest';
import { catalogPerTest } from '../../test/helpers/catalog-per-test.js';
import { accounts } from '../domain/ledger.js';
import type { NewVideo } from './videos-repository.js';
import { LedgerImbalanceError } from './ledger-repository.js';

const charge = (videoId: string, keyId: string, fee: number, seconds = 2) => ({
  kind: 'charge' as const,
  videoId,
  seconds,
  memo: null,
  entries: [
    { account: accounts.key(keyId), amount: -(seconds + fee * seconds) },
    { account: accounts.revenue, amount: seconds },
    { account: accounts.artist('artist_a'), amount: fee * seconds },
  ],
});

const video = (id: string): NewVideo => ({
  id, ownerKeyId: 'key_1', model: 'kinora-1', prompt: 'p', seed: 1, size: '854x480', seconds: 2,
  remixedFromVideoId: null, inputReference: null, plan: null, options: null, operation: null, requestFingerprint: id, createdAt: 1,
});

/** The ledger tables (migration 0008) through the same Kysely code on both dialects. */
describe.each(['sqlite', 'postgres'] as const)('ledger repository on %s', (dialect) => {
  const catalog = catalogPerTest(dialect);

  it('refuses a transaction that does not sum to zero, or moves nothing, and writes none of it', async () => {
    const { ledger } = catalog();
    const lopsided = { kind: 'grant' as const, videoId: null, seconds: null, memo: null, entries: [{ account: 'key:k', amount: 5 }, { account: accounts.grants, amount: -4 }] };
    await expect(ledger.write(lopsided)).rejects.toThrow(LedgerImbalanceError);
    await expect(ledger.write({ ...lopsided, entries: [{ account: 'key:k', amount: 0.5 }, { account: accounts.grants, amount: -0.5 }] })).rejects.toThrow(/whole credits/);
    await expect(ledger.write({ ...lopsided, entries: [{ account: 'key:k', amount: 5 }, { account: 'key:k', amount: -5 }] })).rejects.toThrow(/move none/);
    expect(await catalog().db.selectFrom('ledger_transactions').selectAll().execute()).toEqual([]);
    expect(await ledger.balance('key:k')).toBe(0);
  });

  it('merges entries on one account and keeps balances as the sum of entries', async () => {
    const { ledger } = catalog();
    const written = await ledger.write({ kind: 'grant', videoId: null, seconds: null, memo: 'welcome', entries: [
      { account: 'key:k', amount: 70 }, { account: 'key:k', amount: 30 }, { account: accounts.grants, amount: -100 },
    ] });
    expect(written?.entries).toEqual([{ account: 'key:k', amount: 100 }, { account: accounts.grants, amount: -100 }]);
    await ledger.write(charge('v1', 'k', 3));
    expect(await ledger.balance('key:k')).toBe(100 - 8);
    expect(await ledger.balance(accounts.artist('artist_a'))).toBe(6);
    expect(await ledger.balance(accounts.grants)).toBe(-100);
  });

  it('charges a video once, and refunds exactly what was charged, once', async () => {
    const { ledger } = catalog();
    expect(await ledger.write(charge('v1', 'k', 3))).toBeDefined();
    expect(await ledger.write(charge('v1', 'k', 3))).toBeUndefined();
    expect(await ledger.refundVideo('v-never-charged', 'failed')).toBeUndefined();

    const refund = await ledger.refundVideo('v1', 'failed: generation_failed');
    expect(refund).toMatchObject({ kind: 'refund', videoId: 'v1', seconds: 2, memo: 'failed: generation_failed' });
    expect(await Promise.all([ledger.refundVideo('v1', 'again'), ledger.refundVideo('v1', 'and again')])).toEqual([undefined, undefined]);
    for (const account of ['key:k', accounts.revenue, accounts.artist('artist_a')]) expect(await ledger.balance(account)).toBe(0);
    expect((await ledger.forVideo('v1', 'refund'))?.entries).toEqual(
      (await ledger.forVideo('v1', 'charge'))?.entries.map((e) => ({ account: e.account, amount: -e.amount })),
    );
  });

  it('catches up on the refunds of videos that failed or were deleted before completing', async () => {
    const { ledger, videos } = catalog();
    for (const id of ['failed', 'deleted', 'completed', 'queued', 'refunded']) {
      await videos.insert(video(id));
      await ledger.write(charge(id, 'key_1', 1));
    }
    await videos.markStarted('failed', 1);
    await videos.fail('failed', 1, { code: 'generation_failed', message: 'x' });
    await videos.softDelete('deleted', 'key_1');
    await videos.markStarted('completed', 1);
    await videos.complete('completed', 1, { outputs: { video: 'a', thumbnail: 'b', spritesheet: 'c' }, plan: null, hasAudio: false });
    await videos.softDelete('completed', 'key_1');
    await videos.markStarted('refunded', 1);
    await videos.fail('refunded', 1, { code: 'generation_failed', message: 'x' });
    await ledger.refundVideo('refunded', 'failed');

    expect(await ledger.refundUnsettled('start-up')).toBe(2);
    expect(await ledger.forVideo('failed', 'refund')).toMatchObject({ memo: 'start-up' });
    expect(await ledger.forVideo('deleted', 'refund')).toBeDefined();
    expect(await ledger.forVideo('completed', 'refund')).toBeUndefined();
    expect(await ledger.forVideo('queued', 'refund')).toBeUndefined();
    expect(await ledger.refundUnsettled('start-up')).toBe(0);
  });

  it("reports each artist's takings in a period, a refund counting in the period it was written", async () => {
    const { ledger } = catalog();
    const day = 86_400_000;
    await ledger.write(charge('v1', 'k', 3, 2), undefined, 1 * day);
    await ledger.write(charge('v2', 'k', 3, 4), undefined, 1 * day + 5);
    await ledger.write({ ...charge('v3', 'k', 3, 1), entries: [...charge('v3', 'k', 3, 1).entries, { account: 'artist:artist_b', amount: 7 }, { account: 'key:k', amount: -7 }] }, undefined, 2 * day);
    await ledger.write({ kind: 'refund', videoId: 'v2', seconds: 4, memo: null, entries: charge('v2', 'k', 3, 4).entries.map((e) => ({ ...e, amount: -e.amount })) }, undefined, 3 * day);

    expect(await ledger.artistEarnings(day, 2 * day)).toEqual([{ artistId: 'artist_a', videos: 2, seconds: 6, credits: 18 }]);
    expect(await ledger.artistEarnings(0, 10 * day)).toEqual([
      { artistId: 'artist_a', videos: 2, seconds: 3, credits: 9 },
      { artistId: 'artist_b', videos: 1, seconds: 1, credits: 7 },
    ]);
    expect(await ledger.artistEarnings(3 * day, 4 * day)).toEqual([{ artistId: 'artist_a', videos: -1, seconds: -4, credits: -12 }]);
    expect(await ledger.artistPaidVideos(0, 10 * day)).toEqual({ videos: 2, seconds: 3 });
    expect(await ledger.artistPaidVideos(5 * day, 6 * day)).toEqual({ videos: 0, seconds: 0 });
  });
});
