/**
 * Camera phrases are found before anything else is read, because they read like verbs ("the camera slowly pushes
 * in") and would otherwise be taken for what a subject does.
 */
import * as W from '../lexicon/words.js';
import type { Token } from './tokens.js';

const cameraWords = new Set(['camera', 'cam', 'lens', 'shot']);

/** Find the camera move and the speed words around it, and mark their tokens used. */
export function findCamera(tokens: Token[]): { move: string | null; speed: string | null } {
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
  // "panning camera", "the camera: whip pan": the word camera next to its move is the camera, not a thing to draw.
  for (const i of [first - 1, last + 1]) {
    const token = tokens[i];
    if (token && !token.boundary && cameraWords.has(token.text)) token.used = true;
  }
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
