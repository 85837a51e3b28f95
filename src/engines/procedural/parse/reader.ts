/**
 * The reader: one piece of text (one shot) -> a Reading. Camera phrases are found first, then the rest is read left to
 * right with longest-phrase matching against the lexicons. Modifiers (count, size, colour) wait for the next noun;
 * verbs attach to the noun group before them (or the next one: "running dogs"); directions attach to the last verb's
 * subjects. Every content word that nothing used is reported in `unmatched`, so a person sees what was ignored.
 */
import { lexicon, singulars, type Direction, type Meaning } from '../lexicon/index.js';
import * as W from '../lexicon/words.js';
import { findCamera } from './camera-phrase.js';
import { chooseMeaning, lookUp, nounAhead, objectAhead, type LastKind } from './meaning.js';
import { Pending } from './pending.js';
import { emptyReading, MAX_SUBJECTS, type ParsedSubject, type Reading } from './reading.js';
import { tokenize, type Token } from './tokens.js';
import { FLY_SOMETHING, TRAVEL } from './verb-sense.js';

/** Whether two settings describe one place (a beach on an island, the sea off a harbour). */
function sameScene(a: string, b: string): boolean {
  return a === b || (W.settingFamilies[a]?.includes(b) ?? false) || (W.settingFamilies[b]?.includes(a) ?? false);
}

/** Words that open a relative clause after a noun ("a ball that two puppies chase", "a dog who sleeps"). */
const relativeWords = new Set(['that', 'which', 'who', 'whom']);
/** Pronouns that stand for several subjects. */
const pluralPronouns = new Set(['they', 'them', 'their', 'everyone', 'all of them', 'both of them']);
/** Boundaries that end a sentence; a comma only ends a clause. */
const sentenceEnds = new Set(['.', '!', '?', ';', '\n']);

/** A subject free to take a verb: it has none yet, or only standing there. */
const isFree = (subject: ParsedSubject | undefined): boolean => !!subject && (!subject.action || subject.action === 'idle');

/** A word nothing used is reported, except stray single letters and digits ("ukiyo-e", "a/b"). */
const reportable = (token: Token): boolean => !/^[a-z0-9]$/.test(token.raw);

/** Read one piece of text (one shot) into a Reading. */
export function read(text: string): Reading {
  const index = lexicon();
  const tokens = tokenize(text);
  const reading = emptyReading();
  const camera = findCamera(tokens);
  reading.cameraMove = camera.move;
  reading.cameraSpeed = camera.speed;

  const pending = new Pending();
  let groupStart = 0; // subjects[groupStart..] form the current noun group (no verb seen for them yet)
  let sentenceStart = 0; // subjects[sentenceStart] is what the sentence is about
  let verbTargets: ParsedSubject[] = [];
  /** The noun group a relative clause is about, until its verb ("a ball that two puppies are chasing"). */
  let relativeHead: ParsedSubject[] | null = null;
  /** The pronoun the clause is about, until a noun or its verb comes. */
  let pronoun: string | null = null;
  /** Where the last verb went, and so its direction: to subjects read here, through a pronoun to earlier ones, or
   * nowhere (its subject was a word it does not know). */
  let verbWent: 'here' | 'back' | 'nowhere' = 'here';
  let lastKind: LastKind = 'boundary';
  let lastScene: string | null = null;
  let editMode: 'none' | 'remove' | 'replace-from' | 'replace-to' | 'instead' = 'none';
  let replaceFrom: string | null = null;
  let speedLoose: string | null = null;

  const closeClause = (): void => {
    // Trailing modifiers ("a car, red and shiny") belong to the last noun group; a verb with no noun waits.
    const group = reading.subjects.slice(groupStart);
    const last = group.at(-1) ?? reading.subjects.at(-1);
    if (last) {
      if (pending.color && !last.color) { last.color = pending.color; pending.clear('color'); }
      if (pending.size && !last.size) { last.size = pending.size; pending.clear('size'); }
      if (pending.action) {
        for (const subject of group.length ? group : [last]) if (!subject.action) subject.action = pending.action;
        pending.clear('action');
      }
    }
    const o = reading.orphan;
    if (pending.color) o.color = pending.color;
    if (pending.size) o.size = pending.size;
    if (pending.sizeStep) o.sizeStep = pending.sizeStep;
    if (pending.action) o.action = pending.action;
    if (pending.direction) o.direction = pending.direction;
    reading.orphanWords.push(...pending.waitingWords());
    pending.reset();
    if (editMode === 'remove') editMode = 'none';
  };

  /** A verb: to the noun group before it, the head of a relative clause, a pronoun's subjects, or the next noun. */
  const attachVerb = (action: string, i: number, word: string): void => {
    const group = reading.subjects.slice(groupStart).filter((s) => !s.action);
    verbWent = 'here';
    if (group.length > 0) {
      for (const subject of group) subject.action = action;
      verbTargets = group;
    } else if (relativeHead) {
      // "a dog that runs": the relative clause has no subject of its own, so its verb is the head's.
      verbTargets = relativeHead.filter((s) => !s.action);
      for (const subject of verbTargets) subject.action = action;
    } else if (pronoun !== null && reading.subjects.length === 0) {
      // "… then it flies away": the subjects are in an earlier shot or plan.
      reading.back ??= { plural: pluralPronouns.has(pronoun), action: null, direction: null };
      reading.back.action ??= action;
      reading.orphanWords.push(word);
      verbTargets = [];
      verbWent = 'back';
    } else if (lastKind === 'boundary' && isFree(reading.subjects[sentenceStart]) && !nounAhead(tokens, i + 1)) {
      // "an otter stands on a surfboard, riding the waves": after a comma the verb is the sentence subject's.
      const head = reading.subjects[sentenceStart] as ParsedSubject;
      head.action = action;
      verbTargets = [head];
    } else if (pronoun !== null || (lastKind === 'stop' && reading.subjects.length > 0 && !nounAhead(tokens, i + 1))) {
      // "… a dog. It runs": the verb belongs to the subjects already read.
      const previous = reading.subjects.slice(Math.min(groupStart, reading.subjects.length - 1));
      for (const subject of previous) if (!subject.action) subject.action = action;
      verbTargets = previous;
    } else if (reading.subjects.length > 0 && !nounAhead(tokens, i + 1) && lastKind !== 'determiner') {
      const previous = reading.subjects.slice(groupStart > 0 ? groupStart - 1 : 0);
      const targets = previous.filter((s) => !s.action);
      if (targets.length) for (const subject of targets) subject.action = action;
      else if (!pending.action) { pending.action = action; pending.said('action', word); }
      verbTargets = targets;
    } else if (lastKind === 'unknown' && !nounAhead(tokens, i + 1)) {
      reading.unmatched.push(word); // "a corgi running": what runs is the word it does not know
      verbTargets = [];
      verbWent = 'nowhere';
    } else {
      pending.action = action; // "running dogs", "a flying bird"
      pending.said('action', word);
      verbTargets = [];
    }
    relativeHead = null;
    pronoun = null;
    groupStart = reading.subjects.length;
  };

  const attachDirection = (value: Direction, word: string): void => {
    if (verbWent === 'back' && reading.back) {
      reading.back.direction ??= value;
      reading.orphanWords.push(word);
      return;
    }
    if (verbWent === 'nowhere') {
      reading.unmatched.push(word);
      return;
    }
    const targets = verbTargets.length ? verbTargets : reading.subjects.slice(groupStart);
    const free = targets.filter((s) => !s.direction);
    if (free.length) for (const subject of free) subject.direction = value;
    else if (reading.subjects.length === 0 || pending.action) {
      pending.direction = value;
      pending.said('direction', word);
    }
    else {
      const last = reading.subjects.at(-1);
      if (last && !last.direction) last.direction = value;
      else reading.orphan.direction = value;
    }
  };

  const addSubject = (subject: ParsedSubject): void => {
    reading.subjects.push(subject);
    if (subject.entry.setting) reading.nounHints.push(subject.entry.setting);
    pronoun = null;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    if (token.boundary) {
      closeClause();
      groupStart = reading.subjects.length;
      if (sentenceEnds.has(token.text)) sentenceStart = groupStart;
      verbTargets = [];
      relativeHead = null;
      pronoun = null;
      verbWent = 'here';
      lastKind = 'boundary';
      lastScene = null;
      continue;
    }
    if (token.used) continue;

    if (relativeWords.has(token.text) && lastKind === 'noun') {
      // The noun group before a relative clause waits for the clause's verb, unless the clause has its own subject.
      token.used = true;
      relativeHead = reading.subjects.slice(groupStart);
      groupStart = reading.subjects.length;
      lastKind = 'stop';
      continue;
    }

    const { meanings: known, span } = lookUp(tokens, i);

    // A verb right after a scene word, or right before it, is part of that scene ("waves crash", "falling snow").
    const verbBase = index.verbForms.get(token.text);
    const nextWord = tokens[i + 1]?.text ?? '';
    if (span === 1 && verbBase && (index.sceneVerbs.get(lastScene ?? '')?.has(verbBase) || index.sceneVerbs.get(nextWord)?.has(verbBase))) {
      token.used = true;
      lastScene = null;
      continue;
    }
    if (known.length === 0 && !/^\d+$/.test(token.text)) {
      lastKind = 'unknown';
      if (reportable(token)) reading.unmatched.push(token.raw);
      continue;
    }
    const meanings: Meaning[] = known.length ? known : [{ kind: 'number', value: Number(token.text), weak: false }];

    const chosen = chooseMeaning(meanings, {
      tokens, at: i, span, lastKind, afterSubject: lastKind === 'noun' && reading.subjects.length > groupStart,
      weakCount: pending.weak, cameraMove: reading.cameraMove, replacing: editMode === 'replace-from',
    });

    for (let k = i; k < i + span; k++) (tokens[k] as Token).used = true;
    const words = tokens.slice(i, i + span).map((t) => t.raw).join(' ');
    const phrase = tokens.slice(i, i + span).map((t) => t.text).join(' ');
    if (chosen.kind !== 'scene') lastScene = null;

    switch (chosen.kind) {
      case 'number':
        if (/^years?$/.test(tokens[i + span]?.text ?? '')) {
          // "a 30 year old man" is an age, not thirty men.
          for (const k of [i + span, i + span + 1]) if (/^(?:years?|old)$/.test(tokens[k]?.text ?? '')) (tokens[k] as Token).used = true;
          break;
        }
        if (chosen.weak && pending.count !== null) break; // "two ... a" keeps the strong number
        pending.count = chosen.value;
        pending.weak = chosen.weak;
        break;
      case 'collective': {
        const followedByOf = tokens[i + span]?.text === 'of';
        if (followedByOf) {
          (tokens[i + span] as Token).used = true;
          pending.collective = chosen.value;
          break;
        }
        // "a crowd cheering", "a flock flew over": a group word names its members when no noun follows.
        const members = [token.text, ...singulars(token.text)].map((w) => W.collectiveMembers[w]).find(Boolean);
        const entry = members ? index.nounByName.get(members) : undefined;
        if (entry && !nounAhead(tokens, i + span)) {
          pending.collective = chosen.value;
          addSubject(pending.subject(entry, false));
        } else if (reportable(token)) {
          reading.unmatched.push(words); // "a band playing": a group of what, it does not say
        }
        break;
      }
      case 'color':
        pending.color = chosen.value;
        pending.said('color', words);
        break;
      case 'size':
        pending.size = chosen.value;
        pending.said('size', words);
        break;
      case 'sizeStep':
        pending.sizeStep += chosen.value;
        pending.said('sizeStep', words);
        break;
      case 'noun': {
        if (editMode === 'remove') {
          reading.removed.push(chosen.entry.noun);
          pending.reset();
          break;
        }
        if (editMode === 'replace-from' || editMode === 'instead') {
          if (editMode === 'instead') {
            const replacement = reading.subjects.at(-1);
            if (replacement) {
              reading.subjects.pop();
              reading.replacements.push({ from: chosen.entry.noun, to: replacement });
              editMode = 'none';
              pending.reset();
              break;
            }
          }
          replaceFrom = chosen.entry.noun;
          pending.reset();
          if (editMode === 'instead') editMode = 'replace-to'; // "instead of the dog, a cat"
          break;
        }
        if (reading.subjects.length >= MAX_SUBJECTS) {
          reading.unmatched.push(...pending.waitingWords(), words); // understood, but one subject too many to show
          pending.reset();
          break;
        }
        const subject = pending.subject(chosen.entry, chosen.plural);
        if (editMode === 'replace-to' && replaceFrom) {
          reading.replacements.push({ from: replaceFrom, to: subject });
          replaceFrom = null;
          editMode = 'none';
          pronoun = null;
        } else {
          addSubject(subject);
        }
        break;
      }
      case 'verb': {
        // Some verbs mean each subject's own way of doing it; verb-sense.ts settles them once the subject is known.
        const base = index.verbForms.get(token.text) ?? '';
        const travel = chosen.action === 'walk' && span === 1 && W.travelVerbs.has(base);
        const flySomething = chosen.action === 'fly' && span === 1 && objectAhead(tokens, i + 1);
        attachVerb(travel ? TRAVEL : flySomething ? FLY_SOMETHING : chosen.action, i, words);
        break;
      }
      case 'direction':
        attachDirection(chosen.value, words);
        break;
      case 'time':
        reading.timeOfDay ??= chosen.value;
        if (W.sceneWords[phrase]) lastScene = phrase;
        break;
      case 'weather':
        reading.weather ??= chosen.value;
        if (W.sceneWords[phrase]) lastScene = phrase;
        break;
      case 'setting':
        // "sky" is the weakest setting ("birds in the sky over the ocean" is at the ocean); of two settings in a row
        // the second is the place and the first describes it ("a mountain lake").
        if (!reading.setting || reading.setting === 'sky' || lastKind === 'setting') reading.setting = chosen.value;
        // A second place the shot cannot also be ("mountains with a river") is not drawn: say so.
        else if (!sameScene(reading.setting, chosen.value)) reading.unmatched.push(phrase);
        if (W.sceneWords[phrase]) lastScene = phrase;
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
      case 'pronoun':
        pronoun = tokens.slice(i, i + span).map((t) => t.text).join(' ');
        break;
      case 'determiner':
      case 'stop':
        break;
    }
    lastKind = chosen.kind;
  }
  closeClause();
  if (editMode === 'replace-to' && replaceFrom) reading.removed.push(replaceFrom);
  if (speedLoose && !reading.cameraSpeed) reading.cameraSpeed = speedLoose;
  // Reported one word at a time, and never a function word: "to the left" with nothing to move is just "left", and
  // prepositions read as directions ("across the harbour") are no loss.
  const contentWords = (words: string[]): string[] => words.flatMap((w) => w.split(' ')).filter((w) => !W.stopwords.has(w));
  reading.orphanWords = contentWords(reading.orphanWords);
  reading.unmatched = [...new Set(contentWords(reading.unmatched))];
  return reading;
}
