/** A storyboard prompt split into its shots, and the clip's length shared out between them. */

const MAX_SHOTS = 8;

/** "Shot 1:", "Scene two -", "Panel #3)". */
const shotMarker = /(?:^|[\s.;,])(?:shot|scene|cut|panel)\s*(?:#\s*)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:\([^)]*\)\s*)?[:.)\-–—]/gi;
/** Words that move a story on to its next shot: "then", "after that", "cut to", and "next,"/"later," after a pause. */
const sequenceWord =
  /(?:[,.;]\s*|\s+)(?:and\s+then|then|after\s+that|afterwards|cut\s+to)\b[,:]?\s*|[,.;]\s*(?:next|later|finally|eventually|meanwhile)\b[,:]?\s*|\s+(?:next|later|finally|eventually)\s*[,:]\s*/i;
/** Order words that open a shot and say nothing about it. */
const leadingOrder = /^(?:(?:and\s+)?then|first(?:ly)?|at\s+first|to\s+begin(?:\s+with)?)\b[\s,:]*/i;
/** A length written into a shot: "(2s)", "for 3 seconds", "1.5 sec". */
const shotLength = /(\d+(?:\.\d+)?)\s*(?:s|sec|secs|seconds?)\b/i;

/** At most MAX_SHOTS shots: the ones beyond it join the last, so nothing the prompt says is dropped. */
function capShots(parts: string[]): string[] {
  const texts = parts.map((part) => part.replace(leadingOrder, '').trim()).filter((part) => /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(part));
  if (texts.length <= MAX_SHOTS) return texts;
  const rest = texts.slice(MAX_SHOTS - 1).map((t) => (/[.!?;]$/.test(t) ? t : `${t}.`));
  return [...texts.slice(0, MAX_SHOTS - 1), rest.join(' ')];
}

/** Split a storyboard prompt into shot texts: "Shot 1: … Shot 2: …", one per line, or "… then …". */
export function splitShots(prompt: string): string[] {
  const text = prompt.trim();
  const marks = [...text.matchAll(shotMarker)];
  if (marks.length >= 1) {
    const parts: string[] = [];
    const prefix = text.slice(0, marks[0]?.index ?? 0).trim();
    marks.forEach((m, i) => {
      // A length written in the marker ("Shot 1 (2s):") stays with its shot.
      const length = /\(([^)]*)\)/.exec(m[0])?.[1] ?? '';
      const start = (m.index ?? 0) + m[0].length;
      const end = marks[i + 1]?.index ?? text.length;
      parts.push(`${length ? `(${length}) ` : ''}${text.slice(start, end).trim()}`);
    });
    if (prefix && parts.length) parts[0] = `${prefix}. ${parts[0]}`;
    const shots = capShots(parts);
    if (shots.length) return shots;
  }
  const lines = capShots(text.split(/\n+/));
  if (lines.length >= 2) return lines;
  const pieces = capShots(text.split(sequenceWord));
  return pieces.length ? pieces : [text];
}

/** The length a shot's text asks for, if it names one. */
export function statedSeconds(shot: string): number | null {
  const match = shotLength.exec(shot);
  const seconds = match ? Number(match[1]) : NaN;
  return seconds > 0 ? seconds : null;
}

/**
 * `total` seconds shared by the shots, to the hundredth, in proportion to the lengths they state (a shot that states
 * none weighs the average of those that do, or all weigh the same); the last shot takes the rounding remainder.
 */
export function splitSeconds(total: number, shots: number | string[]): number[] {
  const texts = typeof shots === 'number' ? Array.from({ length: shots }, () => '') : shots;
  const n = Math.max(1, texts.length);
  const stated = texts.map(statedSeconds);
  const given = stated.filter((s): s is number => s !== null);
  const fallback = given.length ? given.reduce((a, b) => a + b, 0) / given.length : 1;
  const weights = Array.from({ length: n }, (_, i) => stated[i] ?? fallback);
  const sum = weights.reduce((a, b) => a + b, 0);
  const list = weights.map((w) => Math.max(0.01, Math.floor(((total * w) / sum) * 100) / 100));
  const others = list.slice(0, -1).reduce((a, b) => a + b, 0);
  list[n - 1] = Math.round((total - others) * 100) / 100;
  if ((list[n - 1] ?? 0) > 0) return list;
  return splitSeconds(total, n);
}
