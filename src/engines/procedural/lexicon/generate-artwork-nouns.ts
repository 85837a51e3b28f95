/**
 * Builds the artwork vocabulary: every drawable noun that the hand-made table (nouns.ts) does not already cover, from
 * the emoji labels (Fluent Emoji Flat art, mapped by codepoint through emojibase) and the game-icons silhouettes, with
 * emojibase tags as extra aliases. The result is committed as artwork-nouns.data.ts, so the engine loads a finished
 * table instead of reading 15 MB of package data at start; scripts/generate-nouns.ts rewrites it, and a test checks
 * that the committed table is what this generator makes from the installed packages.
 *
 * Order is priority: hand-made nouns, then emoji labels (coloured art), then game-icons names, then the last words of
 * compound names ("bench" from "park bench"), then emoji tags as aliases. A word goes to the first source that claims
 * it. The rules themselves (what is junk, what kind a silhouette is) live in artwork-rules.ts. Words the parser reads
 * as something else (a colour, a setting, a verb) are left out when the lexicon index is built, not here, so this table
 * does not change when those word lists do.
 */
import { GAME_ICONS_PREFIX, silhouetteFacing, silhouettePaint } from '../artwork/silhouettes.js';
import { FLUENT_PREFIX } from '../assets.js';
import { phraseKey as key, pluralsOf, singulars } from './index.js';
import { emojiSources, gameIconNames, type EmojiSource } from './artwork-sources.js';
import * as R from './artwork-rules.js';
import { handNouns, type NounEntry, type NounKind, type Orientation } from './nouns.js';

/** A generated noun: a noun entry without the hand table's extras (heading, setting, action variants). */
export type ArtworkNoun = Omit<NounEntry, 'heading' | 'setting' | 'variants'>;

/** Emoji subgroups whose labels name people: only the ungendered base form is a noun of its own. */
const peopleSubgroups = new Set(['person', 'person-role', 'person-fantasy']);
const genderWords = new Set(['man', 'woman', 'men', 'women', 'person', 'people']);
const breakingWords = new Set(['of', 'in', 'on', 'at', 'and', 'over', 'from', 'for', 'to', 'under']);

/** The noun phrase an emoji label names (singular), or null when it is a pose, a state, a variant or a clock face. */
function labelNoun(source: EmojiSource): string | null {
  const label = source.label.toLowerCase().replace(/’/g, "'").replace(/\./g, '');
  if (R.deniedEmojiLabels.has(label) || /[^a-z' -]/.test(label) || /o'clock|-thirty/.test(label)) return null;
  let words = label.split(' ');
  const withAt = words.findIndex((word) => word === 'with' || word === 'without');
  if (withAt === 0) return null;
  if (withAt > 0) words = words.slice(0, withAt);
  // "woman's hat" is a hat.
  const possessive = words.findIndex((word) => word.endsWith("'s"));
  if (possessive >= 0) words = words.slice(possessive + 1);
  if (words.length === 0 || words.some((word) => breakingWords.has(word) || R.deniedLabelWords.has(word))) return null;
  if (peopleSubgroups.has(source.subgroup) && words.length > 1 && genderWords.has(words[0] as string)) return null;
  const noun = [...words.slice(0, -1), lemma(words.at(-1) as string)].join(' ');
  return R.deniedEmojiLabels.has(noun) ? null : noun;
}

/** A game-icons name as a noun: a listed compound, or a single word (singular), or null. */
function iconNoun(name: string): string | null {
  if (R.deniedIconNames.has(name)) return null;
  const renamed = R.iconNounRenames[name];
  if (renamed) return renamed;
  if (R.iconCompounds.has(name)) return name.replace(/-/g, ' ');
  return /^[a-z]+$/.test(name) ? lemma(name) : null;
}

/** The singular of a plural word ("spears" -> "spear"); words that are plural only, or not plural, stay. */
function lemma(word: string): string {
  if (R.singularWithS.has(word) || !word.endsWith('s') || word.endsWith('ss') || word.endsWith('us') || word.length < 4) {
    return word;
  }
  if (word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (/(s|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** Fluent's side views face left (so they mirror to walk right); faces and front views never mirror. */
function emojiOrientation(source: EmojiSource, kind: NounKind): Orientation {
  if (source.tags.includes('face') || /front|oncoming/.test(source.icon)) return 'front';
  return ['animal', 'bird', 'sea', 'vehicle', 'boat'].includes(kind) ? 'mirror' : 'front';
}

function withHabits(name: string, kind: NounKind): Pick<ArtworkNoun, 'place' | 'action' | 'scale'> {
  return { ...R.kindDefaults[kind], ...R.habitOverrides[name] };
}

/** Kinds whose emoji tags are mostly synonyms ("dromedary", "aubergine"); elsewhere they are themes and moods. */
const synonymTagKinds = new Set<NounKind>(['animal', 'bird', 'sea', 'insect', 'plant', 'food']);

/** Every artwork noun, in source order. Pure given the installed packages and the hand table. */
export function generateArtworkNouns(): ArtworkNoun[] {
  const taken = new Set<string>();
  for (const entry of handNouns) for (const phrase of [entry.noun, ...entry.aliases]) taken.add(key(phrase));
  // A phrase is free when no noun has it in the singular or plural ("bubbles" is the bubble, "french fry" the fries).
  const isFree = (phrase: string): boolean => {
    const words = key(phrase).split(' ');
    const last = words.pop() as string;
    const forms = [...singulars(last), ...pluralsOf(last)].map((form) => [...words, form].join(' '));
    return !taken.has(key(phrase)) && !forms.some((form) => taken.has(form));
  };
  const usableWord = (word: string): boolean => word.length >= 3 && !R.deniedAliasWords.has(word) && isFree(word);
  const nouns: ArtworkNoun[] = [];
  const claim = (noun: ArtworkNoun): void => {
    taken.add(key(noun.noun));
    nouns.push(noun);
  };

  const emojiNouns = new Map<EmojiSource, ArtworkNoun>();
  for (const source of emojiSources()) {
    const kind = R.emojiKindOverrides[source.icon] ?? R.emojiSubgroupKinds[source.subgroup];
    const noun = kind && labelNoun(source);
    if (!kind || !noun || !isFree(noun)) continue;
    const entry: ArtworkNoun = {
      noun, asset: FLUENT_PREFIX + source.icon, kind, ...withHabits(source.icon, kind),
      orientation: emojiOrientation(source, kind), aliases: [],
    };
    claim(entry);
    emojiNouns.set(source, entry);
  }

  const iconNouns: ArtworkNoun[] = [];
  for (const name of gameIconNames()) {
    const noun = iconNoun(name);
    if (!noun || !isFree(noun)) continue;
    const kind = R.iconKinds[name] ?? 'object';
    const entry: ArtworkNoun = {
      noun, asset: `${GAME_ICONS_PREFIX}${name}${silhouettePaint(name, kind)}`, kind, ...withHabits(name, kind),
      orientation: silhouetteFacing[name] ? 'mirror' : 'front', aliases: [],
    };
    claim(entry);
    iconNouns.push(entry);
  }

  // What a prompt calls "pepper" or "bench" is drawn with the first compound that ends in it ("hot pepper",
  // "park bench"); single-word icons came first, so a dedicated "arm" icon beats the "mechanical arm".
  for (const compound of [...emojiNouns.values(), ...iconNouns]) {
    const head = compound.noun.split(' ').at(-1) as string;
    if (head === compound.noun || !/^[a-z]+$/.test(head) || !usableWord(head)) continue;
    claim({ ...compound, noun: head, aliases: [] });
  }

  // A tag that only one emoji has, and that is no word of its own label, is a synonym ("dromedary", "aubergine").
  const tagUses = new Map<string, number>();
  for (const source of emojiNouns.keys()) for (const tag of source.tags) tagUses.set(tag, (tagUses.get(tag) ?? 0) + 1);
  for (const [source, entry] of emojiNouns) {
    if (!synonymTagKinds.has(entry.kind)) continue;
    const labelWords = new Set(source.label.toLowerCase().split(/[ -]/));
    for (const tag of source.tags) {
      if (tagUses.get(tag) !== 1 || labelWords.has(tag) || !/^[a-z]+$/.test(tag) || !usableWord(tag)) continue;
      entry.aliases.push(tag);
      taken.add(tag);
    }
  }
  return nouns;
}

/** The committed data module's text: one noun per line, fields separated by "|", aliases by ",". */
export function artworkNounsModule(nouns: readonly ArtworkNoun[]): string {
  const rows = nouns.map((n) => [n.noun, n.asset, n.kind, n.place, n.action, n.scale, n.orientation, n.aliases.join(',')].join('|'));
  return [
    '// Generated by scripts/generate-nouns.ts from emojibase-data, @iconify-json/fluent-emoji-flat and',
    '// @iconify-json/game-icons (see lexicon/generate-artwork-nouns.ts). Do not edit: change the rules and regenerate.',
    '// noun|asset|kind|place|action|scale|orientation|aliases',
    'export const artworkNounRows = `',
    ...rows,
    '`;',
    '',
  ].join('\n');
}
