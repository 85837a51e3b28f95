import { describe, expect, it } from 'vitest';
import { catalogPerTest } from '../../test/helpers/catalog-per-test.js';

/** Sessions and the gallery through the same Kysely code on both dialects (migration 0004 included). */
describe.each(['sqlite', 'postgres'] as const)('studio repositories on %s', (dialect) => {
  const catalog = catalogPerTest(dialect);

  it('finds a session by its hash only while it is unexpired and its key unrevoked', async () => {
    const { key } = await catalog().keys.create('alice', ['videos:read']);
    await catalog().sessions.create({ hash: 'h-live', keyId: key.id, guest: false, expiresAt: 2000 }, 1000);
    await catalog().sessions.create({ hash: 'h-old', keyId: key.id, guest: true, expiresAt: 1500 }, 1000);
    expect(await catalog().sessions.findLive('h-live', 1600)).toMatchObject({ guest: false, expiresAt: 2000, key: { id: key.id, name: 'alice', scopes: ['videos:read'] } });
    expect(await catalog().sessions.findLive('h-old', 1600)).toBeUndefined();
    expect(await catalog().sessions.findLive('unknown', 1600)).toBeUndefined();

    await catalog().sessions.deleteExpired(1600);
    expect(await catalog().db.selectFrom('sessions').select('hash').execute()).toEqual([{ hash: 'h-live' }]);
    await catalog().keys.revoke(key.id);
    expect(await catalog().sessions.findLive('h-live', 1600)).toBeUndefined();
  });

  it('lists only published, completed, live videos, newest publication first, page by page', async () => {
    const ids = ['v1', 'v2', 'v3', 'v4', 'v5'];
    for (const [i, id] of ids.entries()) {
      await catalog().videos.insert({
        id, ownerKeyId: i === 4 ? 'bob' : 'alice', model: 'kinora-1', prompt: id, seed: 1, size: '854x480', seconds: 1, remixedFromVideoId: null,
        inputReference: null, plan: null, options: null, operation: null, requestFingerprint: id, createdAt: 1000 + i,
      });
      if (id !== 'v2') {
        await catalog().videos.markStarted(id, 1);
        await catalog().videos.complete(id, 1, { outputs: { video: 'v', thumbnail: 't', spritesheet: 's' }, plan: null, hasAudio: false });
      }
    }
    expect(await catalog().gallery.setPublished('v1', 'alice', 5000)).toBe(true);
    expect(await catalog().gallery.setPublished('v2', 'alice', 5000)).toBe(true); // queued: never public
    expect(await catalog().gallery.setPublished('v3', 'alice', 5000)).toBe(true);
    expect(await catalog().gallery.setPublished('v4', 'alice', 6000)).toBe(true);
    expect(await catalog().gallery.setPublished('v5', 'alice', 7000)).toBe(false); // bob's
    expect(await catalog().gallery.setPublished('v5', 'bob', 4000)).toBe(true);
    await catalog().videos.softDelete('v1', 'alice');

    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await catalog().gallery.listPublished({ after, limit: 1 });
      if (page === 'unknown_cursor') throw new Error('cursor lost');
      seen.push(...page.data.map((v) => v.id));
      if (!page.hasMore) break;
      after = page.data.at(-1)!.id;
    }
    expect(seen).toEqual(['v4', 'v3', 'v5']);
    expect(await catalog().gallery.findPublished('v2')).toBeUndefined();
    expect(await catalog().gallery.listPublished({ after: 'v1', limit: 5 })).toBe('unknown_cursor');

    expect(await catalog().gallery.setPublished('v4', 'alice', null)).toBe(true);
    expect(await catalog().gallery.findPublished('v4')).toBeUndefined();
  });
});
