/**
 * Subjects as the plan states them: a parsed subject made complete, and a new reading applied to the subjects of an
 * earlier plan (remix, or the next shot of a storyboard): what the new text says replaces the old values, the rest is
 * kept.
 */
import type { Subject } from '../../../domain/scene-plan.js';
import { lexicon, type Size } from '../lexicon/index.js';
import type { NounEntry } from '../lexicon/nouns.js';
import type { ParsedSubject, Reading } from './reading.js';

const sizeOrder: readonly Size[] = ['tiny', 'small', 'medium', 'large', 'huge'];

function stepSize(size: Size, step: number): Size {
  const i = sizeOrder.indexOf(size);
  return sizeOrder[Math.max(0, Math.min(sizeOrder.length - 1, i + step))] ?? size;
}

function assetFor(entry: NounEntry | undefined, fallbackAsset: string, action: string): string {
  if (!entry) return fallbackAsset;
  return entry.variants?.[action] ?? entry.asset;
}

/** A parsed subject with defaults for what the text left unsaid. */
export function toSubject(parsed: ParsedSubject): Subject {
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
  const action = parsed.action ?? target.action;
  return {
    noun: entry.noun,
    asset: assetFor(entry, entry.asset, action),
    count: parsed.countExplicit ? parsed.count : target.count,
    color: parsed.color ?? (renamed ? null : target.color),
    size: stepSize(parsed.size ?? target.size, parsed.sizeStep),
    action,
    direction: parsed.direction ?? target.direction,
  };
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
