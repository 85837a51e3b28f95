import { describe, expect, it } from 'vitest';
import { catalogPerTest } from '../../test/helpers/catalog-per-test.js';

/** The artist registry and the credits recorded on a video, through the same Kysely code on both dialects (migration 0005). */
describe.each(['sqlite', 'postgres'] as const)('artists repository on %s', (dialect) => {
  const catalog = catalogPerTest(dialect);

  it('creates, lists, updates and removes artists, keeping their lists and policy', async () => {
    const artists = catalog().artists;
    const miro = await artists.create({ name: 'Joan Miró', aliases: ['Miró', 'Miro'], styleKeywords: [], policy: 'license', feePerSecond: 4 }, 1000);
    const banksy = await artists.create({ name: 'Banksy', aliases: [], styleKeywords: ['girl with balloon'], policy: 'deny', feePerSecond: null }, 2000);
    expect(miro.id).toMatch(/^artist_[0-9a-f]{24}$/);
    expect(await artists.list()).toEqual([miro, banksy]);
    expect(await artists.find(miro.id)).toEqual({ ...miro, createdAt: 1000, updatedAt: 1000 });

    const updated = await artists.update(miro.id, { name: 'Joan Miró', aliases: ['Miró'], styleKeywords: ['constellations'], policy: 'credit', feePerSecond: null }, 3000);
    expect(updated).toEqual({ ...miro, aliases: ['Miró'], styleKeywords: ['constellations'], policy: 'credit', feePerSecond: null, updatedAt: 3000 });
    expect(await artists.update('artist_missing', { name: 'x', aliases: [], styleKeywords: [], policy: 'credit', feePerSecond: null })).toBeUndefined();

    expect(await artists.remove(banksy.id)).toBe(true);
    expect(await artists.remove(banksy.id)).toBe(false);
    expect((await artists.list()).map((a) => a.id)).toEqual([miro.id]);
  });

  it('stores the credits of a video and reads none for a video without', async () => {
    const base = { ownerKeyId: 'k', model: 'kinora-1', prompt: 'p', seed: 1, size: '854x480', seconds: 1, remixedFromVideoId: null, inputReference: null, plan: null, options: null, operation: null, createdAt: 1 };
    const credits = [{ artist_id: 'artist_1', name: 'Joan Miró', policy: 'license' as const }];
    await catalog().videos.insert({ ...base, id: 'v1', requestFingerprint: 'a', credits });
    await catalog().videos.insert({ ...base, id: 'v2', requestFingerprint: 'b' });
    expect((await catalog().videos.findOwned('v1', 'k'))?.credits).toEqual(credits);
    expect((await catalog().videos.findOwned('v2', 'k'))?.credits).toEqual([]);
  });
});
