/**
 * Which meaning a phrase has here. Many words mean several things ("orange" is a colour and a fruit, "waves" a scene
 * and a verb, "stars" the night and a countable noun); the longest known phrase wins, and the words around it decide
 * between its meanings.
 */
import { lexicon, meaningsOf, singulars, type Meaning } from '../lexicon/index.js';
import type { Token } from './tokens.js';

/** The kind of the last word the reader took, or where it stands when there was none. */
export type LastKind = Meaning['kind'] | 'boundary' | 'unknown';

/** Kinds of word whose plural means the same as their singular ("lakes", "two flocks of birds"). */
const pluralKinds: ReadonlyArray<Meaning['kind']> = ['setting', 'collective'];

/**
 * A word's meanings; a hex colour ("#ff8800") is a colour whatever the lexicon says, and a plural place or group is
 * still that place or group.
 */
function meaningsOfWord(word: string): Meaning[] {
  if (/^#[0-9a-f]{6}$/.test(word)) return [{ kind: 'color', value: word }];
  const meanings = [...meaningsOf(word)];
  for (const kind of pluralKinds) {
    if (meanings.some((m) => m.kind === kind)) continue;
    const singular = singulars(word).map((w) => lexicon().phrases.get(w)?.find((m) => m.kind === kind)).find(Boolean);
    if (singular) meanings.push(singular);
  }
  return meanings;
}

/** "a school of fish", "a flock of birds": a group and its members, never one thing named after the group. */
const isGroupOf = (slice: Token[]): boolean =>
  slice.length > 2 && slice[1]?.text === 'of' && meaningsOfWord(slice[0]?.text ?? '').some((m) => m.kind === 'collective');

/** Is the next word a verb that a subject does, not one the scene word itself takes ("stars spin" vs "stars twinkle")? */
function subjectVerbAt(tokens: Token[], at: number, sceneWord: string): boolean {
  const next = tokens[at];
  if (!next || next.boundary || !meaningsOf(next.text).some((m) => m.kind === 'verb')) return false;
  const base = lexicon().verbForms.get(next.text);
  return !(base && lexicon().sceneVerbs.get(sceneWord)?.has(base));
}

/** Does a noun come within the next few words (skipping adjectives)? Decides "orange cat" vs "an orange". */
export function nounAhead(tokens: Token[], from: number): boolean {
  for (let i = from; i < Math.min(tokens.length, from + 3); i++) {
    const token = tokens[i];
    if (!token || token.boundary) return false;
    const meanings = meaningsOfWord(token.text);
    if (meanings.some((m) => m.kind === 'noun')) return true;
    if (!meanings.some((m) => m.kind === 'color' || m.kind === 'size' || m.kind === 'mood')) return false;
  }
  return false;
}

/** Does a noun phrase start at `from`, articles and possessives included ("a kite", "his dog", "kites")? */
export function objectAhead(tokens: Token[], from: number): boolean {
  let i = from;
  const leading = (m: Meaning): boolean => m.kind === 'determiner' || m.kind === 'pronoun' || m.kind === 'number';
  while (tokens[i] && !tokens[i]?.boundary && meaningsOf(tokens[i]?.text ?? '').some(leading)) i++;
  return nounAhead(tokens, i);
}

/** The meanings of the longest known phrase that starts at token `at`, and how many tokens it spans. */
export function lookUp(tokens: Token[], at: number): { meanings: Meaning[]; span: number } {
  const index = lexicon();
  // Longest phrase first; single words also through plural/inflection rules.
  for (let n = Math.min(index.maxWords, tokens.length - at); n >= 1; n--) {
    const slice = tokens.slice(at, at + n);
    if (slice.some((t) => t.boundary || t.used) || isGroupOf(slice)) continue;
    const phrase = slice.map((t) => t.text).join(' ');
    let found = n === 1 ? meaningsOfWord(phrase) : index.phrases.get(phrase);
    if (!found?.length && n > 1) {
      // "hot air balloons", "police cars": a multi-word noun with a plural last word.
      const head = slice.slice(0, -1).map((t) => t.text).join(' ');
      for (const singular of singulars(slice.at(-1)?.text ?? '')) {
        const noun = index.phrases.get(`${head} ${singular}`)?.find((m) => m.kind === 'noun');
        if (noun && noun.kind === 'noun') {
          found = [{ kind: 'noun', entry: noun.entry, plural: true }];
          break;
        }
      }
    }
    if (found && found.length) return { meanings: found, span: n };
  }
  return { meanings: [], span: 1 };
}

/** What the reader knows around a phrase. */
export interface Context {
  tokens: Token[];
  /** Where the phrase starts and how many tokens it spans. */
  at: number;
  span: number;
  lastKind: LastKind;
  /** The phrase follows a subject of the current noun group. */
  afterSubject: boolean;
  /** The pending count is only "a"/"some". */
  weakCount: boolean;
  cameraMove: string | null;
  /** A "replace X" is waiting for its "with/into Y". */
  replacing: boolean;
}

/** Pick one of a phrase's meanings from its context. */
export function chooseMeaning(meanings: Meaning[], context: Context): Meaning {
  const { tokens, at, span, lastKind, afterSubject } = context;
  const text = tokens[at]?.text ?? '';
  const has = (kind: Meaning['kind']): Meaning | undefined => meanings.find((m) => m.kind === kind);
  let chosen: Meaning = meanings[0] as Meaning;
  const noun = has('noun');
  const verb = has('verb');
  const scene = has('scene');
  const afterModifier: boolean = ['number', 'determiner', 'color', 'size', 'collective', 'sizeStep'].includes(lastKind);

  const collective = has('collective');
  if (collective && tokens[at + span]?.text === 'of') {
    chosen = collective;
  } else if (collective && meanings.length > 1) {
    // Without "of", a group word is whatever else it means: "a school", "two men row", "a cloud over the sea".
    chosen = noun ?? (afterSubject ? verb : undefined) ?? (meanings.find((m) => m.kind !== 'collective') as Meaning);
  } else if (noun && verb) {
    chosen = afterSubject && !afterModifier ? verb : noun;
  } else if (has('color') && meanings.length > 1 && !noun && !nounAhead(tokens, at + span)) {
    // "snow", "gold", "chocolate" are colours only right before a noun ("a snow leopard" aside).
    chosen = meanings.find((m) => m.kind !== 'color') as Meaning;
  } else if (noun && (has('color') || has('size'))) {
    chosen = nounAhead(tokens, at + span) ? (has('color') ?? has('size')) as Meaning : noun;
  } else if (noun && (has('time') || has('weather') || has('setting') || scene)) {
    // "stars" is night unless counted ("five stars"); other scene-ish nouns are scene words.
    // A subject verb after it makes it a subject too ("the moon orbits the earth").
    const counted = (lastKind === 'number' && !context.weakCount) || lastKind === 'collective';
    chosen = counted || subjectVerbAt(tokens, at + span, text) ? noun : (has('time') ?? has('weather') ?? has('setting') ?? scene) as Meaning;
  } else if (scene && verb) {
    // "a dog waves" is a verb, "a ukiyo-e wave" and "the waves" are the sea.
    const describing = afterModifier || lastKind === 'style' || lastKind === 'mood';
    chosen = afterSubject || (!describing && !text.endsWith('s')) ? verb : scene;
  } else if (has('speed') && has('mood')) {
    chosen = context.cameraMove ? has('speed') as Meaning : has('mood') as Meaning;
  } else if (has('edit') && (has('edit') as { op: string }).op === 'into' && !context.replacing) {
    chosen = has('stop') ?? ({ kind: 'stop' });
  }
  if (chosen.kind === 'edit' && chosen.op === 'replace') {
    // "turn/replace X into/with Y" only when a target follows; otherwise "turn" is a verb ("the dancer turns").
    const rest = tokens.slice(at + span, at + span + 6).map((t) => t.text);
    if (!rest.some((w) => ['with', 'into', 'for', 'to'].includes(w))) chosen = has('verb') ?? ({ kind: 'stop' });
  }
  if (verb && !noun && ['turn', 'turns', 'change', 'changes'].includes(text)) {
    const rest = tokens.slice(at + 1, at + 6).map((t) => t.text);
    if (rest.includes('into')) chosen = { kind: 'edit', op: 'replace' };
  }
  return chosen;
}
