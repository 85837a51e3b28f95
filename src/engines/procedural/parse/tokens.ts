/**
 * The prompt as a stream of normalised words and clause boundaries. The reader marks each token `used` once some
 * meaning claimed it, so what is left over at the end is what the engine did not understand.
 */
import * as W from '../lexicon/words.js';

export interface Token {
  text: string;
  boundary: boolean;
  used: boolean;
}

/** Lower-cased words, spelling variants unified, possessives and durations ("5 s") dropped; punctuation is a boundary. */
export function tokenize(text: string): Token[] {
  const cleaned = text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/(\d+)\s*(?:s|sec|secs|seconds?)\b/g, ' ');
  const tokens: Token[] = [];
  for (const match of cleaned.matchAll(/[a-z0-9]+(?:'[a-z]+)?|[.,;:!?()\n]/g)) {
    let word = match[0];
    if (/^[.,;:!?()\n]$/.test(word)) {
      tokens.push({ text: word, boundary: true, used: true });
      continue;
    }
    word = word.replace(/'s$/, '').replace(/'$/, '');
    word = W.spellingVariants[word] ?? word;
    tokens.push({ text: word, boundary: false, used: false });
  }
  return tokens;
}
