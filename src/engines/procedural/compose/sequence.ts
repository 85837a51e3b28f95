/**
 * How timeline frames become output frames when pictures are blended: a crossfade between storyboard shots (both
 * shots are drawn over the frames they share and mixed), and a loop's seam (the head of the clip is mixed with the
 * frames that would follow its end, so the last frame leads straight into the first). Pure arithmetic on frame
 * numbers; the renderer draws each layer and mixes them by weight.
 */
import type { ShotTrack, Timeline } from '../timeline.js';

/** Length of a crossfade between shots, and of a loop's seam. */
const BLEND_SECONDS = 0.5;

/** One picture in an output frame: `shot` drawn at timeline frame `frame`, counting `weight` (weights sum to 1). */
export interface FrameLayer {
  shot: number;
  frame: number;
  weight: number;
}

/** Frames consecutive shots share in a crossfade: half a second, but never more than half of the shortest shot. */
export function crossfadeFrames(counts: readonly number[], fps: number): number {
  if (counts.length < 2) return 0;
  const frames = Math.min(Math.round(BLEND_SECONDS * fps), Math.floor(Math.min(...counts) / 2));
  return frames >= 2 ? frames : 0;
}

/** Frames of a loop's seam: half a second, but at most a quarter of the clip. */
export function loopSeamFrames(frames: number, fps: number): number {
  return Math.min(Math.round(BLEND_SECONDS * fps), Math.floor(frames / 4));
}

/**
 * Each shot's span when consecutive shots share `overlap` frames centred on the cut between them; `counts` are the
 * frames each shot has between cuts. Without overlap the spans are the plain back-to-back partition.
 */
export function shotSpans(counts: readonly number[], overlap: number): Array<{ start: number; frames: number }> {
  const before = Math.floor(overlap / 2);
  const after = overlap - before;
  let cut = 0;
  return counts.map((count, i) => {
    const start = cut - (i > 0 ? before : 0);
    const end = cut + count + (i < counts.length - 1 ? after : 0);
    cut += count;
    return { start, frames: end - start };
  });
}

const covers = (shot: ShotTrack, frame: number): boolean => frame >= shot.startFrame && frame < shot.startFrame + shot.frames;

/** The shots drawn at timeline frame `frame` (past the end: the last shot, running on). */
function layersAt(timeline: Timeline, frame: number): FrameLayer[] {
  const last = timeline.shots.at(-1) as ShotTrack;
  const [outgoing, incoming] = frame >= timeline.frames ? [last] : timeline.shots.filter((shot) => covers(shot, frame));
  if (!outgoing) return [{ shot: last.index, frame, weight: 1 }];
  if (!incoming) return [{ shot: outgoing.index, frame, weight: 1 }];
  // Steps of 1/(overlap+1): the frames on either side of the overlap are the pure shots.
  const a = (frame - incoming.startFrame + 1) / (timeline.overlap + 1);
  return [
    { shot: outgoing.index, frame, weight: 1 - a },
    { shot: incoming.index, frame, weight: a },
  ];
}

/** The pictures that make output frame `frame`, with their weights; usually one. */
export function layersOf(timeline: Timeline, frame: number): FrameLayer[] {
  const head = layersAt(timeline, frame);
  if (frame >= timeline.loopSeam) return head;
  // The seam: from the frame after the end (frame 0 is wholly that) into the clip's own head.
  const a = frame / timeline.loopSeam;
  const tail = layersAt(timeline, timeline.frames + frame);
  return [
    ...tail.map((layer) => ({ ...layer, weight: layer.weight * (1 - a) })),
    ...head.map((layer) => ({ ...layer, weight: layer.weight * a })),
  ].filter((layer) => layer.weight > 0);
}
