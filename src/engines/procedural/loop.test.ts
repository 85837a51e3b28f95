import { describe, expect, it } from 'vitest';
import { frameDiff } from '../../../test/helpers/frames.js';
import { compose } from './compose.js';
import { sampleCamera } from './compose/camera.js';
import { pathAt } from './compose/paths.js';
import { layersOf } from './compose/sequence.js';
import { planPrompt } from './parse.js';
import { FrameRenderer } from './render.js';
import { renderSequence } from './render/sequence.js';
import type { Timeline } from './timeline.js';

const build = (prompt: string, loop: boolean, seconds = 3): Timeline =>
  compose({ plan: planPrompt(prompt, { seconds }), seed: 5, width: 854, height: 480, seconds, loop });

/** How far the camera and every actor's path are, at the end of the shot, from where they were at its start. */
function endToStart(timeline: Timeline): { camera: number; actors: number[] } {
  const shot = timeline.shots[0]!;
  const [c0, c1] = [sampleCamera(shot, 0), sampleCamera(shot, shot.seconds)];
  return {
    camera: Math.hypot(c0.x - c1.x, c0.y - c1.y, c0.zoom - c1.zoom, c0.orbit - c1.orbit),
    actors: shot.actors.map((actor) => {
      const [p0, p1] = [pathAt(shot, actor.path, 0), pathAt(shot, actor.path, shot.seconds)];
      return Math.hypot(p0.x - p1.x, p0.y - p1.y, p0.s - p1.s);
    }),
  };
}

describe('loop', () => {
  const moving = [
    'a dog walking on a beach, the camera pans right', // crosses once -> out and back
    'a horse galloping across a meadow', // wraps round -> whole laps
    'a moon orbiting a planet in space, slow zoom in', // orbit and a push-in
    'leaves falling in a forest', // looping fallers
    'two puppies chasing a ball in a park', // a pacer and its followers
    'a bird flying over a lake, orbit shot',
  ];

  it('brings the camera and every traveller back to where they started', () => {
    for (const prompt of moving) {
      const looped = endToStart(build(prompt, true));
      expect(looped.camera, prompt).toBeLessThan(1e-9);
      for (const distance of looped.actors) expect(distance, prompt).toBeLessThan(1e-9);
      // The same prompt without loop does end somewhere else: the test would notice a loop that does nothing.
      const plain = endToStart(build(prompt, false));
      expect(Math.max(plain.camera, ...plain.actors), prompt).toBeGreaterThan(0.05);
    }
  });

  it('blends the frames after the end into the head: frame 0 is wholly the one after the last', () => {
    const timeline = build('a dog walking on a beach', true, 2);
    const seam = timeline.loopSeam;
    expect(seam).toBe(12);
    expect(layersOf(timeline, 0)).toEqual([{ shot: 0, frame: timeline.frames, weight: 1 }]);
    let before = 0;
    for (let frame = 1; frame < seam; frame++) {
      const layers = layersOf(timeline, frame);
      expect(layers.map((l) => l.frame)).toEqual([timeline.frames + frame, frame]);
      expect(layers.reduce((sum, l) => sum + l.weight, 0)).toBeCloseTo(1, 12);
      expect(layers[1]!.weight).toBeGreaterThan(before);
      before = layers[1]!.weight;
    }
    expect(layersOf(timeline, seam)).toEqual([{ shot: 0, frame: seam, weight: 1 }]);
    expect(build('a dog walking on a beach', false, 2).loopSeam).toBe(0);
  });

  it('renders a loop whose last frame leads into the first as any frame leads into the next', async () => {
    const rendered = async (loop: boolean): Promise<Uint8Array[]> => {
      const timeline = compose({ plan: planPrompt('a fox running through a forest, the camera pans left', { seconds: 1.5 }), seed: 2, width: 480, height: 270, seconds: 1.5, loop });
      const renderer = new FrameRenderer(timeline);
      await renderer.prepare();
      const frames: Uint8Array[] = [];
      await renderSequence(renderer, (pixels) => {
        frames.push(Uint8Array.from(pixels));
        return Promise.resolve();
      });
      return frames;
    };
    const loop = await rendered(true);
    const steps = loop.slice(1).map((frame, i) => frameDiff(loop[i] as Uint8Array, frame));
    const wrap = frameDiff(loop.at(-1) as Uint8Array, loop[0] as Uint8Array);
    const median = [...steps].sort((a, b) => a - b)[steps.length >> 1] as number;
    expect(median).toBeGreaterThan(0.2); // the scene really moves
    expect(wrap).toBeLessThanOrEqual(Math.max(...steps));
    expect(wrap).toBeLessThan(median * 1.5);
    const plain = await rendered(false);
    expect(frameDiff(plain.at(-1) as Uint8Array, plain[0] as Uint8Array)).toBeGreaterThan(wrap * 3);
  });
});
