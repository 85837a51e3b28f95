/**
 * Plan corpus, part 6: prompts the engine cannot understand. Nonsense, emoji, other languages, near-empty, control
 * characters and very long prompts never crash and always give a schema-valid plan; every content word it could not
 * use is reported in `unmatched`, and function words never are.
 */
import { describe, expect, it } from 'vitest';
import { checkPlan, expectPlan, type PlanCase } from '../../../../test/helpers/plan-cases.js';
import { scenePlanSchema, type ScenePlan } from '../../../domain/scene-plan.js';
import { planPrompt } from '../parse.js';
import { mulberry32 } from '../prng.js';

const unusable: PlanCase[] = [
  { prompt: '', subjects: [] },
  { prompt: '   ', subjects: [] },
  { prompt: '...!?', subjects: [] },
  { prompt: 'the of and with it is to a an in on at by from', subjects: [] },
  { prompt: 'asdf qwerty zxcv', subjects: [], unmatched: ['asdf', 'qwerty', 'zxcv'] },
  { prompt: 'a zorbly dog dancing with flibber on the beach', subjects: [{ noun: 'dog', action: 'dance' }], setting: 'beach', unmatched: ['zorbly', 'flibber'] },
  { prompt: 'un chien qui court sur la plage', subjects: [], unmatched: ['un', 'chien', 'qui', 'court', 'sur', 'la', 'plage'] },
  { prompt: 'ein Hund läuft im Park', setting: 'park', unmatched: ['ein', 'hund', 'läuft', 'im'] },
  { prompt: 'собака бежит по пляжу', subjects: [], unmatched: ['собака', 'бежит', 'по', 'пляжу'] },
  { prompt: '一只狗在海滩上跑', subjects: [], unmatched: ['一只狗在海滩上跑'] },
  { prompt: 'un perro (a dog) en la playa', subjects: [{ noun: 'dog' }], unmatched: ['un', 'perro', 'en', 'la', 'playa'] },
  { prompt: 'a cat\u0000 sleeping\u0007 on\tthe\r\nsofa', subjects: [{ noun: 'cat', action: 'sleep' }, { noun: 'sofa' }] },
  { prompt: 'a d\u200Bog', subjects: [], unmatched: ['og'] },
  { prompt: '<script>alert(1)</script> a dog', subjects: [{ noun: 'dog' }], unmatched: ['script', 'alert'] },
  { prompt: "'; DROP DATABASE videos; -- a fox", subjects: [{ noun: 'fox' }], unmatched: ['drop', 'database', 'videos'] },
  { prompt: '999999999999999999999 cats', subjects: [{ noun: 'cat', count: 50 }] },
  { prompt: 'a tense chase', subjects: [], mood: 'tense', unmatched: ['chase'] },
  { prompt: 'a red', subjects: [], unmatched: ['red'] },
  // Emoji are read as the words they stand for; one with no usable words is reported as itself.
  { prompt: '🐶', subjects: [{ noun: 'dog' }] },
  { prompt: 'a 🐱 on the 🏖️', subjects: [{ noun: 'cat' }, { noun: 'umbrella' }], setting: 'beach' },
  { prompt: '🚀🌙', subjects: [{ noun: 'rocket' }], timeOfDay: 'night' },
  { prompt: '❤️', subjects: [{ noun: 'heart', color: 'red' }] },
  { prompt: 'a dog 🧾', subjects: [{ noun: 'dog' }], unmatched: ['🧾'] },
];

/** What a plan understood, apart from the words it reports and the prompt text it keeps per shot. */
const understanding = (plan: ScenePlan): ScenePlan => ({ ...plan, unmatched: [], shots: plan.shots.map((shot) => ({ ...shot, prompt: '' })) });

/** A varied sample of prompts that parse cleanly, for the properties below. */
const understood = [
  'a dog running on the beach at sunset', 'three red balloons floating over a city', 'a giant turtle swimming underwater',
  'the camera slowly pushes in on a lighthouse while waves crash', 'a flock of birds flying south in the rain',
  'two puppies chasing a ball in a park', 'a snowy forest at dawn, watercolor', 'a rocket launches, then it flies into space',
];

describe('plan corpus: robustness', () => {
  it.each(unusable)('never crashes: $prompt', checkPlan);

  it('reads a very long prompt, reporting its unknown words once each', () => {
    const words = ['a', 'dog', 'runs', 'on', 'the', 'beach', 'zork', 'and', 'a', 'red', 'kite', 'flies', 'blimfo', 'at', 'night'];
    const prompt = Array.from({ length: 4000 }, (_, i) => words[i % words.length]).join(' ');
    const plan = expectPlan({ prompt, setting: 'beach', timeOfDay: 'night', unmatched: ['dog', 'runs', 'zork', 'red', 'kite', 'flies', 'blimfo'] });
    // A shot shows at most twelve subjects; the ones beyond are reported rather than crowding it.
    expect(plan.subjects).toHaveLength(12);
    expect(new Set(plan.subjects.map((s) => s.noun))).toEqual(new Set(['dog', 'kite']));
  });

  it('ignores nothing silently: an unknown word is reported and changes nothing else', () => {
    for (const prompt of understood) {
      const plain = planPrompt(prompt);
      for (const withNoise of [`${prompt} glorbix`, `glorbix, ${prompt}`]) {
        const noisy = planPrompt(withNoise);
        expect(noisy.unmatched, withNoise).toEqual(withNoise.startsWith('glorbix') ? ['glorbix', ...plain.unmatched] : [...plain.unmatched, 'glorbix']);
        expect(understanding(noisy), withNoise).toEqual(understanding(plain));
      }
    }
  });

  it('reads accents, full-width letters and capitals like the plain word', () => {
    const plain = understanding(planPrompt('a cafe by a red car'));
    for (const variant of ['a café by a red car', 'A CAFE BY A RED CAR', 'ａ ｃａｆｅ ｂｙ ａ ｒｅｄ ｃａｒ']) {
      expect(understanding(planPrompt(variant)), variant).toEqual(plain);
    }
  });

  it('never crashes on random text built from words, emoji, punctuation, digits and control characters', () => {
    const random = mulberry32(7);
    const pieces = [
      'dog', 'the', 'then', 'Shot 1:', 'shot', 'camera', 'pans', 'left', 'of', 'a', 'flock', 'red', '#ff8800', '#zz', '12', '0', '-3',
      '3.5s', '🐶', '🧾', '👋🏽', '🇫🇷', '1️⃣', '\u0000', '\u0007', '\t', '\n', '\u200d', '\ufeff', 'é', 'ß', '狗', 'собака', ',', '.', ':', ';',
      '(', ')', '"', "'", "'s", '-', '—', '...', 'it', 'they', 'that', 'instead of', 'replace', 'with', 'into', 'remove', 'scene two -',
    ];
    for (let n = 0; n < 300; n++) {
      const length = Math.floor(random() * 30);
      const prompt = Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join(random() < 0.5 ? ' ' : '');
      const seconds = 1 + Math.floor(random() * 10);
      const plan = planPrompt(prompt, { seconds });
      expect(scenePlanSchema.safeParse(plan).success, JSON.stringify(prompt)).toBe(true);
      expect(plan.shots.reduce((sum, shot) => sum + shot.seconds, 0)).toBeCloseTo(seconds, 6);
    }
  });

  it('is deterministic', () => {
    for (const prompt of understood) expect(planPrompt(prompt)).toEqual(planPrompt(prompt));
  });
});
