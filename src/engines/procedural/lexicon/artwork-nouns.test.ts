import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planPrompt } from '../parse.js';
import { emojiSources } from './artwork-sources.js';
import { artworkNounsModule, generateArtworkNouns } from './generate-artwork-nouns.js';
import { lexicon } from './index.js';

const subject = (prompt: string) => planPrompt(prompt).subjects[0];

describe('the artwork vocabulary', () => {
  it('is committed exactly as the generator makes it from the installed packages', () => {
    // On failure: run `npx tsx scripts/generate-nouns.ts` and review the diff of artwork-nouns.data.ts.
    const committed = readFileSync(new URL('./artwork-nouns.data.ts', import.meta.url), 'utf8');
    expect(artworkNounsModule(generateArtworkNouns())).toBe(committed);
  });

  it('gives the parser at least 1,500 distinct drawable nouns, singular and lowercase', () => {
    const nouns = [...lexicon().nounByName.values()];
    expect(nouns.length).toBeGreaterThanOrEqual(1500);
    expect(new Set(nouns.map((n) => n.noun)).size).toBe(nouns.length);
    for (const n of nouns) expect(n.noun, n.noun).toMatch(/^[a-z][a-z' -]*[a-z]$/);
    const sources = new Set(nouns.map((n) => n.asset.split(':')[0]));
    expect([...sources].sort()).toEqual(['fluent-emoji-flat', 'game-icons', 'shape']);
  });

  it('draws animals that emoji show only as faces with whole bodies', () => {
    const faces = new Set(emojiSources().filter((s) => s.tags.includes('face')).map((s) => `fluent-emoji-flat:${s.icon}`));
    expect(faces).toContain('fluent-emoji-flat:fox');
    for (const noun of ['fox', 'wolf', 'bear', 'polar bear', 'lion', 'frog', 'giraffe', 'unicorn', 'koala', 'moose']) {
      const asset = lexicon().nounByName.get(noun)?.asset;
      expect(asset, noun).toBeDefined();
      expect(faces.has(asset as string), `${noun}: ${asset}`).toBe(false);
    }
  });

  it('reads plural forms of hand-made and generated nouns', () => {
    expect(subject('two dogs')).toMatchObject({ noun: 'dog', count: 2 });
    expect(subject('three foxes')).toMatchObject({ noun: 'fox', count: 3 });
    expect(subject('geese')).toMatchObject({ noun: 'goose' });
    expect(subject('four mice')).toMatchObject({ noun: 'mouse', count: 4 });
    expect(subject('two puppies')).toMatchObject({ noun: 'dog', count: 2 });
    expect(subject('two wolves')).toMatchObject({ noun: 'wolf', count: 2 });
    expect(subject('three anvils')).toMatchObject({ noun: 'anvil', count: 3 });
    expect(subject('three anvils')?.asset).toMatch(/^game-icons:anvil#/);
    expect(subject('two capybaras walking')).toMatchObject({ noun: 'capybara', count: 2, action: 'walk' });
    expect(subject('five blueberries')).toMatchObject({ noun: 'blueberry', count: 5 });
  });

  it('takes no word that already means something else to the parser', () => {
    const plan = planPrompt('a cat under the clouds at sunset, slow zoom in');
    expect(plan.subjects.map((s) => s.noun)).toEqual(['cat']);
    expect(plan).toMatchObject({ timeOfDay: 'sunset', weather: 'cloudy' });
    expect(subject('a red capybara')).toMatchObject({ noun: 'capybara', color: 'red' });
  });

  it('gives generated nouns a kind that places and moves them', () => {
    const entry = (noun: string) => lexicon().nounByName.get(noun);
    expect(entry('ostrich')).toMatchObject({ kind: 'bird', place: 'ground', action: 'run' });
    expect(entry('manta ray')).toMatchObject({ kind: 'sea', place: 'water', action: 'swim' });
    expect(entry('bulldozer')).toMatchObject({ kind: 'vehicle', place: 'ground', action: 'drive', orientation: 'mirror' });
    expect(entry('igloo')).toMatchObject({ kind: 'building', place: 'fixed' });
    expect(entry('anvil')).toMatchObject({ kind: 'object', action: 'idle' });
  });
});
