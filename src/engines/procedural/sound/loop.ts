/**
 * A soundtrack that loops: it is synthesised a little past its end, and what runs on past the end is crossfaded
 * over its head, so playback wrapping from the last sample to the first hears the sound carry on instead of a jump.
 */
import { loopSeamFrames } from '../compose/sequence.js';
import { SAMPLE_RATE } from './dsp.js';

/** Synthesised past the seam too, so any fade-out at the very end of the run-on is never folded in. */
const RUN_ON_SECONDS = 0.3;

/** Samples of the seam for a soundtrack `samples` long: the picture's seam, counted in samples instead of frames. */
export function loopSeamSamples(samples: number): number {
  return loopSeamFrames(samples, SAMPLE_RATE);
}

/** Samples to synthesise beyond the end for a loop with this seam. */
export function loopRunOn(seam: number): number {
  return seam > 0 ? seam + Math.round(RUN_ON_SECONDS * SAMPLE_RATE) : 0;
}

/**
 * The first `samples` of `channel` with the `seam` samples after them crossfaded over the head, equal-power (the
 * two stretches are unrelated sound, so their powers add): sample 0 is the sample that followed the end.
 */
export function foldIntoHead(channel: Float32Array, samples: number, seam: number): Float32Array {
  const out = channel.slice(0, samples);
  for (let i = 0; i < seam; i++) {
    const angle = (Math.PI / 2) * (i / seam);
    out[i] = (channel[i] as number) * Math.sin(angle) + (channel[samples + i] as number) * Math.cos(angle);
  }
  return out;
}
