import { describe, expect, it } from 'vitest';
import { catalogPerTest } from '../../test/helpers/catalog-per-test.js';
import type { NewVideo } from './videos-repository.js';

const video = (id: string, owner: string, createdAt: number): NewVideo => ({
  id, ownerKeyId: owner, model: 'kinora-1', prompt: 'a cat', seed: 4_000_000_000, size: '1280x720', seconds: 4,
  remixedFromVideoId: null, inputReference: null, plan: null, options: null, operation: null, requestFingerprint: `fp-${id}`, createdAt,
});
const outputs = { video: 'v.mp4', thumbnail: 't.webp', spritesheet: 's.jpg' };

describe.each(['sqlite', 'postgres'] as const)('videos repository on %s', (dialect) => {
  const catalog = catalogPerTest(dialect);

  it('pages through an owner’s videos by cursor in both orders, never showing another owner’s', async () => {
    for (let i = 0; i < 5; i++) await catalog().videos.insert(video(`v${i}`, 'alice', 1000 + (i < 3 ? 0 : i)));
    await catalog().videos.insert(video('b1', 'bob', 1001));
    const ids = async (order: 'asc' | 'desc') => {
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await catalog().videos.list('alice', { after, limit: 2, order });
        if (page === 'unknown_cursor') throw new Error('cursor lost');
        seen.push(...page.data.map((v) => v.id));
        if (!page.hasMore) return seen;
        after = page.data.at(-1)!.id;
      }
    };
    const asc = await ids('asc');
    expect(asc).toEqual(['v0', 'v1', 'v2', 'v3', 'v4']);
    expect(await ids('desc')).toEqual([...asc].reverse());
    expect(await catalog().videos.list('alice', { after: 'b1', limit: 2, order: 'asc' })).toBe('unknown_cursor');
    expect(await catalog().videos.findOwned('b1', 'alice')).toBeUndefined();
  });

  it('lets only the attempt that owns a video complete it', async () => {
    await catalog().videos.insert(video('v1', 'alice', 1));
    expect(await catalog().videos.markStarted('v1', 1)).toBe(true);
    expect(await catalog().videos.markStarted('v1', 2)).toBe(true);
    expect(await catalog().videos.markStarted('v1', 1)).toBe(false);
    expect(await catalog().videos.complete('v1', 1, { outputs, plan: null, hasAudio: true })).toBe(false);
    expect(await catalog().videos.complete('v1', 2, { outputs, plan: null, hasAudio: true })).toBe(true);
    expect(await catalog().videos.findOwned('v1', 'alice')).toMatchObject({ status: 'completed', progress: 100, attempt: 2, outputs, hasAudio: true, seed: 4_000_000_000 });
  });

  it('keeps a video’s options, its operation and a length that is not whole seconds', async () => {
    const options = { audio: false, loop: true, storyboard: { shots: [{ prompt: 'a fox', seconds: 1.5 }, { prompt: 'a hen', seconds: 2.5 }], transition: 'crossfade' as const } };
    const operation = { kind: 'recut' as const, sourceVideoId: 'v0', start: 0.25, end: 2.75, extendTo: null, extendMode: 'hold' as const };
    await catalog().videos.insert({ ...video('v1', 'alice', 1), seconds: 2.5, options, operation });
    await catalog().videos.insert(video('v2', 'alice', 2));
    expect(await catalog().videos.findOwned('v1', 'alice')).toMatchObject({ seconds: 2.5, options, operation });
    expect(await catalog().videos.findOwned('v2', 'alice')).toMatchObject({ seconds: 4, options: null, operation: null });
  });

  it('keeps whether a video is watermarked from its creation, and its signed provenance from its completion', async () => {
    const provenance = { c2pa: true as const, signer: 'Kinora video signer', signed_at: 1_800_000_000, manifest_label: 'urn:c2pa:0f0e' };
    await catalog().videos.insert({ ...video('v1', 'alice', 1), watermark: true });
    await catalog().videos.insert(video('v2', 'alice', 2));
    expect(await catalog().videos.findOwned('v1', 'alice')).toMatchObject({ watermark: true, provenance: null });
    await catalog().videos.markStarted('v1', 1);
    await catalog().videos.complete('v1', 1, { outputs, plan: null, hasAudio: true, provenance });
    expect(await catalog().videos.findOwned('v1', 'alice')).toMatchObject({ watermark: true, provenance });
    expect(await catalog().videos.findOwned('v2', 'alice')).toMatchObject({ watermark: false, provenance: null });
  });

  it('a deleted video can be neither read nor completed', async () => {
    await catalog().videos.insert(video('v1', 'alice', 1));
    await catalog().videos.markStarted('v1', 1);
    expect(await catalog().videos.softDelete('v1', 'bob')).toBeUndefined();
    expect(await catalog().videos.softDelete('v1', 'alice')).toMatchObject({ id: 'v1' });
    expect(await catalog().videos.findOwned('v1', 'alice')).toBeUndefined();
    expect(await catalog().videos.complete('v1', 1, { outputs, plan: null, hasAudio: true })).toBe(false);
  });
});
