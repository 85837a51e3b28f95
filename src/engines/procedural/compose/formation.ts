/**
 * How the members of a counted group stand relative to each other: rows on the ground, a line on the water, a V for
 * a few birds in flight, and a loose staggered cluster for everything else in the air or water ("three balloons",
 * "a school of fish"). Spacing follows the members' size so they never pile up on one spot, and a formation that
 * would not fit its zone is squeezed (never below touching distance) rather than pushed out of frame.
 */
import type { Rng } from '../prng.js';

/** One member's offset from the group's home point (world units) and its own scale (depth variety). */
export interface Slot {
  dx: number;
  dy: number;
  scale: number;
}

export interface FormationInput {
  count: number;
  /** Height of one member (world units). */
  size: number;
  /** +1 travelling right, -1 left: a V points the way it flies. */
  dir: 1 | -1;
  /** Birds on the wing take a V when there are a few of them. */
  flock: boolean;
  /** Widest and tallest the formation may be (world units). */
  maxWidth: number;
  maxHeight: number;
  /** A school of fish spreads wider than tall. */
  wide: boolean;
  rng: Rng;
}

/** Geese-style V: the leader in front, the others trailing back along two arms, one arm above the other. */
function vee(input: FormationInput): Slot[] {
  const { count, size, dir, rng } = input;
  const along = Math.min(size * 1.05, input.maxWidth / Math.max(1, Math.ceil((count - 1) / 2)));
  const across = Math.min(size * 0.55, input.maxHeight / Math.max(1, count - 1));
  const slots: Slot[] = [];
  for (let k = 0; k < count; k++) {
    const rank = Math.ceil(k / 2);
    const side = k % 2 === 1 ? -1 : 1;
    slots.push({ dx: -dir * rank * along, dy: side * rank * across, scale: rng.range(0.95, 1.03) });
  }
  return centred(slots);
}

/**
 * A staggered grid with a little jitter: members at least ~0.9 of a size apart however they fall. A single row
 * bows into a gentle arc, the way a bunch of balloons or a line of lanterns hangs.
 */
function cluster(input: FormationInput): Slot[] {
  const { count, size, rng } = input;
  const aspect = input.wide ? 2.6 : 1.6;
  let cols = Math.max(1, Math.min(count, Math.round(Math.sqrt(count * aspect))));
  let cell = size * 1.35;
  // Squeeze to fit the width, down to touching; past that, add rows instead.
  while (cols > 1 && cols * cell > input.maxWidth) {
    const squeezed = input.maxWidth / cols;
    if (squeezed >= size * 1.02) {
      cell = squeezed;
      break;
    }
    cols--;
  }
  const rows = Math.ceil(count / cols);
  const rowStep = Math.max(size * 0.95, Math.min(cell * 0.85, input.maxHeight / Math.max(1, rows - 1)));
  const slots: Slot[] = [];
  for (let k = 0; k < count; k++) {
    const row = Math.floor(k / cols);
    const inRow = Math.min(cols, count - row * cols);
    const col = k % cols;
    const u = inRow > 1 ? col / (inRow - 1) - 0.5 : 0;
    const arc = rows === 1 && inRow > 2 ? -(0.25 - u * u) * size * 0.9 : 0;
    slots.push({
      dx: (col - (inRow - 1) / 2) * cell + (row % 2 ? cell * 0.5 : 0) + rng.range(-0.12, 0.12) * cell,
      dy: row * rowStep + arc + rng.range(-0.12, 0.12) * rowStep,
      scale: rng.range(0.9, 1.05),
    });
  }
  return centred(slots);
}

function centred(slots: Slot[]): Slot[] {
  const mx = slots.reduce((s, p) => s + p.dx, 0) / slots.length;
  const my = slots.reduce((s, p) => s + p.dy, 0) / slots.length;
  return slots.map((p) => ({ ...p, dx: p.dx - mx, dy: p.dy - my }));
}

/** Offsets for a group in the air or under water. */
export function openFormation(input: FormationInput): Slot[] {
  if (input.count <= 1) return [{ dx: 0, dy: 0, scale: 1 }];
  if (input.flock && input.count >= 3 && input.count <= 11) return vee(input);
  return cluster(input);
}
