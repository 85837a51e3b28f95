/**
 * Plan corpus, part 5: storyboards. "Shot 1: … Shot 2: …", one shot per line, or "… then …" make shots whose lengths
 * add up to the clip; each shot keeps what the one before it set up unless it says otherwise, and a pronoun carries
 * the subjects into the next shot.
 */
import { describe, expect, it } from 'vitest';
import { checkPlan, expectPlan, type PlanCase } from '../../../../test/helpers/plan-cases.js';

const storyboards: PlanCase[] = [
  {
    prompt: 'Shot 1: a cat sleeps on a sofa. Shot 2: the cat wakes up. Shot 3: the cat jumps off the sofa.',
    seconds: 6,
    shots: [
      { seconds: 2, setting: 'room', subjects: [{ noun: 'cat', action: 'sleep' }, { noun: 'sofa' }] },
      { seconds: 2, subjects: [{ noun: 'cat', action: 'idle' }, { noun: 'sofa' }] },
      { seconds: 2, subjects: [{ noun: 'cat', action: 'jump' }, { noun: 'sofa' }] },
    ],
  },
  {
    prompt: 'Scene 1 - a knight rides to a castle. Scene 2 - a dragon attacks the castle at night.',
    seconds: 8,
    shots: [
      { seconds: 4, timeOfDay: 'afternoon', subjects: [{ noun: 'knight', action: 'ride' }, { noun: 'castle' }] },
      { seconds: 4, timeOfDay: 'night', subjects: [{ noun: 'knight' }, { noun: 'castle' }, { noun: 'dragon', action: 'fight' }] },
    ],
    subjects: [{ noun: 'knight' }, { noun: 'castle' }, { noun: 'dragon' }],
  },
  {
    prompt: 'a dog runs on the beach\na bird flies over the sea\nthe sun sets',
    seconds: 10,
    shots: [
      { seconds: 3.33, setting: 'beach', subjects: [{ noun: 'dog', action: 'run' }] },
      { seconds: 3.33, setting: 'ocean', subjects: [{ noun: 'bird', action: 'fly' }] },
      { seconds: 3.34, setting: 'ocean', timeOfDay: 'sunset', subjects: [{ noun: 'bird' }] },
    ],
  },
  {
    prompt: 'a rocket launches, then it flies into space',
    shots: [
      { seconds: 2, subjects: [{ noun: 'rocket', action: 'rise' }] },
      { seconds: 2, setting: 'space', subjects: [{ noun: 'rocket', action: 'fly' }] },
    ],
  },
  {
    prompt: 'two dogs play in a park. then they sleep',
    shots: [{ subjects: [{ noun: 'dog', count: 2, action: 'play' }] }, { subjects: [{ noun: 'dog', count: 2, action: 'sleep' }] }],
  },
  {
    prompt: 'a boy walks to school, then he plays football in the park',
    shots: [
      { subjects: [{ noun: 'boy', action: 'walk' }, { noun: 'school' }] },
      { setting: 'park', subjects: [{ noun: 'boy', action: 'play' }, { noun: 'school' }, { noun: 'ball' }] },
    ],
  },
  {
    prompt: 'A fox in a snowy forest at dawn; later, the fox sleeps.',
    shots: [
      { setting: 'forest', timeOfDay: 'dawn', weather: 'snow', subjects: [{ noun: 'fox' }] },
      { setting: 'forest', timeOfDay: 'dawn', weather: 'snow', subjects: [{ noun: 'fox', action: 'sleep' }] },
    ],
  },
  {
    prompt: 'first a seed grows, after that a flower blooms, finally a bee arrives',
    seconds: 9,
    shots: [
      { seconds: 3, subjects: [{ noun: 'seedling', action: 'grow' }] },
      { seconds: 3, subjects: [{ noun: 'flower', action: 'grow' }] },
      // A bee arriving flies in.
      { seconds: 3, subjects: [{ noun: 'bee', action: 'fly' }] },
    ],
  },
  {
    prompt: 'a kite flies over a hill. Cut to: the kite falls into a lake.',
    shots: [{ setting: 'meadow', subjects: [{ noun: 'kite', action: 'fly' }] }, { setting: 'lake', subjects: [{ noun: 'kite', action: 'fall' }] }],
  },
  {
    // Lengths written into the shots share the clip in proportion; a shot without one weighs the average.
    prompt: 'Shot 1 (2s): a car. Shot 2 (6s): a bus. Shot 3: a train',
    seconds: 12,
    shots: [{ seconds: 2, subjects: [{ noun: 'car' }] }, { seconds: 6, subjects: [{ noun: 'bus' }] }, { seconds: 4, subjects: [{ noun: 'train' }] }],
  },
  {
    prompt: 'Shot 1: make it night. Shot 2: a cat',
    shots: [{ timeOfDay: 'night', subjects: [] }, { timeOfDay: 'night', subjects: [{ noun: 'cat' }] }],
  },
  // Not storyboards: "next to" and a "then" inside a word do not cut.
  { prompt: 'a cat sits next to a dog', shots: [{ seconds: 4, subjects: [{ noun: 'cat', action: 'sit' }, { noun: 'dog' }] }] },
  { prompt: 'a cat in athens', shots: [{ seconds: 4 }], unmatched: ['athens'] },
];

describe('plan corpus: storyboards', () => {
  it.each(storyboards)('storyboard: $prompt', checkPlan);

  it('keeps every shot past the eighth in the last one, so nothing is dropped', () => {
    const vehicles = ['car', 'bus', 'train', 'airplane', 'boat', 'bicycle', 'rocket', 'ufo', 'tram', 'taxi'];
    const prompt = vehicles.map((noun, i) => `Shot ${i + 1}: a ${noun}.`).join(' ');
    const plan = expectPlan({ prompt, seconds: 8 });
    expect(plan.shots).toHaveLength(8);
    expect(plan.shots.map((shot) => shot.seconds)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(plan.shots[7]?.subjects.map((s) => s.noun)).toEqual(expect.arrayContaining(['ufo', 'tram', 'taxi']));
    expect(plan.subjects.map((s) => s.noun)).toEqual(vehicles);
  });

  it('shares any clip length exactly, to the hundredth', () => {
    for (const seconds of [1, 4, 5, 7, 10, 20]) {
      for (const n of [2, 3, 6, 7]) {
        const prompt = Array.from({ length: n }, (_, i) => `a dog runs ${i}`).join('\n');
        const plan = expectPlan({ prompt, seconds, unmatched: [] });
        expect(plan.shots).toHaveLength(n);
        expect(plan.shots.every((shot) => shot.seconds > 0)).toBe(true);
      }
    }
  });
});
