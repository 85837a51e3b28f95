import type { Canvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { gameIconSet } from './artwork/icon-sets.js';
import { drawSilhouette, singlePathData } from './artwork/silhouette-raster.js';
import { artworkExists, GAME_ICONS_PREFIX, isRasterAsset, loadSprite, parseColor } from './assets.js';
import { lexicon } from './lexicon/index.js';
import type { NounEntry } from './lexicon/nouns.js';
import { listVocabulary } from './vocabulary.js';

const allNouns = (): NounEntry[] => [...lexicon().nounByName.values()];

/** Alpha of a pixel (0..255). */
function alphaAt(canvas: Canvas, x: number, y: number): number {
  return canvas.getContext('2d').getImageData(x, y, 1, 1).data[3] ?? 0;
}

/** Opaque pixels of a canvas, and the average colour of those. */
function paint(canvas: Canvas): { opaque: number; rgb: [number, number, number] } {
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let opaque = 0;
  const sum = [0, 0, 0];
  for (let i = 0; i < data.length; i += 4) {
    if ((data[i + 3] ?? 0) < 200) continue;
    opaque++;
    for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (data[i + c] ?? 0);
  }
  return { opaque, rgb: sum.map((v) => Math.round(v / Math.max(1, opaque))) as [number, number, number] };
}

describe('assets and vocabulary', () => {
  it('paints "brown" as brown, not as CSS brown (a brick red), and keeps other CSS names', () => {
    const [r, g, b] = parseColor('Brown') ?? [0, 0, 0];
    expect(r).toBeGreaterThan(g);
    expect(g).toBeGreaterThan(b);
    expect(g / r).toBeGreaterThan(0.5); // CSS brown has g/r = 0.25: red
    expect(parseColor('crimson')).toEqual([220, 20, 60]);
    expect(parseColor('#ff8800')).toEqual([255, 136, 0]);
    expect(parseColor('not-a-colour')).toBeNull();
  });

  it('gives every drawable noun artwork that exists', () => {
    const nouns = allNouns();
    expect(nouns.length).toBeGreaterThanOrEqual(1500);
    for (const n of nouns) {
      expect(artworkExists(n.asset), `${n.noun}: ${n.asset}`).toBe(true);
      for (const variant of Object.values(n.variants ?? {})) expect(artworkExists(variant), variant).toBe(true);
    }
    expect(artworkExists('fluent-emoji-flat:no-such-icon')).toBe(false);
    expect(artworkExists(`${GAME_ICONS_PREFIX}no-such-icon#123456`)).toBe(false);
  });

  it('rasterises the artwork of every noun into a visible sprite', async () => {
    const drawn = allNouns().filter((n) => isRasterAsset(n.asset));
    expect(drawn.length).toBeGreaterThan(1450);
    for (const n of drawn) {
      const sprite = await loadSprite({ asset: n.asset, heightPx: 32 });
      expect(paint(sprite.canvas).opaque, `${n.noun}: ${n.asset}`).toBeGreaterThan(20);
    }
  });

  it('prefers full-body artwork over faces', () => {
    const asset = (noun: string): string | undefined => lexicon().nounByName.get(noun)?.asset;
    expect(asset('cat')).toBe('fluent-emoji-flat:cat');
    expect(asset('dog')).toBe('fluent-emoji-flat:dog');
    expect(asset('horse')).toBe('fluent-emoji-flat:horse');
  });

  it('rasterises a sprite once per size bucket and tints it', async () => {
    const a = await loadSprite({ asset: 'fluent-emoji-flat:dog', heightPx: 100 });
    const b = await loadSprite({ asset: 'fluent-emoji-flat:dog', heightPx: 104 });
    expect(a).toBe(b);
    expect(a.height).toBe(112);
    const red = await loadSprite({ asset: 'fluent-emoji-flat:dog', heightPx: 100, tint: 'red' });
    expect(red).not.toBe(a);
  });

  it('fills a silhouette with its natural paint, or with the colour the prompt names', async () => {
    const fox = await loadSprite({ asset: 'game-icons:fox#d8742c', heightPx: 96 });
    expect(fox.height).toBe(96);
    const [r, g, b] = paint(fox.canvas).rgb;
    expect(r).toBeGreaterThan(g + 40);
    expect(g).toBeGreaterThan(b);
    const blue = paint((await loadSprite({ asset: 'game-icons:fox#d8742c', heightPx: 96, tint: 'blue' })).canvas).rgb;
    expect(blue[2]).toBeGreaterThan(blue[0] + 60);
  });

  it('keeps a silhouette whole through scene light and style treatments', async () => {
    const plain = paint((await loadSprite({ asset: 'game-icons:capybara#9a6b43', heightPx: 96 })).canvas);
    const night = await loadSprite({ asset: 'game-icons:capybara#9a6b43', heightPx: 96, shade: '#8090b0', treatment: 'outline', style: 'comic' });
    const lit = paint(night.canvas);
    expect(night.pad).toBeGreaterThan(0);
    // The outline adds a rim; the body must still be all there, only darker.
    expect(lit.opaque).toBeGreaterThanOrEqual(plain.opaque);
    expect(lit.rgb[0] + lit.rgb[1] + lit.rgb[2]).toBeLessThan(plain.rgb[0] + plain.rgb[1] + plain.rgb[2]);
  });

  it('cuts a sprite into facets in low-poly, keeping its outline', async () => {
    const plain = (await loadSprite({ asset: 'fluent-emoji-flat:dog', heightPx: 120 })).canvas;
    const faceted = (await loadSprite({ asset: 'fluent-emoji-flat:dog', heightPx: 120, style: 'low-poly' })).canvas;
    let outline = 0;
    let samples = 0;
    for (let y = 1; y < plain.height; y += 3) {
      for (let x = 1; x < plain.width; x += 3, samples++) if (alphaAt(plain, x, y) > 128 === alphaAt(faceted, x, y) > 128) outline++;
    }
    expect(outline / samples).toBeGreaterThan(0.95);
    // The emoji is a few flat fills; cut into facets, each lit a little differently, it has many more colours.
    const colours = (canvas: Canvas): number => {
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4) if ((data[i + 3] ?? 0) === 255) seen.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
      return seen.size;
    };
    expect(colours(faceted)).toBeGreaterThan(colours(plain) * 2);
  });

  it('shades a silhouette and edges it darker, so it is no flat blob', async () => {
    const bear = (await loadSprite({ asset: 'game-icons:polar-bear#f1eee6', heightPx: 128 })).canvas;
    const { data } = bear.getContext('2d').getImageData(0, 0, bear.width, bear.height);
    const lumas = new Set<number>();
    for (let i = 0; i < data.length; i += 4) if ((data[i + 3] ?? 0) === 255) lumas.add(Math.round((data[i] ?? 0) / 16));
    expect(lumas.size).toBeGreaterThan(4);
  });

  it('mirrors right-facing silhouettes so that every side view faces left, like Fluent art', async () => {
    const drawn = async (icon: string): Promise<{ sprite: Canvas; raw: Canvas }> => {
      const data = gameIconSet.icon(icon);
      const raw = drawSilhouette(singlePathData(data?.body ?? ''), 96, '#808080', false);
      return { sprite: (await loadSprite({ asset: `${GAME_ICONS_PREFIX}${icon}#808080`, heightPx: 96 })).canvas, raw };
    };
    /** Share of sampled pixels where a and b (mirrored or not) disagree on being part of the art. */
    const mismatch = (a: Canvas, b: Canvas, mirror: boolean): number => {
      let differ = 0;
      let total = 0;
      for (let y = 2; y < a.height; y += 3) {
        for (let x = 2; x < a.width; x += 3, total++) {
          if (alphaAt(a, x, y) > 128 !== alphaAt(b, mirror ? a.width - 1 - x : x, y) > 128) differ++;
        }
      }
      return differ / total;
    };
    const wolf = await drawn('sitting-dog'); // the game-icons dog looks right
    expect(mismatch(wolf.sprite, wolf.raw, true)).toBeLessThan(0.04);
    expect(mismatch(wolf.sprite, wolf.raw, false)).toBeGreaterThan(0.15);
    const fox = await drawn('fox'); // a front view stays as drawn
    expect(mismatch(fox.sprite, fox.raw, false)).toBeLessThan(0.04);
  });

  it('draws the unicorn as a whole galloping horse, white, with a horn', async () => {
    const unicorn = lexicon().nounByName.get('unicorn');
    expect(unicorn?.asset).toBe('fluent-emoji-flat:unicorn-body');
    const body = (await loadSprite({ asset: unicorn?.asset ?? '', heightPx: 96 })).canvas;
    const horse = (await loadSprite({ asset: 'fluent-emoji-flat:horse', heightPx: 96 })).canvas;
    // Legs and body: the lower half has the horse's outline exactly; the horn adds pixels above the head.
    for (let y = 48; y < 96; y += 4) for (let x = 0; x < 96; x += 4) expect(alphaAt(body, x, y) > 128).toBe(alphaAt(horse, x, y) > 128);
    expect(paint(body).opaque).toBeGreaterThan(paint(horse).opaque);
    expect(paint(body).rgb[2]).toBeGreaterThan(paint(horse).rgb[2] + 60);
  });

  it('draws the fox and the wolf as whole walking bodies, with a bushy tail instead of the dog\'s curl', async () => {
    const fox = lexicon().nounByName.get('fox');
    const wolf = lexicon().nounByName.get('wolf');
    expect(fox?.asset).toBe('fluent-emoji-flat:fox-body');
    expect(wolf?.asset).toBe('fluent-emoji-flat:wolf-body');
    // At rest they keep a sitting pose.
    expect(fox?.variants?.sleep).toBe('game-icons:fox#d8742c');
    const sprite = async (asset: string): Promise<Canvas> => (await loadSprite({ asset, heightPx: 96 })).canvas;
    const [foxBody, wolfBody, dog] = await Promise.all([sprite(fox?.asset ?? ''), sprite(wolf?.asset ?? ''), sprite('fluent-emoji-flat:dog')]);
    // The dog's legs and body, exactly: the lower half has the dog's outline.
    for (let y = 60; y < 96; y += 4) for (let x = 0; x < 80; x += 4) expect(alphaAt(foxBody, x, y) > 128).toBe(alphaAt(dog, x, y) > 128);
    // The curl rose above the back, in from the tail's end; the fox has sky there.
    expect(alphaAt(dog, 66, 23)).toBeGreaterThan(128);
    expect(alphaAt(foxBody, 66, 23)).toBeLessThan(128);
    const [r, g, b] = paint(foxBody).rgb;
    expect(r).toBeGreaterThan(g + 50);
    expect(g).toBeGreaterThan(b);
    const grey = paint(wolfBody).rgb;
    expect(Math.max(...grey) - Math.min(...grey)).toBeLessThan(30);
  });

  it('lists the vocabulary', () => {
    const v = listVocabulary();
    expect(v.settings.length).toBeGreaterThanOrEqual(25);
    expect(v.actions.map((a) => a.action)).toEqual(expect.arrayContaining([
      'walk', 'run', 'fly', 'swim', 'jump', 'bounce', 'spin', 'fall', 'float', 'drive', 'sail', 'dance', 'orbit', 'grow',
      'shrink', 'wave', 'chase', 'hover', 'sleep', 'sit', 'roll', 'glide', 'climb', 'drift', 'race', 'hop', 'crawl', 'gallop',
    ]));
    expect(v.colors).toContain('cornflowerblue');
    expect(v.nouns.length).toBe(lexicon().nounByName.size);
    expect(new Set(v.nouns.map((n) => n.noun)).size).toBe(v.nouns.length);
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });
});
