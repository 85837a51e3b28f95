/**
 * The artwork vocabulary at run time: the committed rows of artwork-nouns.data.ts as noun entries, parsed once on
 * first use (about a millisecond; the packages they were made from are not read at all).
 */
import { artworkNounRows } from './artwork-nouns.data.js';
import type { NounEntry, NounKind, Orientation, Place } from './nouns.js';

let parsed: readonly NounEntry[] | undefined;

/** Every generated noun, in generation order (earlier sources first). */
export function artworkNouns(): readonly NounEntry[] {
  parsed ??= artworkNounRows.split('\n').filter(Boolean).map((row) => {
    const [noun = '', asset = '', kind, place, action = 'idle', scale = '1', orientation, aliases = ''] = row.split('|');
    return {
      noun, asset, kind: kind as NounKind, place: place as Place, action, scale: Number(scale),
      orientation: orientation as Orientation, heading: 180, aliases: aliases ? aliases.split(',') : [],
    };
  });
  return parsed;
}
