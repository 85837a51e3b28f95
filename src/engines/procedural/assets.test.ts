import { describe, expect, it } from 'vitest';
import { FLUENT_PREFIX, hasIcon, loadSprite } from './assets.js';
import { nouns } from './lexicon/nouns.js';
import { listVocabulary } from './vocabulary.js';

describe('assets and vocabulary', () => {
  it('maps at least 150 drawable nouns to existing artwork', () => {
    const fluent = nouns.filter((n) => n.asset.startsWith(FLUENT_PREFIX));
    expect(nouns.length).toBeGreaterThanOrEqual(150);
    for (const n of nouns) {
      if (n.asset.startsWith(FLUENT_PREFIX)) expect(hasIcon(n.asset.slice(FLUENT_PREFIX.length)), n.noun).toBe(true);
      else expect(n.asset.startsWith('shape:'), n.noun).toBe(true);
      for (const variant of Object.values(n.variants ?? {})) expect(hasIcon(variant.slice(FLUENT_PREFIX.length)), variant).toBe(true);
    }
    expect(fluent.length).toBeGreaterThan(300);
    expect(new Set(nouns.map((n) => n.noun)).size).toBe(nouns.length);
  });

  it('prefers full-body artwork over faces', () => {
    expect(nouns.find((n) => n.noun === 'cat')?.asset).toBe('fluent-emoji-flat:cat');
    expect(nouns.find((n) => n.noun === 'dog')?.asset).toBe('fluent-emoji-flat:dog');
    expect(nouns.find((n) => n.noun === 'horse')?.asset).toBe('fluent-emoji-flat:horse');
  });

  it('rasterises a sprite once per size bucket and tints it', async () => {
    const a = await loadSprite({ asset: 'fluent-emoji-flat:dog', heightPx: 100 });
    const b = await loadSprite({ asset: 'fluent-emoji-flat:dog', heightPx: 104 });
    expect(a).toBe(b);
    expect(a.height).toBe(112);
    const red = await loadSprite({ asset: 'fluent-emoji-flat:dog', heightPx: 100, tint: 'red' });
    expect(red).not.toBe(a);
  });

  it('lists the vocabulary', () => {
    const v = listVocabulary();
    expect(v.settings.length).toBeGreaterThanOrEqual(25);
    expect(v.actions.map((a) => a.action)).toEqual(expect.arrayContaining([
      'walk', 'run', 'fly', 'swim', 'jump', 'bounce', 'spin', 'fall', 'float', 'drive', 'sail', 'dance', 'orbit', 'grow',
      'shrink', 'wave', 'chase', 'hover', 'sleep', 'sit', 'roll', 'glide', 'climb', 'drift', 'race', 'hop', 'crawl', 'gallop',
    ]));
    expect(v.colors).toContain('cornflowerblue');
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });
});
