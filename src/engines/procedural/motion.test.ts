import { describe, expect, it } from 'vitest';
import { compose, sampleFrame } from './compose.js';
import { burstTimes, poseAt } from './motion.js';
import { planPrompt } from './parse.js';
import type { ActorState, Timeline } from './timeline.js';

const build = (prompt: string, seconds = 4, seed = 3): Timeline => compose({ plan: planPrompt(prompt, { seconds }), seed, width: 1280, height: 720, seconds });

/** One actor's state at every frame. */
const track = (timeline: Timeline, actor: number): ActorState[] =>
  Array.from({ length: timeline.frames }, (_, f) => sampleFrame(timeline, f).actors.find((a) => a.actor === actor) as ActorState);

/** The actor's box on screen (world units of the view, 0..w × 0..h), allowing for camera and parallax depth. */
function screenBox(timeline: Timeline, frame: number, state: ActorState): { x0: number; x1: number; y0: number; y1: number } {
  const shot = timeline.shots[0];
  const depth = shot?.actors[state.actor]?.depth ?? 1;
  const cam = sampleFrame(timeline, frame).camera;
  const zoom = 1 + (cam.zoom - 1) * depth;
  const cx = timeline.view.w / 2 + (cam.x - timeline.view.w / 2) * depth;
  const cy = timeline.view.h / 2 + (cam.y - timeline.view.h / 2) * depth;
  const x = (state.x - cx) * zoom + timeline.view.w / 2;
  const y = (state.y - cy) * zoom + timeline.view.h / 2;
  const h = state.h * zoom;
  return { x0: x - h * 0.45, x1: x + h * 0.45, y0: y - h, y1: y };
}

/** Local maxima of a series (ignoring flat runs), by index. */
function peaks(values: number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < values.length - 1; i++) if ((values[i] as number) > (values[i - 1] as number) && (values[i] as number) >= (values[i + 1] as number)) out.push(i);
  return out;
}

describe('motion', () => {
  it('walks with a bob on every step', () => {
    const timeline = build('a dog walking in a park');
    const states = track(timeline, 0);
    const lift = states.map((s) => s.groundY - s.y);
    const steps = peaks(lift);
    // About 1.7 steps a second over 4 s, each lifting the dog a few percent of its height.
    expect(steps.length).toBeGreaterThanOrEqual(5);
    const height = (states[0] as ActorState).h;
    expect(Math.max(...lift) / height).toBeGreaterThan(0.02);
    expect(Math.min(...lift)).toBeGreaterThanOrEqual(-1e-9);
  });

  it('flaps wings in flight: the bird squashes and stretches in a steady rhythm', () => {
    const timeline = build('a bird flying over a meadow');
    const sy = track(timeline, 0).map((s) => s.sy);
    expect(Math.max(...sy) - Math.min(...sy)).toBeGreaterThan(0.15);
    expect(peaks(sy).length).toBeGreaterThanOrEqual(8);
  });

  it('bounces a ball in arcs that lose height, touching the ground between them', () => {
    const timeline = build('a red ball bouncing in a room', 6);
    const heights = track(timeline, 0).map((s) => s.groundY - s.y);
    const tops = peaks(heights).map((i) => heights[i] as number);
    expect(tops.length).toBeGreaterThanOrEqual(4);
    // Within one run of bounces each arc is lower than the one before (a fresh kick starts the next run).
    const decays = tops.slice(1).filter((top, i) => top < (tops[i] as number)).length;
    expect(decays).toBeGreaterThanOrEqual(Math.floor(tops.length / 2));
    expect(Math.min(...heights)).toBeLessThan(0.005);
  });

  it('drops a falling thing under gravity; it bounces a little and comes to rest', () => {
    const timeline = build('an apple falls onto the grass in a garden', 3);
    const ys = track(timeline, 0).map((s) => s.y);
    // Speeding up: it covers more ground in each successive sixth of a second until it lands.
    const d1 = (ys[10] as number) - (ys[6] as number);
    const d2 = (ys[14] as number) - (ys[10] as number);
    expect(d2).toBeGreaterThan(d1 * 1.5);
    const floor = Math.max(...ys);
    expect(ys.at(-1)).toBeCloseTo(floor, 6);
    expect(ys.findIndex((y) => y === floor)).toBeLessThan(ys.length - 12);
  });

  it('jumps in arcs and only covers ground while in the air', () => {
    const timeline = build('a frog jumping to the right in a meadow');
    const states = track(timeline, 0);
    let groundMoves = 0;
    let airMoves = 0;
    for (let i = 1; i < states.length; i++) {
      const a = states[i - 1] as ActorState;
      const b = states[i] as ActorState;
      const dx = Math.abs(b.x - a.x);
      if (a.groundY - a.y < 1e-6 && b.groundY - b.y < 1e-6) groundMoves += dx;
      else airMoves += dx;
    }
    expect(airMoves).toBeGreaterThan(0.1);
    expect(groundMoves).toBeLessThan(airMoves * 0.05);
  });

  it('arranges counted subjects side by side instead of piling them up', () => {
    for (const prompt of ['three yellow balloons floating over a city', 'four butterflies in a garden', 'five ducks swimming on a lake', 'three dogs running on a beach', 'a flock of birds flying over a meadow', 'three elephants walking across the savanna']) {
      const timeline = build(prompt, 6);
      let worst = 0;
      for (let f = 0; f < timeline.frames; f += 6) {
        const boxes = sampleFrame(timeline, f).actors.map((s) => screenBox(timeline, f, s));
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i] as ReturnType<typeof screenBox>;
            const b = boxes[j] as ReturnType<typeof screenBox>;
            const ix = Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
            const iy = Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
            worst = Math.max(worst, (ix * iy) / Math.min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0)));
          }
        }
      }
      expect(worst, prompt).toBeLessThan(0.3);
    }
  });

  it('keeps walkers and runners in the frame for the whole shot, turning smoothly at the edges', () => {
    for (const prompt of ['three dogs running on a beach', 'two horses galloping on a farm', 'a cat walking in a room', 'three elephants walking across the savanna']) {
      const timeline = build(prompt, 10);
      for (let f = 0; f < timeline.frames; f += 3) {
        for (const state of sampleFrame(timeline, f).actors) {
          const box = screenBox(timeline, f, state);
          expect(box.x0, `${prompt} @${f}`).toBeGreaterThan(-0.02);
          expect(box.x1, `${prompt} @${f}`).toBeLessThan(timeline.view.w + 0.02);
        }
      }
    }
    // A pacer slows to turn round: no frame-to-frame jump at the turn is bigger than its cruising step.
    const horses = build('two horses galloping on a farm', 10);
    const xs = track(horses, 0).map((s) => s.x);
    const steps = xs.slice(1).map((x, i) => x - (xs[i] as number));
    const cruise = Math.max(...steps.map(Math.abs));
    const turn = steps.findIndex((step, i) => i > 0 && Math.sign(step) !== Math.sign(steps[i - 1] as number));
    expect(turn).toBeGreaterThan(0);
    expect(Math.abs(steps[turn] as number)).toBeLessThan(cruise / 3);
  });

  it('faces the way it travels, turning once at each end', () => {
    const timeline = build('two horses galloping on a farm', 10);
    const states = track(timeline, 0);
    for (let i = 1; i < states.length - 1; i++) {
      const dx = (states[i + 1] as ActorState).x - (states[i - 1] as ActorState).x;
      if (Math.abs(dx) > 0.01) expect((states[i] as ActorState).flip, `frame ${i}`).toBe(dx > 0);
    }
  });

  it('bursts fireworks at the times the soundtrack bangs: small and bright at each burst, faded just before', () => {
    const timeline = build('fireworks over a city at night', 6);
    const shot = timeline.shots[0];
    const index = shot?.actors.findIndex((actor) => actor.action === 'burst') ?? -1;
    expect(index).toBeGreaterThanOrEqual(0);
    const actor = shot?.actors[index] as NonNullable<typeof shot>['actors'][number];
    const times = burstTimes(actor, 6).filter((t) => t > 0.5);
    expect(times.length).toBeGreaterThan(1);
    for (const t of times) {
      const at = poseAt(actor, t + 0.01, 6, 0, 0, 0);
      const before = poseAt(actor, t - 0.05, 6, 0, 0, 0);
      expect(at.sx).toBeLessThan(0.2);
      expect(at.alpha).toBe(1);
      expect(before.alpha).toBeLessThan(0.2);
    }
  });
});
