/**
 * The reader: one piece of text (one shot) -> a Reading. Camera phrases are found first, then the rest is read left to
 * right with longest-phrase matching against the lexicons. Modifiers (count, size, colour) wait for the next noun;
 * verbs attach to the noun group before them (or the next one: "running dogs"); directions attach to the last verb's
 * subjects. Every content word that nothing used is reported in `unmatched`, so a person sees what was ignored.
 */
import { lexicon, type Direction, type Meaning, type Size } from '../lexicon/index.js';
import type { NounEntry } from '../lexicon/nouns.js';
import * as W from '../lexicon/words.js';
import { findCamera } from './camera-phrase.js';
import { chooseMeaning, lookUp, nounAhead, type LastKind } from './meaning.js';
import { emptyReading, type ParsedSubject, type Reading } from './reading.js';
import { tokenize, type Token } from './tokens.js';

/** Upper bound on a subject's count: beyond this a crowd reads the same and rendering cost grows. */
const MAX_COUNT = 50;

/** Read one piece of text (one shot) into a Reading. */
export function read(text: string): Reading {
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

    const { meanings: known, span } = lookUp(tokens, i);

    // A verb right after a scene word is part of that scene ("waves crash", "the sun sets").
    const verbBase = index.verbForms.get(token.text);
    if (span === 1 && lastScene && verbBase && index.sceneVerbs.get(lastScene)?.has(verbBase)) {
      token.used = true;
      lastScene = null;
      continue;
    }
    if (known.length === 0 && !/^\d+$/.test(token.text)) {
      lastKind = 'unknown';
      if (token.text.length > 1) reading.unmatched.push(token.text);
      continue;
    }
    const meanings: Meaning[] = known.length ? known : [{ kind: 'number', value: Number(token.text), weak: false }];

    const chosen = chooseMeaning(meanings, {
      tokens, at: i, span, lastKind, afterSubject: lastKind === 'noun' && reading.subjects.length > groupStart,
      weakCount: pending.weak, cameraMove: reading.cameraMove, replacing: editMode === 'replace-from',
    });

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
