/**
 * prompt -> ScenePlan. A deterministic domain grammar, not a general NLP parser: the prompt is tokenized, camera
 * phrases are found first (they read like verbs: "the camera slowly pushes in"), then the rest is read left to right
 * with longest-phrase matching against the lexicons. Modifiers (count, size, colour) wait for the next noun; verbs
 * attach to the noun group before them (or the next one: "running dogs"); directions attach to the last verb's
 * subjects. Every content word that nothing used is reported in `unmatched`, so a person sees what was ignored.
 *
 * A later prompt can edit an earlier plan (remix, or the next shot of a storyboard): what the new text says replaces
 * the old values, the rest is kept.
 */
import {
  scenePlanSchema, type ScenePlan, type Shot, type Subject,
} from '../../domain/scene-plan.js';
import { lexicon, meaningsOf, singulars, type Direction, type Meaning, type Size } from './lexicon/index.js';
import type { NounEntry } from './lexicon/nouns.js';
import * as W from './lexicon/words.js';

export interface PlanOptions {
  /** Total duration, split across shots; defaults to the base plan's length, or 4 s. */
  seconds?: number;
  /** Remix: the plan that the new prompt edits. */
  base?: ScenePlan;
}

/** Upper bound on a subject's count: beyond this a crowd reads the same and rendering cost grows. */
const MAX_COUNT = 50;
const MAX_SHOTS = 8;
const sizeOrder: readonly Size[] = ['tiny', 'small', 'medium', 'large', 'huge'];

type ShotCore = Omit<Shot, 'prompt' | 'seconds'>;

interface ParsedSubject {
  entry: NounEntry;
  count: number;
  color: string | null;
  size: Size | null;
  sizeStep: number;
  action: string | null;
  direction: Direction | null;
  countExplicit: boolean;
}

/** What one piece of text says, before defaults or a base plan are applied. */
interface Reading {
  subjects: ParsedSubject[];
  setting: string | null;
  /** Settings suggested by scene words ("waves" -> ocean) and by nouns (fish -> underwater). */
  sceneHints: string[];
  nounHints: string[];
  timeOfDay: string | null;
  weather: string | null;
  cameraMove: string | null;
  cameraSpeed: string | null;
  style: string | null;
  mood: string | null;
  add: boolean;
  removed: string[];
  replacements: Array<{ from: string; to: ParsedSubject }>;
  /** Modifiers that found no noun: in an edit they apply to every subject ("make it night and red"). */
  orphan: { color: string | null; size: Size | null; sizeStep: number; action: string | null; direction: Direction | null };
  unmatched: string[];
}

interface Token {
  text: string;
  boundary: boolean;
  used: boolean;
}

// ------------------------------------------------------------------------------------------------------ tokenizing

function tokenize(text: string): Token[] {
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

// --------------------------------------------------------------------------------------------------------- camera

function findCamera(tokens: Token[]): { move: string | null; speed: string | null } {
  // Join with single spaces (boundaries as "|") and remember where each token starts, to map matches back.
  const starts: number[] = [];
  let joined = '';
  tokens.forEach((token, i) => {
    if (i > 0) joined += ' ';
    starts.push(joined.length);
    joined += token.boundary ? '|' : token.text;
  });
  let move: string | null = null;
  let first = -1;
  let last = -1;
  for (const { move: candidate, pattern } of W.cameraPatterns) {
    const match = pattern.exec(joined);
    if (!match) continue;
    move = candidate;
    const from = match.index;
    const to = match.index + match[0].length;
    tokens.forEach((token, i) => {
      const start = starts[i] ?? 0;
      if (start >= from && start < to) {
        token.used = true;
        if (first < 0) first = i;
        last = i;
      }
    });
    break;
  }
  if (!move) return { move: null, speed: null };
  // Speed words right around the camera phrase belong to the camera ("the camera slowly pushes in").
  let speed: string | null = null;
  const speedIndex = W.invert(W.cameraSpeedWords);
  for (let i = Math.max(0, first - 3); i <= Math.min(tokens.length - 1, last + 3); i++) {
    const token = tokens[i];
    if (!token || token.boundary) continue;
    const value = speedIndex.get(token.text);
    if (value) {
      speed = value;
      token.used = true;
    }
  }
  return { move, speed };
}

// -------------------------------------------------------------------------------------------------------- reading

function emptyReading(): Reading {
  return {
    subjects: [], setting: null, sceneHints: [], nounHints: [], timeOfDay: null, weather: null, cameraMove: null, cameraSpeed: null,
    style: null, mood: null, add: false, removed: [], replacements: [],
    orphan: { color: null, size: null, sizeStep: 0, action: null, direction: null }, unmatched: [],
  };
}

/** Does a noun come within the next few words (skipping adjectives)? Decides "orange cat" vs "an orange". */
function nounAhead(tokens: Token[], from: number): boolean {
  for (let i = from; i < Math.min(tokens.length, from + 3); i++) {
    const token = tokens[i];
    if (!token || token.boundary) return false;
    const meanings = meaningsOf(token.text);
    if (meanings.some((m) => m.kind === 'noun')) return true;
    if (!meanings.some((m) => m.kind === 'color' || m.kind === 'size' || m.kind === 'mood')) return false;
  }
  return false;
}

/** Read one piece of text (one shot) into a Reading. */
function read(text: string): Reading {
  const index = lexicon();
  const tokens = tokenize(text);
  const reading = emptyReading();
  const camera = findCamera(tokens);
  reading.cameraMove = camera.move;
  reading.cameraSpeed = camera.speed;

  // Modifiers waiting for their noun.
  let pending = { count: null as number | null, weak: false, collective: null as number | null, color: null as string | null,
    size: null as Size | null, sizeStep: 0, action: null as string | null, direction: null as Direction | null };
  const resetPending = (): void => {
    pending = { count: null, weak: false, collective: null, color: null, size: null, sizeStep: 0, action: null, direction: null };
  };
  let groupStart = 0; // subjects[groupStart..] form the current noun group (no verb seen for them yet)
  let verbTargets: ParsedSubject[] = [];
  let lastKind: Meaning['kind'] | 'boundary' | 'unknown' = 'boundary';
  let lastScene: string | null = null;
  let editMode: 'none' | 'remove' | 'replace-from' | 'replace-to' | 'instead' = 'none';
  let replaceFrom: string | null = null;
  let speedLoose: string | null = null;

  const closeClause = (): void => {
    // Trailing modifiers ("a car, red and shiny") belong to the last noun group; a verb with no noun waits.
    const group = reading.subjects.slice(groupStart);
    const last = group.at(-1) ?? reading.subjects.at(-1);
    if (last) {
      if (pending.color && !last.color) { last.color = pending.color; pending.color = null; }
      if (pending.size && !last.size) { last.size = pending.size; pending.size = null; }
      if (pending.action) {
        for (const subject of group.length ? group : [last]) if (!subject.action) subject.action = pending.action;
        pending.action = null;
      }
    }
    if (pending.color) reading.orphan.color = pending.color;
    if (pending.size) reading.orphan.size = pending.size;
    if (pending.sizeStep) reading.orphan.sizeStep = pending.sizeStep;
    if (pending.action) reading.orphan.action = pending.action;
    if (pending.direction) reading.orphan.direction = pending.direction;
    resetPending();
    if (editMode === 'remove') editMode = 'none';
  };

  const makeSubject = (entry: NounEntry, plural: boolean): ParsedSubject => {
    let count = 1;
    let countExplicit = false;
    if (pending.collective !== null) {
      count = pending.count !== null && !pending.weak ? pending.count * pending.collective : pending.collective;
      countExplicit = true;
    } else if (pending.count !== null && !pending.weak) {
      count = pending.count;
      countExplicit = true;
    } else if (plural) {
      count = 3;
      countExplicit = true;
    } else if (pending.weak) {
      countExplicit = true;
    }
    const subject: ParsedSubject = {
      entry, count: Math.min(MAX_COUNT, Math.max(1, Math.round(count))), countExplicit, color: pending.color,
      size: pending.size, sizeStep: pending.sizeStep, action: pending.action, direction: pending.direction,
    };
    resetPending();
    return subject;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    if (token.boundary) {
      closeClause();
      groupStart = reading.subjects.length;
      verbTargets = [];
      lastKind = 'boundary';
      lastScene = null;
      continue;
    }
    if (token.used) continue;

    // Longest phrase first; single words also through plural/inflection rules.
    let meanings: Meaning[] = [];
    let span = 1;
    for (let n = Math.min(index.maxWords, tokens.length - i); n >= 1; n--) {
      const slice = tokens.slice(i, i + n);
      if (slice.some((t) => t.boundary || t.used)) continue;
      const phrase = slice.map((t) => t.text).join(' ');
      let found = n === 1 ? meaningsOf(phrase) : index.phrases.get(phrase);
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
      if (found && found.length) {
        meanings = found;
        span = n;
        break;
      }
    }
    const next = tokens[i + span];

    // A verb right after a scene word is part of that scene ("waves crash", "the sun sets").
    const verbBase = index.verbForms.get(token.text);
    if (span === 1 && lastScene && verbBase && index.sceneVerbs.get(lastScene)?.has(verbBase)) {
      token.used = true;
      lastScene = null;
      continue;
    }
    if (meanings.length === 0) {
      if (!/^\d+$/.test(token.text)) {
        lastKind = 'unknown';
        if (token.text.length > 1) reading.unmatched.push(token.text);
        continue;
      }
      meanings = [{ kind: 'number', value: Number(token.text), weak: false }];
    }

    const has = (kind: Meaning['kind']): Meaning | undefined => meanings.find((m) => m.kind === kind);
    let chosen: Meaning = meanings[0] as Meaning;
    const noun = has('noun');
    const verb = has('verb');
    const scene = has('scene');
    const afterSubject: boolean = lastKind === 'noun' && reading.subjects.length > groupStart;
    const afterModifier: boolean = ['number', 'determiner', 'color', 'size', 'collective', 'sizeStep'].includes(lastKind);

    if (has('collective') && next?.text === 'of') {
      chosen = has('collective') as Meaning;
    } else if (has('collective') && noun) {
      chosen = noun;
    } else if (noun && verb) {
      chosen = afterSubject && !afterModifier ? verb : noun;
    } else if (has('color') && meanings.length > 1 && !noun && !nounAhead(tokens, i + span)) {
      // "snow", "gold", "chocolate" are colours only right before a noun ("a snow leopard" aside).
      chosen = meanings.find((m) => m.kind !== 'color') as Meaning;
    } else if (noun && (has('color') || has('size'))) {
      chosen = nounAhead(tokens, i + span) ? (has('color') ?? has('size')) as Meaning : noun;
    } else if (noun && (has('time') || has('weather') || has('setting') || scene)) {
      // "stars" is night unless counted ("five stars"); other scene-ish nouns are scene words.
      chosen = lastKind === 'number' && !(pending.weak) ? noun : (has('time') ?? has('weather') ?? has('setting') ?? scene) as Meaning;
    } else if (scene && verb) {
      chosen = afterSubject || (!afterModifier && !token.text.endsWith('s')) ? verb : scene;
    } else if (has('speed') && has('mood')) {
      chosen = reading.cameraMove ? has('speed') as Meaning : has('mood') as Meaning;
    } else if (has('edit') && (has('edit') as { op: string }).op === 'into' && editMode !== 'replace-from') {
      chosen = has('stop') ?? ({ kind: 'stop' });
    }
    if (chosen.kind === 'edit' && chosen.op === 'replace') {
      // "turn/replace X into/with Y" only when a target follows; otherwise "turn" is a verb ("the dancer turns").
      const rest = tokens.slice(i + span, i + span + 6).map((t) => t.text);
      if (!rest.some((w) => ['with', 'into', 'for', 'to'].includes(w))) chosen = has('verb') ?? ({ kind: 'stop' });
    }
    if (verb && !noun && ['turn', 'turns', 'change', 'changes'].includes(token.text)) {
      const rest = tokens.slice(i + 1, i + 6).map((t) => t.text);
      if (rest.includes('into')) chosen = { kind: 'edit', op: 'replace' };
    }

    for (let k = i; k < i + span; k++) (tokens[k] as Token).used = true;
    if (chosen.kind !== 'scene') lastScene = null;

    switch (chosen.kind) {
      case 'number':
        if (chosen.weak && pending.count !== null) break; // "two ... a" keeps the strong number
        pending.count = chosen.value;
        pending.weak = chosen.weak;
        break;
      case 'collective':
        pending.collective = chosen.value;
        if (i + span < tokens.length && tokens[i + span]?.text === 'of') (tokens[i + span] as Token).used = true;
        break;
      case 'color':
        pending.color = chosen.value;
        break;
      case 'size':
        pending.size = chosen.value;
        break;
      case 'sizeStep':
        pending.sizeStep += chosen.value;
        break;
      case 'noun': {
        if (editMode === 'remove') {
          reading.removed.push(chosen.entry.noun);
          resetPending();
          break;
        }
        if (editMode === 'replace-from' || editMode === 'instead') {
          if (editMode === 'instead') {
            const replacement = reading.subjects.at(-1);
            if (replacement) {
              reading.subjects.pop();
              reading.replacements.push({ from: chosen.entry.noun, to: replacement });
              editMode = 'none';
              resetPending();
              break;
            }
          }
          replaceFrom = chosen.entry.noun;
          resetPending();
          if (editMode === 'instead') editMode = 'replace-to'; // "instead of the dog, a cat"
          break;
        }
        const subject = makeSubject(chosen.entry, chosen.plural);
        if (editMode === 'replace-to' && replaceFrom) {
          reading.replacements.push({ from: replaceFrom, to: subject });
          replaceFrom = null;
          editMode = 'none';
        } else {
          reading.subjects.push(subject);
        }
        if (chosen.entry.setting) reading.nounHints.push(chosen.entry.setting);
        break;
      }
      case 'verb': {
        const group = reading.subjects.slice(groupStart).filter((s) => !s.action);
        if (group.length > 0) {
          for (const subject of group) subject.action = chosen.action;
          verbTargets = group;
        } else if (lastKind === 'pronoun' || (lastKind === 'stop' && reading.subjects.length > 0 && !nounAhead(tokens, i + 1))) {
          // "… a dog. It runs" / "a dog that runs": the verb belongs to the subjects already read.
          const previous = reading.subjects.slice(Math.min(groupStart, reading.subjects.length - 1));
          for (const subject of previous) if (!subject.action) subject.action = chosen.action;
          verbTargets = previous;
          if (previous.length === 0) pending.action = chosen.action;
        } else if (reading.subjects.length > 0 && !nounAhead(tokens, i + 1) && lastKind !== 'determiner') {
          const previous = reading.subjects.slice(groupStart > 0 ? groupStart - 1 : 0);
          const targets = previous.filter((s) => !s.action);
          if (targets.length) for (const subject of targets) subject.action = chosen.action;
          else pending.action ??= chosen.action;
          verbTargets = targets;
        } else {
          pending.action = chosen.action; // "running dogs", "a flying bird"
          verbTargets = [];
        }
        groupStart = reading.subjects.length;
        break;
      }
      case 'direction': {
        const targets = verbTargets.length ? verbTargets : reading.subjects.slice(groupStart);
        const free = targets.filter((s) => !s.direction);
        if (free.length) for (const subject of free) subject.direction = chosen.value;
        else if (reading.subjects.length === 0 || pending.action) pending.direction = chosen.value;
        else {
          const last = reading.subjects.at(-1);
          if (last && !last.direction) last.direction = chosen.value;
          else reading.orphan.direction = chosen.value;
        }
        break;
      }
      case 'time':
        reading.timeOfDay ??= chosen.value;
        if (W.sceneWords[token.text]) lastScene = token.text;
        break;
      case 'weather':
        reading.weather ??= chosen.value;
        if (W.sceneWords[token.text]) lastScene = token.text;
        break;
      case 'setting':
        // "sky" is the weakest setting: "birds in the sky over the ocean" is at the ocean.
        if (!reading.setting || reading.setting === 'sky') reading.setting = chosen.value;
        break;
      case 'style':
        reading.style ??= chosen.value;
        break;
      case 'mood':
        reading.mood ??= chosen.value;
        break;
      case 'speed':
        speedLoose ??= chosen.value;
        break;
      case 'scene': {
        lastScene = chosen.word;
        const hint = W.sceneWords[chosen.word]?.setting;
        if (hint) reading.sceneHints.push(hint);
        break;
      }
      case 'edit':
        if (chosen.op === 'add') reading.add = true;
        else if (chosen.op === 'remove') editMode = 'remove';
        else if (chosen.op === 'replace') editMode = 'replace-from';
        else if (chosen.op === 'instead') editMode = 'instead';
        else if (chosen.op === 'into' && editMode === 'replace-from') editMode = 'replace-to';
        break;
      case 'determiner':
      case 'pronoun':
      case 'stop':
        break;
    }
    lastKind = chosen.kind;
  }
  closeClause();
  if (editMode === 'replace-to' && replaceFrom) reading.removed.push(replaceFrom);
  if (speedLoose && !reading.cameraSpeed) reading.cameraSpeed = speedLoose;
  reading.unmatched = [...new Set(reading.unmatched.filter((word) => !W.stopwords.has(word)))];
  return reading;
}

// ---------------------------------------------------------------------------------------------- defaults, merging

function stepSize(size: Size, step: number): Size {
  const i = sizeOrder.indexOf(size);
  return sizeOrder[Math.max(0, Math.min(sizeOrder.length - 1, i + step))] ?? size;
}

function assetFor(entry: NounEntry | undefined, fallbackAsset: string, action: string): string {
  if (!entry) return fallbackAsset;
  return entry.variants?.[action] ?? entry.asset;
}

function toSubject(parsed: ParsedSubject): Subject {
  const action = parsed.action ?? parsed.entry.action;
  return {
    noun: parsed.entry.noun,
    asset: assetFor(parsed.entry, parsed.entry.asset, action),
    count: parsed.count,
    color: parsed.color,
    size: stepSize(parsed.size ?? 'medium', parsed.sizeStep),
    action,
    direction: parsed.direction ?? 'none',
  };
}

/** Apply what a parsed subject says explicitly to an existing subject. */
function editSubject(target: Subject, parsed: ParsedSubject, renamed: boolean): Subject {
  const entry = parsed.entry;
  const action = parsed.action ?? (renamed ? target.action : target.action);
  const result: Subject = {
    noun: entry.noun,
    asset: assetFor(entry, entry.asset, action),
    count: parsed.countExplicit ? parsed.count : target.count,
    color: parsed.color ?? (renamed ? null : target.color),
    size: stepSize(parsed.size ?? target.size, parsed.sizeStep),
    action,
    direction: parsed.direction ?? target.direction,
  };
  return result;
}

function mergeSubjects(base: readonly Subject[], reading: Reading): Subject[] {
  const index = lexicon();
  let result = base.map((s) => ({ ...s }));
  if (reading.removed.length) result = result.filter((s) => !reading.removed.includes(s.noun));
  for (const { from, to } of reading.replacements) {
    const at = result.findIndex((s) => s.noun === from);
    if (at >= 0) result[at] = editSubject(result[at] as Subject, to, true);
    else result.push(toSubject(to));
  }
  const mentioned = new Set<string>(reading.replacements.map((r) => r.to.entry.noun));
  const fresh: Subject[] = [];
  for (const parsed of reading.subjects) {
    const at = result.findIndex((s) => s.noun === parsed.entry.noun);
    if (at >= 0) {
      result[at] = editSubject(result[at] as Subject, parsed, false);
      mentioned.add(parsed.entry.noun);
    } else {
      fresh.push(toSubject(parsed));
    }
  }
  if (fresh.length) {
    // New nouns join the scene when the prompt says so ("add", "also", "with") or when it still talks about the old
    // subjects; otherwise they take the place of the subjects it no longer mentions ("a cat on the beach").
    if (reading.add || mentioned.size > 0 || result.length === 0) result.push(...fresh);
    else result = [...result.filter((s) => mentioned.has(s.noun)), ...fresh];
  }
  const o = reading.orphan;
  if (o.color || o.size || o.sizeStep || o.action || o.direction) {
    result = result.map((s) => {
      const action = o.action ?? s.action;
      return {
        ...s,
        color: o.color ?? s.color,
        size: stepSize(o.size ?? s.size, o.sizeStep),
        action,
        asset: assetFor(index.nounByName.get(s.noun), s.asset, action),
        direction: o.direction ?? s.direction,
      };
    });
  }
  return result;
}

const settingTime: Record<string, string> = { space: 'night', moon: 'night', stage: 'night', underwater: 'noon', cave: 'noon', room: 'afternoon' };
const nightNouns = new Set(['owl', 'bat', 'ufo', 'ghost', 'vampire', 'shooting star', 'comet', 'fireworks', 'lantern', 'candle', 'zombie']);

function chooseSetting(reading: Reading): string {
  if (reading.setting) return reading.setting;
  const { sceneHints, nounHints } = reading;
  for (const nounHint of nounHints) {
    if (sceneHints.length === 0 || sceneHints.every((hint) => (W.settingFamilies[hint] ?? [hint]).includes(nounHint))) {
      return nounHint;
    }
  }
  return sceneHints[0] ?? nounHints[0] ?? 'meadow';
}

const eerieNouns = new Set(['ghost', 'zombie', 'vampire', 'skull', 'spider', 'bat', 'black cat', 'goblin', 'monster', 'villain']);
const epicNouns = new Set(['dragon', 'dinosaur', 'sauropod', 'castle', 'eagle', 'phoenix', 'mammoth', 'rocket', 'knight', 'king', 'queen']);
const playfulActions = new Set(['bounce', 'hop', 'play', 'dance', 'chase', 'jump', 'roll', 'juggle', 'wave']);

/** A mood when the prompt names none, read from what is in the scene. */
export function inferMood(shot: Pick<ShotCore, 'subjects' | 'setting' | 'timeOfDay' | 'weather'>): string {
  const nounsIn = shot.subjects.map((s) => s.noun);
  if (nounsIn.some((n) => eerieNouns.has(n))) return 'eerie';
  if (shot.weather === 'storm') return 'tense';
  if (shot.weather === 'fog') return shot.timeOfDay === 'night' ? 'eerie' : 'mysterious';
  if (shot.weather === 'rain') return 'melancholy';
  if (nounsIn.some((n) => epicNouns.has(n))) return 'epic';
  if (shot.setting === 'space' || shot.setting === 'moon' || shot.setting === 'cave') return 'mysterious';
  if (shot.setting === 'volcano' || shot.setting === 'mountains' || shot.setting === 'canyon') return 'epic';
  if (shot.setting === 'stage') return 'energetic';
  if (shot.subjects.some((s) => playfulActions.has(s.action))) return 'playful';
  if (shot.timeOfDay === 'sunset' || shot.timeOfDay === 'golden-hour') return 'romantic';
  if (shot.setting === 'underwater' || shot.weather === 'snow') return 'dreamy';
  if (shot.timeOfDay === 'night' || shot.timeOfDay === 'dusk' || shot.timeOfDay === 'dawn') return 'calm';
  if (shot.subjects.some((s) => ['run', 'race', 'gallop', 'drive', 'fight'].includes(s.action))) return 'energetic';
  return 'cheerful';
}

const movingActions = new Set(['walk', 'run', 'fly', 'swim', 'drive', 'sail', 'race', 'gallop', 'chase', 'glide', 'drift', 'hop', 'crawl', 'ride', 'surf', 'skate', 'jump']);

/** Resolve a reading into a complete shot: explicit values, else the base shot's, else defaults. */
function resolve(reading: Reading, base: ShotCore | null): ShotCore {
  const subjects = base ? mergeSubjects(base.subjects, reading) : reading.subjects.map(toSubject);
  const setting = reading.setting ?? base?.setting ?? chooseSetting(reading);
  const timeFromNouns = subjects.some((s) => nightNouns.has(s.noun)) ? 'night' : null;
  const timeOfDay = (reading.timeOfDay ?? base?.timeOfDay ?? timeFromNouns ?? settingTime[setting] ?? 'afternoon') as Shot['timeOfDay'];
  const weather = (reading.weather ?? base?.weather ?? 'clear') as Shot['weather'];
  const anyMoving = subjects.some((s) => movingActions.has(s.action));
  // Moving subjects carry a shot by themselves; a still scene gets a slow push in, an empty one a slow pan.
  const defaultMove = subjects.length === 0 ? 'pan-right' : anyMoving ? 'static' : 'zoom-in';
  const camera = {
    move: (reading.cameraMove ?? base?.camera.move ?? defaultMove) as Shot['camera']['move'],
    speed: (reading.cameraSpeed ?? base?.camera.speed ?? (defaultMove !== 'static' && !reading.cameraMove ? 'slow' : 'medium')) as Shot['camera']['speed'],
  };
  const style = reading.style ?? base?.style ?? 'flat';
  const draft = { subjects, setting, timeOfDay, weather };
  // A base mood that was itself inferred is inferred again, so "make it night and stormy" can change it.
  const baseMoodWasInferred = base ? base.mood === inferMood(base) : true;
  const mood = reading.mood ?? (base && !baseMoodWasInferred ? base.mood : inferMood(draft));
  return { subjects, setting, timeOfDay, weather, camera, style, mood };
}

// ----------------------------------------------------------------------------------------------------------- shots

/** Split a storyboard prompt into shot texts: "Shot 1: … Shot 2: …", one per line, or "… then …". */
export function splitShots(prompt: string): string[] {
  const text = prompt.trim();
  const marker = /(?:^|[\s.;,])(?:shot|scene|cut|panel)\s*(?:#\s*)?(?:\d+|one|two|three|four|five|six|seven|eight)\s*[:.)\-–—]/gi;
  const marks = [...text.matchAll(marker)];
  if (marks.length >= 1) {
    const parts: string[] = [];
    const prefix = text.slice(0, marks[0]?.index ?? 0).trim();
    marks.forEach((m, i) => {
      const start = (m.index ?? 0) + m[0].length;
      const end = marks[i + 1]?.index ?? text.length;
      parts.push(text.slice(start, end).trim());
    });
    if (prefix && parts.length) parts[0] = `${prefix}. ${parts[0]}`;
    const nonEmpty = parts.filter(Boolean);
    if (nonEmpty.length) return nonEmpty.slice(0, MAX_SHOTS);
  }
  const lines = text.split(/\n+/).map((line) => line.trim()).filter(Boolean);
  if (lines.length >= 2) return lines.slice(0, MAX_SHOTS);
  const pieces = text
    .split(/(?:[,.;]\s*|\s+)(?:(?:and\s+then|then|after\s+that|afterwards|cut\s+to)\b[,:]?|(?:next|later|finally)\s*[,:])\s*/i)
    .map((piece) => piece.trim())
    .filter(Boolean);
  return (pieces.length ? pieces : [text]).slice(0, MAX_SHOTS);
}

function splitSeconds(total: number, n: number): number[] {
  const each = Math.floor((total / n) * 100) / 100;
  const list = Array.from({ length: n }, () => each);
  list[n - 1] = Math.round((total - each * (n - 1)) * 100) / 100;
  return list;
}

function topLevel(shots: Shot[], unmatched: string[]): ScenePlan {
  const first = shots[0] as Shot;
  const subjects: Subject[] = [];
  for (const shot of shots) {
    for (const subject of shot.subjects) {
      if (!subjects.some((s) => s.noun === subject.noun)) subjects.push(subject);
    }
  }
  return scenePlanSchema.parse({
    subjects, setting: first.setting, timeOfDay: first.timeOfDay, weather: first.weather, camera: first.camera,
    style: first.style, mood: first.mood, shots, unmatched,
  });
}

/** prompt (+ optional base plan to edit) -> a validated ScenePlan. Pure and deterministic. */
export function planPrompt(prompt: string, options: PlanOptions = {}): ScenePlan {
  const texts = splitShots(prompt);
  const base = options.base;
  const baseSeconds = base ? base.shots.reduce((sum, shot) => sum + shot.seconds, 0) : 0;
  const total = options.seconds ?? (baseSeconds > 0 ? baseSeconds : 4);
  const unmatched: string[] = [];
  const shots: Shot[] = [];

  if (base && texts.length === 1) {
    // Remix of a whole plan with one instruction: edit every shot the same way.
    const reading = read(prompt);
    const baseShots = base.shots.length ? base.shots : [{ ...base, prompt: '', seconds: total }];
    const seconds = splitSeconds(total, baseShots.length);
    baseShots.forEach((baseShot, i) => {
      shots.push({ ...resolve(reading, baseShot), prompt: baseShot.prompt ? `${baseShot.prompt} / ${prompt}` : prompt, seconds: seconds[i] ?? total });
    });
    unmatched.push(...reading.unmatched);
  } else {
    const seconds = splitSeconds(total, texts.length);
    let previous: ShotCore | null = null;
    texts.forEach((text, i) => {
      const reading = read(text);
      const baseShot: ShotCore | null = previous ?? (base ? (base.shots[i] ?? base.shots.at(-1) ?? base) : null);
      const core = resolve(reading, baseShot);
      shots.push({ ...core, prompt: text, seconds: seconds[i] ?? total });
      previous = core;
      unmatched.push(...reading.unmatched);
    });
  }
  return topLevel(shots, [...new Set(unmatched)]);
}
