/**
 * The prompt as a stream of normalised words and clause boundaries. The reader marks each token `used` once some
 * meaning claimed it, so what is left over at the end is what the engine did not understand.
 */
import * as W from '../lexicon/words.js';
import { emojiPattern, emojiWords } from './emoji.js';

export interface Token {
  /** The normalised word (or an emoji's phrase) matched against the lexicons. */
  text: string;
  /** The word as the prompt wrote it, lower-cased: what `unmatched` reports when nothing used it. */
  raw: string;
  boundary: boolean;
  used: boolean;
}

const pieces = new RegExp(
  `(${emojiPattern})|(#[0-9a-f]{6}\\b|#[0-9a-f]{3}\\b)|([\\p{L}\\p{N}]+(?:'\\p{L}+)?)|[.,;:!?()\\n]`,
  'gu',
);

/** "#f80" -> "#ff8800": one spelling per colour. */
const fullHex = (hex: string): string => (hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex);

/** "café" -> "cafe", "ｄｏｇ" -> "dog"; words in other scripts keep their letters. */
function fold(word: string): string {
  const folded = word.normalize('NFKD').replace(/\p{M}/gu, '');
  return /^[a-z0-9']+$/.test(folded) ? folded : word;
}

/**
 * Lower-cased words, spelling variants unified, accents folded, possessives and durations ("5 s") dropped, emoji read
 * as the words they stand for; punctuation and line breaks are boundaries, control characters are spaces.
 */
export function tokenize(text: string): Token[] {
  const cleaned = text
    .toLowerCase()
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\p{Cc}/gu, (c) => (c === '\n' ? c : ' '))
    .replace(/[’‘`´]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/\d+(?:\.\d+)?\s*(?:s|sec|secs|seconds?)\b/g, ' ');
  const tokens: Token[] = [];
  for (const match of cleaned.matchAll(pieces)) {
    const [piece, emoji, hex, word] = match;
    if (emoji) {
      const words = emojiWords(emoji) ?? [emoji];
      for (const w of words) tokens.push({ text: w, raw: emoji, boundary: false, used: false });
    } else if (hex) {
      tokens.push({ text: fullHex(hex), raw: hex, boundary: false, used: false });
    } else if (word) {
      const raw = word.replace(/'s$/, '').replace(/'$/, '');
      const folded = fold(raw);
      tokens.push({ text: W.spellingVariants[folded] ?? folded, raw, boundary: false, used: false });
    } else {
      tokens.push({ text: piece, raw: piece, boundary: true, used: true });
    }
  }
  return tokens;
}
