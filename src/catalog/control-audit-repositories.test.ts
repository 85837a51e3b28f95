import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { catalogPerTest } from '../../test/helpers/catalog-per-test.js';
import { EmbeddedQueue } from '../queue/embedded-queue.js';
import { jobsHeldByKillSwitch } from '../policy/kill-switch.js';
import { failQueuedVideosForHalt } from '../services/halted-videos.js';
import type { Catalog } from './catalog.js';

async function queuedVideo(catalog: Catalog, id: string, ownerKeyId: string): Promise<void> {
  await catalog.videos.insert({
    id, ownerKeyId, model: 'kinora-1', prompt: 'p', seed: 1, size: '854x480', seconds: 1, remixedFromVideoId: null,
    inputReference: null, plan: null, options: null, operation: null, requestFingerprint: id, createdAt: 1,
  });
  await new EmbeddedQueue(catalog.db, { leaseMs: 1000, maxAttempts: 1 }).enqueue({ videoId: id });
}

/** The kill switch's state and the audit log (migration 0007), through the same Kysely code on both dialects. */
describe.each(['sqlite', 'postgres'] as const)('kill switch and audit log on %s', (dialect) => {
  const catalog = catalogPerTest(dialect);

  it('keeps the audit log append-only: UPDATE, DELETE (and TRUNCATE) fail in the database itself', async () => {
    const { audit, db } = catalog();
    await audit.append({ actor: 'key_a', keyId: 'key_a', action: 'POST /v1/videos', decision: 'accepted' }, 1000);
    await expect(db.updateTable('audit_log').set({ decision: 'refused' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    if (dialect === 'postgres') await expect(sql`TRUNCATE audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect((await audit.list({ limit: 10 })).data).toMatchObject([{ decision: 'accepted', at: 1000 }]);
  });

  it('lists newest first, page by page, filtered by key, time and action prefix', async () => {
    const { audit } = catalog();
    await audit.append({ actor: 'key_a', keyId: 'key_a', action: 'POST /v1/videos', decision: 'accepted', target: 'video_1', address: '10.0.0.1' }, 1000);
    await audit.append({ actor: 'cli:ops', keyId: null, action: 'keys.create', decision: 'accepted', target: 'key_b' }, 2000);
    await audit.append({ actor: 'key_a', keyId: 'key_a', action: 'POST /v1/videos/:video_id/remix', decision: 'refused', errorCode: 'generation_halted' }, 3000);
    await audit.append({ actor: 'leak-watch', keyId: 'key_b', action: 'key.suspend', decision: 'accepted', detail: { reason: 'burst' } }, 4000);

    const first = await audit.list({ limit: 3 });
    expect(first.data.map((e) => e.action)).toEqual(['key.suspend', 'POST /v1/videos/:video_id/remix', 'keys.create']);
    expect(first.hasMore).toBe(true);
    expect(first.data[0]).toMatchObject({ actor: 'leak-watch', keyId: 'key_b', detail: { reason: 'burst' }, address: null, errorCode: null });
    const rest = await audit.list({ limit: 3, before: first.data.at(-1)!.id });
    expect(rest).toMatchObject({ data: [{ action: 'POST /v1/videos', address: '10.0.0.1', target: 'video_1' }], hasMore: false });

    expect((await audit.list({ limit: 10, keyId: 'key_a' })).data.map((e) => e.at)).toEqual([3000, 1000]);
    expect((await audit.list({ limit: 10, since: 2000 })).data.map((e) => e.at)).toEqual([4000, 3000, 2000]);
    expect((await audit.list({ limit: 10, action: 'POST /v1/videos' })).data.map((e) => e.at)).toEqual([3000, 1000]);
    // A prefix means its own characters: `_` is no wildcard.
    expect((await audit.list({ limit: 10, action: 'keys_' })).data).toEqual([]);
    expect((await audit.list({ limit: 10, action: 'keys.' })).data.map((e) => e.action)).toEqual(['keys.create']);
  });

  it('halts and resumes globally, keeping the first moment of a halt', async () => {
    const { control } = catalog();
    expect(await control.halt()).toBeNull();
    await control.setHalt('incident 42', 'key_admin', 1000);
    await control.setHalt('incident 42, still', 'cli:ops', 2000);
    expect(await control.halt()).toEqual({ reason: 'incident 42, still', since: 1000, by: 'cli:ops' });
    expect(await control.clearHalt()).toBe(true);
    expect(await control.clearHalt()).toBe(false);
    expect(await control.halt()).toBeNull();
  });

  it('suspends a key on its own row, read with the key, and lifts it', async () => {
    const { control, keys } = catalog();
    const { key, secret } = await keys.create('leaky', ['videos:read']);
    expect(await control.suspendKey(key.id, { reason: 'first', since: 5000, by: 'automatic' })).toBe('suspended');
    expect(await control.suspendKey(key.id, { reason: 'second', since: 6000, by: 'operator' })).toBe('already');
    expect(await control.suspendKey('key_missing', { reason: 'x', since: 1, by: 'operator' })).toBe('unknown');
    expect((await keys.findActiveBySecret(secret))?.suspension).toEqual({ reason: 'first', since: 5000, by: 'automatic' });
    expect(await control.suspendedKeys()).toEqual([{ id: key.id, name: 'leaky', reason: 'first', since: 5000, by: 'automatic' }]);

    expect(await control.resumeKey(key.id)).toBe('resumed');
    expect(await control.resumeKey(key.id)).toBe('not_suspended');
    expect(await control.resumeKey('key_missing')).toBe('unknown');
    expect((await keys.findActiveBySecret(secret))?.suspension).toBeNull();
  });

  it('holds back every job while halted and a suspended key\'s jobs, without losing them', async () => {
    const c = catalog();
    const a = (await c.keys.create('a', ['videos:write'])).key;
    const b = (await c.keys.create('b', ['videos:write'])).key;
    await queuedVideo(c, 'video_a', a.id);
    await queuedVideo(c, 'video_b', b.id);
    const queue = new EmbeddedQueue(c.db, { leaseMs: 60_000, maxAttempts: 1, held: jobsHeldByKillSwitch });

    await c.control.setHalt('incident', 'cli:ops');
    expect(await queue.claim('w')).toBeNull();
    await c.control.clearHalt();
    await c.control.suspendKey(a.id, { reason: 'leak', since: 1, by: 'operator' });
    expect(await queue.claim('w')).toMatchObject({ videoId: 'video_b' });
    expect(await queue.claim('w')).toBeNull();
    await c.control.resumeKey(a.id);
    expect(await queue.claim('w')).toMatchObject({ videoId: 'video_a' });
  });

  it('ends queued videos as generation_halted, all of them or one key\'s, leaving running ones alone', async () => {
    const c = catalog();
    await queuedVideo(c, 'video_a1', 'key_a');
    await queuedVideo(c, 'video_a2', 'key_a');
    await queuedVideo(c, 'video_b', 'key_b');
    const running = await new EmbeddedQueue(c.db, { leaseMs: 60_000, maxAttempts: 1 }).claim('w');
    expect(running?.videoId).toBe('video_a1');

    expect(await failQueuedVideosForHalt(c, { keyId: 'key_a' }, 'leaked key', 7000)).toEqual(['video_a2']);
    expect(await c.videos.findOwned('video_a2', 'key_a')).toMatchObject({ status: 'failed', error: { code: 'generation_halted', message: 'leaked key' }, completedAt: 7000 });
    expect((await c.videos.findOwned('video_a1', 'key_a'))?.status).toBe('queued');
    expect((await c.videos.findOwned('video_b', 'key_b'))?.status).toBe('queued');
    expect(await failQueuedVideosForHalt(c, {}, 'incident')).toEqual(['video_b']);
    expect((await c.db.selectFrom('jobs').select(['video_id', 'status']).orderBy('video_id').execute()).map((j) => j.status)).toEqual(['claimed', 'failed', 'failed']);
  });
});
