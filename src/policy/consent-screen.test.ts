import { describe, expect, it } from 'vitest';
import type { Artist, ArtistPolicy } from '../domain/artist.js';
import { ConsentScreen, phraseForms, wordsOf } from './consent-screen.js';

const artist = (id: string, name: string, policy: ArtistPolicy, aliases: string[] = [], styleKeywords: string[] = []): Artist => ({
  id,
  name,
  aliases,
  styleKeywords,
  policy,
  feePerSecond: policy === 'license' ? 3 : null,
  createdAt: 0,
  updatedAt: 0,
});

const registry = [
  artist('monet', 'Claude Monet', 'credit', ['Monet']),
  artist('manet', 'Édouard Manet', 'credit', ['Manet']),
  artist('banksy', 'Banksy', 'deny'),
  artist('miyazaki', 'Hayao Miyazaki', 'deny', ['Miyazaki', '宮崎駿'], ['Studio Ghibli']),
  artist('hokusai', 'Katsushika Hokusai', 'credit', ['Hokusai']),
  artist('miro', 'Joan Miró', 'license', ['Miró']),
  artist('basquiat', 'Jean-Michel Basquiat', 'license', ['Basquiat']),
  artist('pablo', 'Pablo Picasso', 'deny', ['Picasso']),
  artist('paloma', 'Paloma Picasso', 'credit'),
  artist('okeeffe', "Georgia O'Keeffe", 'credit', ["O'Keeffe"]),
  artist('dali', 'Salvador Dalí', 'deny', ['Dalí'], ['melting clocks']),
  artist('giger', 'H.R. Giger', 'credit'),
  // A common word as a name: it is found as that word, never inside another.
  artist('seen', 'SEEN', 'credit'),
];
const screen = new ConsentScreen(registry);
const found = (prompt: string): string[] => screen.find(prompt).map((m) => m.artist.id);

describe('consent screening', () => {
  it.each([
    // names and aliases, any case
    ['a garden of water lilies by Claude Monet', ['monet']],
    ['water lilies, monet', ['monet']],
    ['WATER LILIES IN THE STYLE OF MONET', ['monet']],
    ['Monet and Manet side by side', ['monet', 'manet']],
    ["Édouard Manet's Olympia", ['manet']],
    ['edouard manet, a bar at the folies', ['manet']],
    ['EDOUARD MANET', ['manet']],
    // in the style of, -style, -esque, possessives (straight and curly)
    ['a forest spirit in the style of Hayao Miyazaki', ['miyazaki']],
    ['in the style of miyazaki', ['miyazaki']],
    ['Miyazaki-style flying castle', ['miyazaki']],
    ['a Miyazakiesque meadow', ['miyazaki']],
    ['a Miyazaki-esque meadow', ['miyazaki']],
    ["Miyazaki's countryside", ['miyazaki']],
    ['Hokusai’s great wave over a city', ['hokusai']],
    ["the great wave, Hokusai's way", ['hokusai']],
    ['"Hokusai" prints of Mount Fuji', ['hokusai']],
    ['Katsushika Hokusai, woodblock', ['hokusai']],
    ["Degas' dancers and Dalí's elephants", ['dali']],
    // identifying style phrases
    ['studio ghibli vibes, a cat bus', ['miyazaki']],
    ['Studio-Ghibli clouds', ['miyazaki']],
    ['melting clocks in a desert', ['dali']],
    ['Melting   Clocks!', ['dali']],
    // accents, with and without
    ['Joan Miró constellations', ['miro']],
    ['joan miro constellations', ['miro']],
    ['JOAN MIRÓ', ['miro']],
    ['stars like Miro', ['miro']],
    ['Salvador Dali elephants', ['dali']],
    ['dalí', ['dali']],
    // hyphens, apostrophes and full stops inside names, written any way
    ['a crown by Jean-Michel Basquiat', ['basquiat']],
    ['a crown by Jean Michel Basquiat', ['basquiat']],
    ['a crown by JeanMichel Basquiat', ['basquiat']],
    ['a crown by Jean–Michel Basquiat', ['basquiat']],
    ["Basquiat's crown", ['basquiat']],
    ["flowers like Georgia O'Keeffe", ['okeeffe']],
    ['O’Keeffe flowers', ['okeeffe']],
    ['okeeffe flowers', ['okeeffe']],
    ['o keeffe flowers', ['okeeffe']],
    ['biomechanical halls by H.R. Giger', ['giger']],
    ['biomechanical halls by HR Giger', ['giger']],
    ['biomechanical halls by h. r. giger', ['giger']],
    // a multi-word name split across punctuation or lines
    ['Katsushika-Hokusai', ['hokusai']],
    ['Hayao/Miyazaki', ['miyazaki']],
    ['Claude.Monet', ['monet']],
    ['Claude\nMonet at dawn', ['monet']],
    // other spellings of the same letters
    ['ＭＯＮＥＴ haystacks', ['monet']],
    ['宮崎駿のスタイルで森', ['miyazaki']],
    // graffiti handles
    ['a wall by Banksy', ['banksy']],
    ['#banksy rat stencil', ['banksy']],
    ['@Banksy', ['banksy']],
    ['banksy-esque girl with balloon', ['banksy']],
    // similar names: the longer, more specific one wins
    ['jewelry by Paloma Picasso', ['paloma']],
    ['a guitar by Picasso', ['pablo']],
    ['Pablo Picasso and Paloma Picasso', ['pablo', 'paloma']],
    // a common word as a name matches that word only
    ['a tag by SEEN on a subway car', ['seen']],
    ['never seen before', ['seen']],
  ])('finds %j', (prompt, expected) => {
    expect(found(prompt)).toEqual(expected);
  });

  it.each([
    // names inside other words
    ['a chart of monetary policy'],
    ['the monetization of art'],
    ['the banks of the river Seine'],
    ['Banksia flowers in bloom'],
    ['a bank’s vault'],
    ['a man eating pasta'],
    ['a mirror on the wall'],
    ['le miroir'],
    ['Dalian harbour at night'],
    ['daily life in a village'],
    ['a basket of fruit'],
    ['unforeseen storms over the sea'],
    ['the seenery is lovely'],
    ['keeffe'],
    ['hokusaido'],
    // the parts of a phrase out of order or apart
    ['a ghibli studio'],
    ['clocks melting'],
    ['michel jean basquiatte'],
    ['Claude and his Monetary fund'],
    // nothing to find
    ['two red foxes running across a snowy meadow at dusk'],
    [''],
    ['!!! ... ---'],
  ])('finds nobody in %j', (prompt) => {
    expect(found(prompt)).toEqual([]);
  });

  it('says which registered phrase matched, and how', () => {
    expect(screen.find('Studio Ghibli and Miyazaki')).toEqual([{ artist: registry[3], phrase: 'Studio Ghibli', by: 'style' }]);
    expect(screen.find("Hokusai's wave")[0]).toMatchObject({ phrase: 'Hokusai', by: 'alias' });
    expect(screen.find('Katsushika Hokusai')[0]).toMatchObject({ phrase: 'Katsushika Hokusai', by: 'name' });
  });

  it('finds nobody when nobody is registered', () => {
    expect(new ConsentScreen([]).find('Claude Monet')).toEqual([]);
  });

  it('folds a phrase into the word sequences it is found as', () => {
    expect(wordsOf('Joan MIRÓ’s “Étoile”, Øresund — Straße')).toEqual(['joan', 'miro', 's', 'etoile', 'oresund', 'strasse']);
    expect(phraseForms('Jean-Michel Basquiat')).toEqual([['jean', 'michel', 'basquiat'], ['jeanmichel', 'basquiat']]);
    expect(phraseForms('Banksy')).toEqual([['banksy']]);
  });
});
