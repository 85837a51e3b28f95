import { describe, expect, it } from 'vitest';
import { kinoraSizes } from './sizes.js';
import { chargeEntries, resolutionFactor, videoCost } from './video-cost.js';

describe('resolutionFactor', () => {
  it('doubles with each class of pixel count, for every size Kinora serves', () => {
    const factors = Object.fromEntries(kinoraSizes.map((size) => [size, resolutionFactor(size)]));
    expect(factors).toEqual({
      '854x480': 1, '480x854': 1,
      '720x720': 2, '1280x720': 2, '720x1280': 2,
      '1080x1080': 4, '1920x1080': 4, '1080x1920': 4, '1024x1792': 4, '1792x1024': 4,
    });
    expect(resolutionFactor('64x48')).toBe(1);
    expect(resolutionFactor('3840x2160')).toBe(8);
  });
});

describe('videoCost', () => {
  const miro = { artistId: 'artist_miro', feePerSecond: 5 };
  const klint = { artistId: 'artist_klint', feePerSecond: 2 };

  it('charges generated seconds × resolution factor, plus each licensed artist fee × seconds', () => {
    expect(videoCost({ size: '1280x720', seconds: 4, operation: null }, [miro, klint])).toEqual({
      generatedSeconds: 4, reusedSeconds: 0, render: 8, fees: [{ artistId: 'artist_miro', credits: 20 }, { artistId: 'artist_klint', credits: 8 }], total: 36,
    });
    expect(videoCost({ size: '854x480', seconds: 1, operation: null }, []).total).toBe(1);
  });

  it('charges an edit like a new render', () => {
    expect(videoCost({ size: '1920x1080', seconds: 3, operation: { kind: 'edit', sourceVideoId: 'v', inputVideo: null } }, [miro]).total).toBe(3 * 4 + 3 * 5);
  });

  it('charges an extension its new seconds at full price and its source seconds at the reuse rate', () => {
    const operation = { kind: 'extend' as const, sourceVideoId: 'v', inputVideo: null, sourceSeconds: 4, extensionSeconds: 2 };
    expect(videoCost({ size: '1280x720', seconds: 6, operation }, [miro])).toEqual({
      generatedSeconds: 2, reusedSeconds: 4, render: 2 * 2 + 4, fees: [{ artistId: 'artist_miro', credits: 10 }], total: 18,
    });
  });

  it('charges blends and re-cuts only the reuse rate, whatever the size, and pays no artist again', () => {
    const recut = { kind: 'recut' as const, sourceVideoId: 'v', start: 0.5, end: 2, extendTo: null, extendMode: 'loop' as const };
    expect(videoCost({ size: '1920x1080', seconds: 1.5, operation: recut }, [miro])).toEqual({ generatedSeconds: 0, reusedSeconds: 2, render: 2, fees: [], total: 2 });
    const blend = { kind: 'blend' as const, videoA: 'a', videoB: 'b', transitionSeconds: 1 };
    expect(videoCost({ size: '854x480', seconds: 7, operation: blend }, [klint]).total).toBe(7);
  });

  it('rounds partial seconds up', () => {
    const recut = { kind: 'recut' as const, sourceVideoId: 'v', start: 0, end: 0.1, extendTo: null, extendMode: 'loop' as const };
    expect(videoCost({ size: '854x480', seconds: 0.1, operation: recut }, []).total).toBe(1);
  });
});

describe('chargeEntries', () => {
  it('debits the key by the total and credits Kinora and each artist, summing to zero', () => {
    const cost = videoCost({ size: '1280x720', seconds: 2, operation: null }, [{ artistId: 'a1', feePerSecond: 3 }]);
    const entries = chargeEntries('key_1', cost);
    expect(entries).toEqual([
      { account: 'key:key_1', amount: -10 },
      { account: 'kinora:revenue', amount: 4 },
      { account: 'artist:a1', amount: 6 },
    ]);
    expect(entries.reduce((sum, e) => sum + e.amount, 0)).toBe(0);
  });
});
