import { describe, expect, it } from 'vitest';
import { catalogPerTest } from '../../test/helpers/catalog-per-test.js';
import type { NewVideo } from '../catalog/videos-repository.js';
import type { ApiKey } from '../domain/api-key.js';
import { ApiError } from '../domain/errors.js';
import { accounts } from '../domain/ledger.js';
import { LedgerAdmission } from './ledger-admission.js';

const video = (id: string, key: ApiKey, fields: Partial<NewVideo> = {}): NewVideo => ({
  id, ownerKeyId: key.id, model: 'kinora-1', prompt: 'p', seed: 1, size: '854x480', seconds: 2,
  remixedFromVideoId: null, inputReference: null, plan: null, options: null, operation: null, requestFingerprint: id, createdAt: 1, ...fields,
});

/** The charge written with each new video, on both dialects. */
describe.each(['sqlite', 'postgres'] as const)('LedgerAdmission on %s', (dialect) => {
  const catalog = catalogPerTest(dialect);
  const admission = (creditsRequired: boolean) => new LedgerAdmission({ ledger: catalog().ledger, artists: catalog().artists, creditsRequired });
  const record = (creditsRequired: boolean, key: ApiKey, v: NewVideo) => catalog().db.transaction().execute((trx) => admission(creditsRequired).record(key, v, trx));
  const grant = (key: ApiKey, credits: number) =>
    catalog().ledger.write({ kind: 'grant', videoId: null, seconds: null, memo: null, entries: [{ account: accounts.key(key.id), amount: credits }, { account: accounts.grants, amount: -credits }] });

  it("pays the credited artists licensed now, at their current fee, and no one else", async () => {
    const { artists, keys, ledger } = catalog();
    const { key } = await keys.create('maker', ['videos:write']);
    const miro = await artists.create({ name: 'Joan Miró', aliases: [], styleKeywords: [], policy: 'license', feePerSecond: 4 });
    const monet = await artists.create({ name: 'Claude Monet', aliases: [], styleKeywords: [], policy: 'credit', feePerSecond: null });
    const lapsed = await artists.create({ name: 'Hilma af Klint', aliases: [], styleKeywords: [], policy: 'credit', feePerSecond: null });
    const credits = [
      { artist_id: miro.id, name: miro.name, policy: 'license' as const },
      { artist_id: monet.id, name: monet.name, policy: 'credit' as const },
      // Licensed when the source was made; only crediting now: credited, not paid.
      { artist_id: lapsed.id, name: lapsed.name, policy: 'license' as const },
      { artist_id: 'artist_removed', name: 'Gone', policy: 'license' as const },
    ];
    await record(false, key, video('v1', key, { credits, size: '1280x720' }));
    expect((await ledger.forVideo('v1', 'charge'))?.entries).toEqual([
      { account: accounts.artist(miro.id), amount: 8 },
      { account: accounts.key(key.id), amount: -12 },
      { account: accounts.revenue, amount: 4 },
    ]);
    expect(await ledger.forVideo('v1', 'charge')).toMatchObject({ seconds: 2, memo: '1280x720: 2 s generated, 0 s reused' });
  });

  it('lets a postpaid key and an admin key go below zero, and refuses a prepaid key past its balance', async () => {
    const { keys, ledger } = catalog();
    const { key: postpaid } = await keys.create('postpaid', ['videos:write']);
    const { key: admin } = await keys.create('operator', ['admin']);
    const { key: prepaid } = await keys.create('prepaid', ['videos:write']);
    await record(false, postpaid, video('v1', postpaid));
    await record(true, admin, video('v2', admin));
    expect(await ledger.balance(accounts.key(postpaid.id))).toBe(-2);
    expect(await ledger.balance(accounts.key(admin.id))).toBe(-2);

    await grant(prepaid, 3);
    await record(true, prepaid, video('v3', prepaid));
    const refused = await record(true, prepaid, video('v4', prepaid)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 429, code: 'insufficient_quota', headers: { 'x-should-retry': 'false' } });
    expect((refused as ApiError).message).toContain("costs 2 credits and this key's balance is 1 credits");
    expect(await ledger.forVideo('v4', 'charge')).toBeUndefined();
  });

  it('lets only one of three videos racing for the same credits through', async () => {
    const { keys, ledger } = catalog();
    const { key } = await keys.create('racer', ['videos:write']);
    await grant(key, 3);
    // Open connections for each racer first (PostgreSQL), so the three transactions really overlap.
    await Promise.all([1, 2, 3].map(() => catalog().db.transaction().execute((trx) => trx.selectFrom('api_keys').select('id').execute())));
    const outcomes = await Promise.allSettled([record(true, key, video('a', key)), record(true, key, video('b', key)), record(true, key, video('c', key))]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(await ledger.balance(accounts.key(key.id))).toBe(1);
  });
});
