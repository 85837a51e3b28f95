/** A storyboard prompt split into its shots, and the clip's length shared out between them. */

const MAX_SHOTS = 8;

/** Split a storyboard prompt into shot texts: "Shot 1: … Shot 2: …", one per line, or "… then …". */
export function splitShots(prompt: string): string[] {
  const text = prompt.trim();
  const marker = /(?:^|[\s.;,])(?:shot|scene|cut|panel)\s*(?:#\s*)?(?:\d+|one|two|three|four|five|six|seven|eight)\s*[:.)\-–—]/gi;
  const marks = [...text.matchAll(marker)];
  if (marks.length >= 1) {
    const parts: string[] = [];
    const prefix = text.slice(0, marks[0]?.index ?? 0).trim();
    marks.forEach((m, i) => {
      const start = (m.index ?? 0) + m[0].length;
      const end = marks[i + 1]?.index ?? text.length;
      parts.push(text.slice(start, end).trim());
    });
    if (prefix && parts.length) parts[0] = `${prefix}. ${parts[0]}`;
    const nonEmpty = parts.filter(Boolean);
    if (nonEmpty.length) return nonEmpty.slice(0, MAX_SHOTS);
  }
  const lines = text.split(/\n+/).map((line) => line.trim()).filter(Boolean);
  if (lines.length >= 2) return lines.slice(0, MAX_SHOTS);
  const pieces = text
    .split(/(?:[,.;]\s*|\s+)(?:(?:and\s+then|then|after\s+that|afterwards|cut\s+to)\b[,:]?|(?:next|later|finally)\s*[,:])\s*/i)
    .map((piece) => piece.trim())
    .filter(Boolean);
  return (pieces.length ? pieces : [text]).slice(0, MAX_SHOTS);
}

/** `total` seconds shared by `n` shots, to the hundredth; the last shot takes the rounding remainder. */
export function splitSeconds(total: number, n: number): number[] {
  const each = Math.floor((total / n) * 100) / 100;
  const list = Array.from({ length: n }, () => each);
  list[n - 1] = Math.round((total - each * (n - 1)) * 100) / 100;
  return list;
}
