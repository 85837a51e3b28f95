/**
 * The lookup index over all lexicons: phrase -> meanings. Built once, lazily, because parse is called per request
 * and the tables are static. Nouns and verbs are also found through their inflections (dogs, puppies, running, flew).
 */
import type { Subject } from '../../../domain/scene-plan.js';
import { artworkNouns } from './artwork-nouns.js';
import { handNouns, type NounEntry } from './nouns.js';
import * as W from './words.js';

export type Size = Subject['size'];
export type Direction = Subject['direction'];

export type Meaning =
  | { kind: 'noun'; entry: NounEntry; plural: boolean }
  | { kind: 'verb'; action: string }
  | { kind: 'number'; value: number; weak: boolean }
  | { kind: 'collective'; value: number }
  | { kind: 'color'; value: string }
  | { kind: 'size'; value: Size }
  | { kind: 'sizeStep'; value: 1 | -1 }
  | { kind: 'direction'; value: Direction }
  | { kind: 'time'; value: string }
  | { kind: 'weather'; value: string }
  | { kind: 'setting'; value: string }
  | { kind: 'style'; value: string }
  | { kind: 'mood'; value: string }
  | { kind: 'speed'; value: string }
  | { kind: 'scene'; word: string }
  | { kind: 'edit'; op: EditOp }
  | { kind: 'pronoun' }
  | { kind: 'determiner' }
  | { kind: 'stop' };

export type EditOp = 'add' | 'remove' | 'replace' | 'instead' | 'into';

/** Order in which meanings of the same phrase are preferred when context does not decide. */
const priority: Record<Meaning['kind'], number> = {
  number: 0, collective: 1, color: 2, size: 3, sizeStep: 4, noun: 5, verb: 6, direction: 7, time: 8, weather: 9,
  setting: 10, style: 11, mood: 12, speed: 13, scene: 14, edit: 15, pronoun: 16, determiner: 17, stop: 18,
};

const irregularPlurals = new Set([
  'people', 'men', 'women', 'children', 'kids', 'mice', 'geese', 'oxen', 'wolves', 'octopi', 'cacti', 'fungi', 'calves',
  'leaves', 'ladies', 'gentlemen', 'mermen', 'mermaids', 'hippopotami', 'grizzlies', 'bunnies', 'lorries', 'buses',
  'busses', 'cattle', 'fishes', 'buffaloes', 'octopuses', 'balloons', 'swords', 'keys', 'notes', 'bells', 'bones',
  'candles', 'hearts', 'coins', 'crops', 'apples', 'cherries', 'grapes', 'pyramids', 'flames', 'toddlers', 'sweets',
  'drums', 'twins', 'pancakes', 'chips', 'fries', 'books', 'fireworks', 'ruins', 'leaves',
]);

export interface LexiconIndex {
  phrases: Map<string, Meaning[]>;
  maxWords: number;
  nounByName: Map<string, NounEntry>;
  /** Every verb form (base, -s, -ed, -ing, irregular) -> base. */
  verbForms: Map<string, string>;
  /** scene word -> verb bases it takes. */
  sceneVerbs: Map<string, Set<string>>;
}

let cached: LexiconIndex | undefined;

export function lexicon(): LexiconIndex {
  if (!cached) cached = build();
  return cached;
}

/** Regular and listed irregular forms of a verb base. */
export function inflect(base: string): string[] {
  const words = base.split(' ');
  const head = words[0] ?? base;
  const rest = words.slice(1).join(' ');
  const forms = new Set<string>([head]);
  const last = head.at(-1) ?? '';
  const double = W.doublingVerbs.has(head);
  if (/[^aeiou]y$/.test(head)) {
    forms.add(head.slice(0, -1) + 'ies');
    forms.add(head.slice(0, -1) + 'ied');
    forms.add(head + 'ing');
  } else if (last === 'e' && !head.endsWith('ee')) {
    forms.add(head + 's');
    forms.add(head + 'd');
    forms.add(head.slice(0, -1) + 'ing');
  } else {
    forms.add(/(s|x|z|ch|sh|o)$/.test(head) ? head + 'es' : head + 's');
    forms.add(double ? head + last + 'ed' : head + 'ed');
    forms.add(double ? head + last + 'ing' : head + 'ing');
  }
  for (const irregular of W.irregularForms[head] ?? []) forms.add(irregular);
  return [...forms].map((form) => (rest ? `${form} ${rest}` : form));
}

function build(): LexiconIndex {
  const phrases = new Map<string, Meaning[]>();
  const add = (phrase: string, meaning: Meaning): void => {
    const key = phraseKey(phrase);
    if (!key) return;
    const list = phrases.get(key) ?? [];
    if (!list.some((m) => m.kind === meaning.kind)) list.push(meaning);
    phrases.set(key, list);
  };

  const nounByName = new Map<string, NounEntry>();
  for (const entry of handNouns) {
    nounByName.set(entry.noun, entry);
    add(entry.noun, { kind: 'noun', entry, plural: false });
    for (const alias of entry.aliases) add(alias, { kind: 'noun', entry, plural: irregularPlurals.has(alias) });
  }

  const verbForms = new Map<string, string>();
  for (const [action, bases] of Object.entries(W.actionVerbs)) {
    for (const base of [action, ...bases]) {
      for (const form of inflect(base)) {
        add(form, { kind: 'verb', action });
        if (!form.includes(' ')) verbForms.set(form, base);
      }
    }
  }
  const sceneVerbs = new Map<string, Set<string>>();
  for (const [word, info] of Object.entries(W.sceneWords)) {
    add(word, { kind: 'scene', word });
    const bases = new Set<string>();
    for (const base of info.verbs ?? []) {
      bases.add(base);
      for (const form of inflect(base)) if (!form.includes(' ')) verbForms.set(form, base);
    }
    sceneVerbs.set(word, bases);
  }

  for (const [word, value] of Object.entries(W.numberWords)) add(word, { kind: 'number', value, weak: word === 'a' || word === 'an' });
  add('half a dozen', { kind: 'number', value: 6, weak: false });
  add('a lot of', { kind: 'number', value: 8, weak: false });
  add('lots of', { kind: 'number', value: 8, weak: false });
  for (const [word, value] of Object.entries(W.collectiveNouns)) add(word, { kind: 'collective', value });
  for (const name of W.cssColorNames) add(name, { kind: 'color', value: name });
  for (const [word, value] of Object.entries(W.colorAliases)) if (value) add(word, { kind: 'color', value });
  for (const [word, value] of W.invert(W.sizeSynonyms)) add(word, { kind: 'size', value: value as Size });
  for (const word of ['bigger', 'larger', 'taller', 'grown up']) add(word, { kind: 'sizeStep', value: 1 });
  for (const word of ['smaller', 'tinier', 'shorter', 'littler']) add(word, { kind: 'sizeStep', value: -1 });
  for (const [word, value] of W.invert(W.directionSynonyms)) add(word, { kind: 'direction', value: value as Direction });
  for (const [word, value] of W.invert(W.timeSynonyms)) add(word, { kind: 'time', value });
  for (const [word, value] of W.invert(W.weatherSynonyms)) add(word, { kind: 'weather', value });
  for (const [word, value] of W.invert(W.settingSynonyms)) add(word, { kind: 'setting', value });
  for (const [word, value] of W.invert(W.styleSynonyms)) add(word, { kind: 'style', value });
  for (const [word, value] of W.invert(W.moodSynonyms)) add(word, { kind: 'mood', value });
  for (const [word, value] of W.invert(W.cameraSpeedWords)) add(word, { kind: 'speed', value });
  for (const word of ['add', 'adds', 'added', 'also', 'plus', 'another', 'additionally', 'include', 'including', 'joined by', 'more', 'too', 'extra']) {
    add(word, { kind: 'edit', op: 'add' });
  }
  for (const word of ['remove', 'removes', 'removed', 'without', 'delete', 'minus', 'no', 'get rid of', 'no longer', 'no more', 'drop the', 'take away']) {
    add(word, { kind: 'edit', op: 'remove' });
  }
  for (const word of ['replace', 'replaces', 'replaced', 'swap', 'swaps', 'swapped', 'substitute', 'transform', 'transforms', 'convert']) {
    add(word, { kind: 'edit', op: 'replace' });
  }
  add('instead of', { kind: 'edit', op: 'instead' });
  add('rather than', { kind: 'edit', op: 'instead' });
  for (const word of ['into', 'with', 'for', 'to']) add(word, { kind: 'edit', op: 'into' });
  for (const word of ['it', 'they', 'them', 'he', 'she', 'its', 'their', 'everything', 'everyone', 'all of them', 'both of them']) {
    add(word, { kind: 'pronoun' });
  }
  for (const word of ['the', 'this', 'that', 'these', 'those', 'his', 'her', 'my', 'our', 'your', 'some', 'each', 'every']) {
    add(word, { kind: 'determiner' });
  }
  for (const word of W.stopwords) add(word, { kind: 'stop' });

  // Nouns generated from the artwork packages take only words that nothing above claims, nor their plurals:
  // "sunset" stays a time of day and "clouds" stays weather, whatever icons exist.
  for (const entry of artworkNouns()) {
    if (phrases.has(phraseKey(entry.noun)) || claimsOtherMeaning(phrases, entry.noun)) continue;
    nounByName.set(entry.noun, entry);
    add(entry.noun, { kind: 'noun', entry, plural: false });
    for (const alias of entry.aliases) {
      if (!phrases.has(phraseKey(alias)) && !claimsOtherMeaning(phrases, alias)) add(alias, { kind: 'noun', entry, plural: false });
    }
  }

  for (const list of phrases.values()) list.sort((a, b) => priority[a.kind] - priority[b.kind]);
  let maxWords = 1;
  for (const key of phrases.keys()) maxWords = Math.max(maxWords, key.split(' ').length);
  return { phrases, maxWords, nounByName, verbForms, sceneVerbs };
}

/** The index's key for a phrase: lowercase, hyphens as spaces ("t-rex" and "T rex" are one phrase). */
export function phraseKey(phrase: string): string {
  return phrase.toLowerCase().replace(/-/g, ' ').trim();
}

/** Regular plurals of a phrase's last word ("hot dog" -> "hot dogs"). */
export function pluralsOf(phrase: string): string[] {
  const words = phrase.split(' ');
  const last = words.pop() ?? '';
  const forms = [/(s|x|z|ch|sh|o)$/.test(last) ? last + 'es' : last + 's'];
  if (/[^aeiou]y$/.test(last)) forms.push(last.slice(0, -1) + 'ies');
  if (last.endsWith('f')) forms.push(last.slice(0, -1) + 'ves');
  if (last.endsWith('fe')) forms.push(last.slice(0, -2) + 'ves');
  return forms.map((form) => [...words, form].join(' '));
}

/** Whether a phrase, or one of its plurals, already means something other than a noun. */
function claimsOtherMeaning(phrases: ReadonlyMap<string, Meaning[]>, phrase: string): boolean {
  const key = phraseKey(phrase);
  return [key, ...pluralsOf(key)].some((form) => phrases.get(form)?.some((m) => m.kind !== 'noun') ?? false);
}

/** Singular candidates for a possibly plural word, most likely first. */
export function singulars(word: string): string[] {
  const out: string[] = [];
  if (word.endsWith('ies') && word.length > 4) out.push(word.slice(0, -3) + 'y');
  if (word.endsWith('ves')) out.push(word.slice(0, -3) + 'f', word.slice(0, -3) + 'fe');
  if (word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) out.push(word.slice(0, -1));
  return out;
}

/** Meanings of a single word: exact phrase entries plus plural nouns. */
export function meaningsOf(word: string): Meaning[] {
  const index = lexicon();
  const exact = index.phrases.get(word) ?? [];
  if (exact.some((m) => m.kind === 'noun')) return exact;
  for (const singular of singulars(word)) {
    const found = index.phrases.get(singular)?.find((m) => m.kind === 'noun');
    if (found && found.kind === 'noun') {
      const merged = [...exact, { kind: 'noun' as const, entry: found.entry, plural: true }];
      return merged.sort((a, b) => priority[a.kind] - priority[b.kind]);
    }
  }
  return exact;
}
