import { describe, expect, it } from 'vitest';
import type { ShotTransition } from '../engine.js';
import { compose } from './compose.js';
import { layersOf } from './compose/sequence.js';
import { planPrompt } from './parse.js';
import { FrameRenderer } from './render.js';
import { renderSequence } from './render/sequence.js';

const STORY = 'Shot 1: a dog running on a sunny beach at noon. Shot 2: a red car driving through a city at night';
const story = (transition: ShotTransition, seconds = 2, width = 854, height = 480) =>
  compose({ plan: planPrompt(STORY, { seconds }), seed: 3, width, height, seconds, transition });

describe('storyboard transitions', () => {
  it('cut: shots follow each other back to back', () => {
    const timeline = story('cut');
    expect(timeline.overlap).toBe(0);
    expect(timeline.shots.map((s) => [s.startFrame, s.frames])).toEqual([[0, 24], [24, 24]]);
    expect(layersOf(timeline, 23)).toEqual([{ shot: 0, frame: 23, weight: 1 }]);
    expect(layersOf(timeline, 24)).toEqual([{ shot: 1, frame: 24, weight: 1 }]);
  });

  it('crossfade: shots share half a second centred on the cut, the weight passing from one to the next', () => {
    const timeline = story('crossfade');
    expect(timeline.overlap).toBe(12);
    expect(timeline.shots.map((s) => [s.startFrame, s.frames])).toEqual([[0, 30], [18, 30]]);
    expect(layersOf(timeline, 17)).toEqual([{ shot: 0, frame: 17, weight: 1 }]);
    expect(layersOf(timeline, 30)).toEqual([{ shot: 1, frame: 30, weight: 1 }]);
    let incoming = 0;
    for (let frame = 18; frame < 30; frame++) {
      const [a, b] = layersOf(timeline, frame);
      expect([a?.shot, b?.shot]).toEqual([0, 1]);
      expect((a?.weight ?? 0) + (b?.weight ?? 0)).toBeCloseTo(1, 12);
      expect(b?.weight).toBeGreaterThan(incoming);
      incoming = b?.weight ?? 1;
    }
    // Very short shots share at most half of the shortest one.
    expect(story('crossfade', 0.5).overlap).toBe(3); // 6 frames each
  });

  it('a mid-crossfade frame is a mix of both shots: every pixel lies between theirs', async () => {
    const timeline = story('crossfade', 2, 480, 270);
    const renderer = new FrameRenderer(timeline);
    await renderer.prepare();
    const middle = 24;
    const alone = (shot: number): Uint8Array => {
      renderer.render(middle, timeline.shots[shot]);
      return Uint8Array.from(renderer.pixels());
    };
    const [beach, city] = [alone(0), alone(1)];
    let mixed: Uint8Array | undefined;
    await renderSequence(renderer, (pixels, frame) => {
      if (frame === middle) mixed = Uint8Array.from(pixels);
      return Promise.resolve();
    });
    let outside = 0;
    let fromBeach = 0;
    let fromCity = 0;
    for (let i = 0; i < beach.length; i++) {
      const [p, q, m] = [beach[i] as number, city[i] as number, mixed![i] as number];
      if (m < Math.min(p, q) - 1 || m > Math.max(p, q) + 1) outside++;
      fromBeach += Math.abs(m - p);
      fromCity += Math.abs(m - q);
    }
    expect(outside).toBe(0);
    // Really a mix, not one shot or the other: far from both, near the halfway point of their difference.
    expect(fromBeach / beach.length).toBeGreaterThan(15);
    expect(fromCity / city.length).toBeGreaterThan(15);
    expect(Math.abs(fromBeach - fromCity) / (fromBeach + fromCity)).toBeLessThan(0.25);
  });
});
