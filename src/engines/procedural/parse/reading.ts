/** The reader's result: the subjects as read, with their modifiers, and everything else a piece of text says. */
import type { Direction, Size } from '../lexicon/index.js';
import type { NounEntry } from '../lexicon/nouns.js';

/** Most subjects one shot shows: beyond this a scene is a jumble, and each one costs drawing time. */
export const MAX_SUBJECTS = 12;

export interface ParsedSubject {
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
export interface Reading {
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
  /** What a pronoun with no noun before it in this text does ("… then it flies away"): it is about earlier subjects. */
  back: { plural: boolean; action: string | null; direction: Direction | null } | null;
  /** The words behind `orphan` and `back`: unused, and so unmatched, when there are no earlier subjects. */
  orphanWords: string[];
  unmatched: string[];
}

export function emptyReading(): Reading {
  return {
    subjects: [], setting: null, sceneHints: [], nounHints: [], timeOfDay: null, weather: null, cameraMove: null, cameraSpeed: null,
    style: null, mood: null, add: false, removed: [], replacements: [],
    orphan: { color: null, size: null, sizeStep: 0, action: null, direction: null }, back: null, orphanWords: [], unmatched: [],
  };
}
