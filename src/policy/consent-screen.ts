import type { Artist } from '../domain/artist.js';

export type MatchedBy = 'name' | 'alias' | 'style';

/** A registered artist referred to by a prompt, and the registered phrase that referred to them. */
export interface ConsentMatch {
  artist: Artist;
  phrase: string;
  by: MatchedBy;
}

/** Letters that Unicode decomposition leaves alone but that people type without their stroke or ligature. */
const letterFolds: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const foldable = new RegExp(`[${Object.keys(letterFolds).join('')}]`, 'gu');

/** Scripts written without spaces between words: each character counts as a word, so a name inside a sentence is found. */
const unspacedScript = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/gu;

/** Marks that join the parts of one name ("Jean-Michel", "O'Keeffe", "H.R."), which people also write run together. */
const joiners = /['’‘ʼ`´\u2010\u2011\u2012\u2013\u2014\-.]/gu;

/** Glued to a name, this still refers to it ("Kafkaesque"); "-esque" and "-style" with a hyphen are separate words anyway. */
const likenessSuffix = 'esque';

/** Lower case, accents removed ("Miró" → "miro"), compatibility forms unified (full-width, ligatures). */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(foldable, (letter) => letterFolds[letter] ?? letter);
}

/** The words of a text once folded: any run of characters that are not letters or digits separates words. */
export function wordsOf(text: string): string[] {
  return foldText(text)
    .replace(unspacedScript, ' $1 ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The word sequences a registered phrase is found as: its parts apart ("jean michel"), and joined ("jeanmichel"). */
export function phraseForms(phrase: string): string[][] {
  const apart = wordsOf(phrase);
  const joined = wordsOf(phrase.replace(joiners, ''));
  return joined.join(' ') === apart.join(' ') ? [apart] : [apart, joined];
}

interface Phrase {
  words: string[];
  artist: Artist;
  text: string;
  by: MatchedBy;
}

interface Found extends ConsentMatch {
  start: number;
  end: number;
}

/**
 * Finds the registered artists a prompt refers to, by name, alias or identifying style phrase. Matching is on whole
 * words after folding case, accents and punctuation, so "Monet" is not found in "monetary", and a possessive
 * ("Hokusai’s") or "in the style of …" needs no special case. Where one artist's phrase lies inside a longer phrase
 * of another ("Picasso" inside "Paloma Picasso"), only the longer one counts.
 */
export class ConsentScreen {
  private readonly byFirstWord = new Map<string, Phrase[]>();

  constructor(artists: readonly Artist[]) {
    for (const artist of artists) {
      const phrases: Array<[string, MatchedBy]> = [
        [artist.name, 'name'],
        ...artist.aliases.map((alias): [string, MatchedBy] => [alias, 'alias']),
        ...artist.styleKeywords.map((keyword): [string, MatchedBy] => [keyword, 'style']),
      ];
      for (const [text, by] of phrases) {
        for (const words of phraseForms(text)) {
          if (words.length === 0) continue;
          const list = this.byFirstWord.get(words[0]!) ?? [];
          list.push({ words, artist, text, by });
          this.byFirstWord.set(words[0]!, list);
        }
      }
    }
  }

  /** Each artist the prompt refers to, once, in the order they first appear. */
  find(prompt: string): ConsentMatch[] {
    const words = wordsOf(prompt);
    const found: Found[] = [];
    words.forEach((word, start) => {
      const stem = word.endsWith(likenessSuffix) ? word.slice(0, -likenessSuffix.length) : undefined;
      const candidates = [...(this.byFirstWord.get(word) ?? []), ...((stem && this.byFirstWord.get(stem)) || [])];
      for (const phrase of candidates) {
        if (matchesAt(phrase.words, words, start)) found.push({ artist: phrase.artist, phrase: phrase.text, by: phrase.by, start, end: start + phrase.words.length });
      }
    });
    const kept = found.filter((m) => !found.some((other) => other.artist.id !== m.artist.id && covers(other, m)));
    const seen = new Set<string>();
    return kept
      .sort((a, b) => a.start - b.start || b.end - a.end)
      .filter((m) => !seen.has(m.artist.id) && seen.add(m.artist.id))
      .map(({ artist, phrase, by }) => ({ artist, phrase, by }));
  }
}

/** The phrase's words at `start`; its last word may carry the likeness suffix. */
function matchesAt(phrase: string[], words: string[], start: number): boolean {
  return phrase.every((expected, i) => {
    const word = words[start + i];
    return word === expected || (i === phrase.length - 1 && word === expected + likenessSuffix);
  });
}

/** True when `outer` spans all of `inner` and more. */
const covers = (outer: Found, inner: Found): boolean =>
  outer.start <= inner.start && outer.end >= inner.end && outer.end - outer.start > inner.end - inner.start;
