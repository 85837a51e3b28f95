/**
 * Subjects as the plan states them: a parsed subject made complete, and a new reading applied to the subjects of an
 * earlier plan (remix, or the next shot of a storyboard): what the new text says replaces the old values, the rest is
 * kept.
 */
import type { Subject } from '../../../domain/scene-plan.js';
import { lexicon, type Size } from '../lexicon/index.js';
import type { NounEntry } from '../lexicon/nouns.js';
import { speciesColors } from '../lexicon/words.js';
import { MAX_SUBJECTS, type ParsedSubject, type Reading } from './reading.js';
import { actionFor } from './verb-sense.js';

const sizeOrder: readonly Size[] = ['tiny', 'small', 'medium', 'large', 'huge'];

function stepSize(size: Size, step: number): Size {
  const i = sizeOrder.indexOf(size);
  return sizeOrder[Math.max(0, Math.min(sizeOrder.length - 1, i + step))] ?? size;
}

/** The paint a subject is asked for: none where the colour word is part of the species' name ("a red fox"). */
function paintFor(noun: string, color: string | null): string | null {
  return color !== null && speciesColors[noun] === color ? null : color;
}

function assetFor(entry: NounEntry | undefined, fallbackAsset: string, action: string): string {
  if (!entry) return fallbackAsset;
  return entry.variants?.[action] ?? entry.asset;
}

/** A parsed subject with defaults for what the text left unsaid. */
export function toSubject(parsed: ParsedSubject): Subject {
  const action = actionFor(parsed.entry, parsed.action ?? parsed.entry.action);
  return {
    noun: parsed.entry.noun,
    asset: assetFor(parsed.entry, parsed.entry.asset, action),
    count: parsed.count,
    color: paintFor(parsed.entry.noun, parsed.color),
    size: stepSize(parsed.size ?? 'medium', parsed.sizeStep),
    action,
    direction: parsed.direction ?? 'none',
  };
}

/** Apply what a parsed subject says explicitly to an existing subject. */
function editSubject(target: Subject, parsed: ParsedSubject, renamed: boolean): Subject {
  const entry = parsed.entry;
  const action = actionFor(entry, parsed.action ?? target.action);
  return {
    noun: entry.noun,
    asset: assetFor(entry, entry.asset, action),
    count: parsed.countExplicit ? parsed.count : target.count,
    color: parsed.color ? paintFor(entry.noun, parsed.color) : renamed ? null : target.color,
    size: stepSize(parsed.size ?? target.size, parsed.sizeStep),
    action,
    direction: parsed.direction ?? target.direction,
  };
}

/**
 * What a pronoun does to the subjects it stands for: "it"/"he"/"she" is the first one that can move (not the house
 * it walked to), "they" all that can.
 */
function applyBack(subjects: Subject[], back: NonNullable<Reading['back']>): Subject[] {
  const index = lexicon();
  const movers = subjects.filter((s) => index.nounByName.get(s.noun)?.place !== 'fixed');
  const pool = movers.length ? movers : subjects;
  const targets = new Set(back.plural ? pool : pool.slice(0, 1));
  return subjects.map((s) => {
    if (!targets.has(s)) return s;
    const entry = index.nounByName.get(s.noun);
    const action = actionFor(entry, back.action ?? s.action);
    return { ...s, action, asset: assetFor(entry, s.asset, action), direction: back.direction ?? s.direction };
  });
}

/** Apply a reading to the subjects of an earlier plan. */
export function mergeSubjects(base: readonly Subject[], reading: Reading): Subject[] {
  const index = lexicon();
  let result = base.map((s) => ({ ...s }));
  if (reading.removed.length) result = result.filter((s) => !reading.removed.includes(s.noun));
  for (const { from, to } of reading.replacements) {
    const at = result.findIndex((s) => s.noun === from);
    if (at >= 0) result[at] = editSubject(result[at] as Subject, to, true);
    else result.push(toSubject(to));
  }
  if (reading.back) result = applyBack(result, reading.back);
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
    if (reading.add || reading.back || mentioned.size > 0 || result.length === 0) result.push(...fresh);
    else result = [...result.filter((s) => mentioned.has(s.noun)), ...fresh];
    // Subjects carried from earlier shots make way for new ones.
    result = result.slice(Math.max(0, result.length - MAX_SUBJECTS));
  }
  const o = reading.orphan;
  if (o.color || o.size || o.sizeStep || o.action || o.direction) {
    result = result.map((s) => {
      const entry = index.nounByName.get(s.noun);
      const action = actionFor(entry, o.action ?? s.action);
      return {
        ...s,
        color: o.color ?? s.color,
        size: stepSize(o.size ?? s.size, o.sizeStep),
        action,
        asset: assetFor(entry, s.asset, action),
        direction: o.direction ?? s.direction,
      };
    });
  }
  return result;
}
