/**
 * Emoji in a prompt read as the words they stand for ("a 🐶 on the 🏖️" is a dog on a beach), through the English
 * names and keywords of emojibase-data (MIT). An emoji whose words the lexicon does not know stays itself, so it is
 * reported in `unmatched` like any other word it could not use.
 */
import { createRequire } from 'node:module';
import { meaningsOf } from '../lexicon/index.js';

/** One emoji as a sequence: a flag (two regional indicators), a keycap, or pictographs joined by ZWJ. */
export const emojiPattern =
  '\\p{RI}\\p{RI}|[#*0-9]\\uFE0F?\\u20E3|\\p{Extended_Pictographic}[\\uFE0F\\p{EMod}]*(?:\\u200D\\p{Extended_Pictographic}[\\uFE0F\\p{EMod}]*)*';

interface EmojiRecord {
  unicode: string;
  label: string;
  tags?: string[];
}

let names: Map<string, EmojiRecord> | undefined;

/** Variation selectors and skin tones do not change what an emoji depicts. */
const bare = (emoji: string): string => emoji.replace(/[\uFE0F\p{EMod}]/gu, '');

function emojiNames(): Map<string, EmojiRecord> {
  if (!names) {
    const records = createRequire(import.meta.url)('emojibase-data/en/compact.json') as EmojiRecord[];
    names = new Map(records.map((record) => [bare(record.unicode), record]));
  }
  return names;
}

const known = (phrase: string): boolean => meaningsOf(phrase).length > 0 || /^\d+$/.test(phrase);
/** Keywords stand in for an emoji only when they name what it shows: "blue" or "one" among its tags says too little. */
const depicted = new Set(['noun', 'verb', 'setting', 'time', 'weather', 'mood', 'scene']);
const depicts = (phrase: string): boolean => meaningsOf(phrase).some((m) => depicted.has(m.kind));

/**
 * The words an emoji stands for, as phrases the lexicon knows: its whole name ("rocket"), every word of its name
 * ("red heart", "cloud with rain"), its name without "face" ("dog face"), or else its first keyword that names a thing,
 * a place, a time, weather, an action or a mood.
 * Returns null when none is known.
 */
export function emojiWords(emoji: string): string[] | null {
  const record = emojiNames().get(bare(emoji));
  if (!record) return null;
  const label = record.label.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').trim().replace(/\s+/g, ' ');
  if (known(label)) return [label];
  const words = label.split(' ');
  if (words.every(known)) return words;
  const withoutFace = words.filter((word) => word !== 'face').join(' ');
  if (withoutFace && withoutFace !== label && known(withoutFace)) return [withoutFace];
  const tag = (record.tags ?? []).map((t) => t.toLowerCase()).find(depicts);
  return tag ? [tag] : null;
}
