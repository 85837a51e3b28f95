/**
 * Verbs whose action depends on who does it: "crossing" is walking for a man, sailing for a boat and flying for a
 * plane; "flying a kite" is what a person does holding one. The reader gives such a verb a placeholder action, and
 * the placeholder becomes a real action here once the subject is known.
 */
import type { NounEntry } from '../lexicon/nouns.js';

/** "go", "cross", "head off": moving on, the way this subject moves. */
export const TRAVEL = '~travel';
/** "flying a kite": working something that flies; only a thing that can fly flies itself. */
export const FLY_SOMETHING = '~fly-something';

/** Default actions that are a way of getting somewhere. */
const travelling = new Set([
  'walk', 'run', 'fly', 'swim', 'drive', 'sail', 'gallop', 'glide', 'hop', 'crawl', 'ride', 'race', 'surf', 'skate', 'drift', 'float',
]);

/** The real action for a subject, whatever placeholder the reader gave it. */
export function actionFor(entry: NounEntry | undefined, action: string): string {
  if (action === TRAVEL) return entry && travelling.has(entry.action) ? entry.action : 'walk';
  if (action === FLY_SOMETHING) return entry?.kind === 'person' ? 'idle' : 'fly';
  return action;
}
