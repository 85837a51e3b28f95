import { describe, expect, it } from 'vitest';
import { isRasterAsset } from './assets.js';
import { planPrompt } from './parse.js';
import { warmUpProcedural, warmUpPrompt } from './warm-up.js';

describe('engine warm-up', () => {
  it('reads its whole prompt into drawn artwork, so it loads what a real render loads', () => {
    const plan = planPrompt(warmUpPrompt, { seconds: 1 });
    expect(plan.unmatched).toEqual([]);
    expect(plan.subjects.length).toBeGreaterThanOrEqual(2);
    expect(plan.subjects.every((subject) => isRasterAsset(subject.asset))).toBe(true);
  });

  it('draws its frame and still without failing', async () => {
    await expect(warmUpProcedural()).resolves.toBeUndefined();
  });
});
