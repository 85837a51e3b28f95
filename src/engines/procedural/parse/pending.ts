/**
 * Modifiers read before their noun ("three small red", "running"), waiting for it. Each remembers the words that said
 * it, so a modifier that never finds a subject can be reported as unused instead of silently dropped.
 */
import type { Direction, Size } from '../lexicon/index.js';
import type { NounEntry } from '../lexicon/nouns.js';
import type { ParsedSubject } from './reading.js';

/** Upper bound on a subject's count: beyond this a crowd reads the same and rendering cost grows. */
const MAX_COUNT = 50;

/** Plural nouns without a number ("dogs") are a small group. */
const PLURAL_COUNT = 3;

export type Modifier = 'color' | 'size' | 'sizeStep' | 'action' | 'direction';

export class Pending {
  count: number | null = null;
  /** The count is only "a"/"an": one, but no stronger than a number said elsewhere. */
  weak = false;
  collective: number | null = null;
  color: string | null = null;
  size: Size | null = null;
  sizeStep = 0;
  action: string | null = null;
  direction: Direction | null = null;
  private words: Record<Modifier, string[]> = { color: [], size: [], sizeStep: [], action: [], direction: [] };

  /** Note the word behind a modifier just set. */
  said(modifier: Modifier, word: string): void {
    this.words[modifier].push(word);
  }

  /** A modifier was applied elsewhere: forget it and its words. */
  clear(modifier: Modifier): void {
    if (modifier === 'sizeStep') this.sizeStep = 0;
    else this[modifier] = null;
    this.words[modifier] = [];
  }

  /** The words of every modifier still waiting. */
  waitingWords(): string[] {
    return Object.values(this.words).flat();
  }

  reset(): void {
    Object.assign(this, new Pending());
  }

  /** The noun has come: a subject with every waiting modifier, which are then used up. */
  subject(entry: NounEntry, plural: boolean): ParsedSubject {
    let count = 1;
    let countExplicit = false;
    if (this.collective !== null) {
      count = this.count !== null && !this.weak ? this.count * this.collective : this.collective;
      countExplicit = true;
    } else if (this.count !== null && !this.weak) {
      count = this.count;
      countExplicit = true;
    } else if (plural) {
      count = PLURAL_COUNT;
      countExplicit = true;
    } else if (this.weak) {
      countExplicit = true;
    }
    const subject: ParsedSubject = {
      entry, count: Math.min(MAX_COUNT, Math.max(1, Math.round(count))), countExplicit, color: this.color,
      size: this.size, sizeStep: this.sizeStep, action: this.action, direction: this.direction,
    };
    this.reset();
    return subject;
  }
}
