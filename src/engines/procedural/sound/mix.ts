/**
 * Laying the music bed under the ambience. Under water the music is heard through it: low-passed, as if from the
 * surface, easing in and out over a quarter second at the edges of underwater shots.
 */
import type { Segment } from './ambience.js';
import { OnePole, SAMPLE_RATE } from './dsp.js';

const MUFFLE_HZ = 450;

/** How muffled the music is at each sample (0 clear .. 1 under water), or null when it never is. */
function muffling(segments: Segment[], length: number): Float32Array | null {
  if (!segments.some((seg) => seg.setting === 'underwater')) return null;
  const amount = new Float32Array(length);
  const ramp = 0.25 * SAMPLE_RATE;
  for (const seg of segments) {
    if (seg.setting !== 'underwater') continue;
    const n0 = Math.max(0, Math.floor(seg.start * SAMPLE_RATE));
    const n1 = Math.min(length, Math.floor(seg.end * SAMPLE_RATE));
    for (let i = n0; i < n1; i++) amount[i] = Math.max(amount[i] as number, Math.min(1, (i - n0) / ramp, (n1 - 1 - i) / ramp));
  }
  return amount;
}

/** Add the music buffers into the mix, muffled where the scene is under water. */
export function mixMusic(left: Float32Array, right: Float32Array, musicL: Float32Array, musicR: Float32Array, segments: Segment[]): void {
  const muffle = muffling(segments, left.length);
  // Two one-pole stages: a 12 dB/octave slope, steep enough to sound like water and not just a duller mix.
  const lp = [new OnePole(), new OnePole(), new OnePole(), new OnePole()] as const;
  for (let i = 0; i < left.length; i++) {
    let l = musicL[i] as number;
    let r = musicR[i] as number;
    if (muffle) {
      const m = muffle[i] as number;
      const dl = lp[1].lowpass(lp[0].lowpass(l, MUFFLE_HZ), MUFFLE_HZ);
      const dr = lp[3].lowpass(lp[2].lowpass(r, MUFFLE_HZ), MUFFLE_HZ);
      l += (dl * 1.6 - l) * m;
      r += (dr * 1.6 - r) * m;
    }
    left[i] = (left[i] as number) + l;
    right[i] = (right[i] as number) + r;
  }
}
