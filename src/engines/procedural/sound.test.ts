import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compose } from './compose.js';
import { burstTimes } from './motion.js';
import { planPrompt } from './parse.js';
import { encodeWav, SAMPLE_RATE, synthesizeSoundtrack, writeSoundtrackInWorker } from './sound.js';
import { ambience, type Segment } from './sound/ambience.js';
import { OnePole } from './sound/dsp.js';
import { mixMusic } from './sound/mix.js';
import { music } from './sound/music.js';

/** Root-mean-square level of samples [from, to). */
function rms(samples: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (samples[i] as number) ** 2;
  return Math.sqrt(sum / (to - from));
}

/** Energy of the sample-to-sample steps over energy of the samples: how much of a sound is high frequency. */
function brightness(samples: Float32Array, from = 0, to = samples.length): number {
  let steps = 0;
  let total = 0;
  for (let i = from + 1; i < to; i++) {
    const v = samples[i] as number;
    steps += (v - (samples[i - 1] as number)) ** 2;
    total += v * v;
  }
  return total > 0 ? steps / total : 0;
}

/** Energy of the sample-to-sample steps per sample: high-frequency content, whatever the overall level. */
function highs(samples: Float32Array): number {
  let steps = 0;
  for (let i = 1; i < samples.length; i++) steps += ((samples[i] as number) - (samples[i - 1] as number)) ** 2;
  return steps / samples.length;
}

/** The ambience of one scene alone, `seconds` long (left channel). */
function bed(scene: Partial<Segment>, seconds = 6, seed = 1): Float32Array {
  const left = new Float32Array(seconds * SAMPLE_RATE);
  const right = new Float32Array(left.length);
  ambience(left, right, { start: 0, end: seconds, setting: 'meadow', weather: 'clear', timeOfDay: 'noon', lightning: [], ...scene }, seed);
  return left;
}

/** Note onsets: 20 ms windows at least twice as loud as the window before (and not silent). */
function onsets(samples: Float32Array): number {
  const win = Math.round(0.02 * SAMPLE_RATE);
  let count = 0;
  let before = 0;
  for (let i = 0; i + win <= samples.length; i += win) {
    const level = rms(samples, i, i + win);
    if (level > 0.005 && level > before * 2) count++;
    before = level;
  }
  return count;
}

describe('sound', () => {
  const plan = planPrompt('waves on a beach with birds in the morning', { seconds: 2 });

  it('is exactly `seconds` long, stereo 48 kHz 16-bit, peak-normalised without clipping', () => {
    const track = synthesizeSoundtrack({ plan, seed: 1, seconds: 2 });
    expect(track.left.length).toBe(2 * SAMPLE_RATE);
    let peak = 0;
    for (let i = 0; i < track.left.length; i++) peak = Math.max(peak, Math.abs(track.left[i] as number), Math.abs(track.right[i] as number));
    expect(peak).toBeGreaterThan(0.85);
    expect(peak).toBeLessThanOrEqual(0.9);
    expect(Math.abs(track.left[0] as number)).toBeLessThan(0.01); // faded in
    const wav = encodeWav(track);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt16LE(22)).toBe(2);
    expect(wav.readUInt32LE(24)).toBe(48_000);
    expect(wav.readUInt16LE(34)).toBe(16);
    expect(wav.readUInt32LE(40)).toBe(2 * SAMPLE_RATE * 4);
  });

  it('is deterministic from the seed and follows the scene', () => {
    const a = encodeWav(synthesizeSoundtrack({ plan, seed: 9, seconds: 1 }));
    expect(a.equals(encodeWav(synthesizeSoundtrack({ plan, seed: 9, seconds: 1 })))).toBe(true);
    expect(a.equals(encodeWav(synthesizeSoundtrack({ plan, seed: 10, seconds: 1 })))).toBe(false);
    const night = planPrompt('a stormy city street at night, tense', { seconds: 1 });
    expect(a.equals(encodeWav(synthesizeSoundtrack({ plan: night, seed: 9, seconds: 1 })))).toBe(false);
  });

  it('writes the same WAV from a worker thread, and stops it on abort', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinora-sound-'));
    try {
      const file = path.join(dir, 'soundtrack.wav');
      await writeSoundtrackInWorker(file, { plan, seed: 4, seconds: 1 }, new AbortController().signal);
      expect(fs.readFileSync(file).equals(encodeWav(synthesizeSoundtrack({ plan, seed: 4, seconds: 1 })))).toBe(true);
      const stop = new AbortController();
      const aborted = writeSoundtrackInWorker(path.join(dir, 'aborted.wav'), { plan, seed: 4, seconds: 20 }, stop.signal);
      stop.abort(new Error('cancelled'));
      await expect(aborted).rejects.toThrow('cancelled');
      expect(fs.existsSync(path.join(dir, 'aborted.wav'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('crossfades the ambience of shots that crossfade, where a cut dips between them', () => {
    const story = planPrompt('Shot 1: waves crashing on a beach. Shot 2: rain falling on a city street', { seconds: 4 });
    const dip = (transition: 'cut' | 'crossfade'): number => {
      const timeline = compose({ plan: story, seed: 1, width: 854, height: 480, seconds: 4, transition });
      const { left } = synthesizeSoundtrack({ plan: story, seed: 1, seconds: 4, timeline });
      const level = (from: number, to: number): number => rms(left, Math.round(from * SAMPLE_RATE), Math.round(to * SAMPLE_RATE));
      let quietest = Infinity;
      for (let t = 1.7; t < 2.3; t += 0.05) quietest = Math.min(quietest, level(t, t + 0.05));
      // The quietest moment around the change (at 2 s), against the quieter of the two scenes.
      return quietest / Math.min(level(1, 1.5), level(2.5, 3));
    };
    expect(dip('crossfade')).toBeGreaterThan(0.8);
    expect(dip('cut')).toBeLessThan(0.7);
  });

  it('loops: full level at both ends, and the last sample runs on into the first', () => {
    const edge = Math.round(0.05 * SAMPLE_RATE);
    const loop = synthesizeSoundtrack({ plan, seed: 4, seconds: 2, loop: true });
    const n = loop.left.length;
    expect(n).toBe(2 * SAMPLE_RATE);
    for (const channel of [loop.left, loop.right]) {
      const level = rms(channel, 0, n);
      expect(rms(channel, 0, edge)).toBeGreaterThan(level * 0.3);
      expect(rms(channel, n - edge, n)).toBeGreaterThan(level * 0.3);
      // Played round, the step from the last sample to the first is like the sound's own steps, not a click.
      let biggestStep = 0;
      for (let i = 1; i < n; i++) biggestStep = Math.max(biggestStep, Math.abs((channel[i] as number) - (channel[i - 1] as number)));
      expect(Math.abs((channel[0] as number) - (channel[n - 1] as number))).toBeLessThan(biggestStep);
    }
    // Without loop the ends fade to silence.
    const plain = synthesizeSoundtrack({ plan, seed: 4, seconds: 2 });
    expect(rms(plain.left, 0, edge)).toBeLessThan(rms(plain.left, 0, n) * 0.2);
    expect(encodeWav(loop).equals(encodeWav(synthesizeSoundtrack({ plan, seed: 4, seconds: 2, loop: true })))).toBe(true);
  });

  it('sounds the setting: surf at the beach where a room is silent, hiss in the rain, birds busiest at dawn', () => {
    expect(highs(bed({ setting: 'beach' }))).toBeGreaterThan(0);
    expect(rms(bed({ setting: 'room' }), 0, SAMPLE_RATE)).toBe(0);
    expect(highs(bed({ weather: 'rain' }))).toBeGreaterThan(highs(bed({ weather: 'clear' })) * 3);
    expect(highs(bed({ timeOfDay: 'dawn' }))).toBeGreaterThan(highs(bed({ timeOfDay: 'noon' })) * 1.5);
    expect(highs(bed({ setting: 'forest', timeOfDay: 'night', fire: true }))).toBeGreaterThan(highs(bed({ setting: 'forest', timeOfDay: 'night' })) * 3);
  });

  it('rumbles thunder after each lightning strike', () => {
    // The low end of the storm: thunder is a rumble under the hiss of rain and the roar of wind.
    const storm = bed({ weather: 'storm', setting: 'city', lightning: [2] });
    const rumble = new OnePole();
    const low = storm.map((v) => rumble.lowpass(v, 150));
    const level = (from: number, to: number): number => rms(low, Math.round(from * SAMPLE_RATE), Math.round(to * SAMPLE_RATE));
    expect(level(2.5, 3.5)).toBeGreaterThan(level(1, 2) * 2);
  });

  it('plays a calm bed quieter and slower than an energetic one', () => {
    const bedOf = (mood: string): Float32Array => {
      const left = new Float32Array(8 * SAMPLE_RATE);
      music(left, new Float32Array(left.length), mood, 3);
      return left;
    };
    const calm = bedOf('calm');
    const energetic = bedOf('energetic');
    expect(rms(calm, 0, calm.length)).toBeLessThan(rms(energetic, 0, energetic.length));
    expect(onsets(energetic)).toBeGreaterThan(onsets(calm) * 1.5);
  });

  it('muffles the music under water', () => {
    const heard = (setting: string): Float32Array => {
      const tune = new Float32Array(4 * SAMPLE_RATE);
      const tuneRight = new Float32Array(tune.length);
      music(tune, tuneRight, 'cheerful', 2);
      const left = new Float32Array(tune.length);
      mixMusic(left, new Float32Array(tune.length), tune, tuneRight, [{ start: 0, end: 4, setting, weather: 'clear', timeOfDay: 'noon', lightning: [] }]);
      return left;
    };
    expect(brightness(heard('underwater'), SAMPLE_RATE, 3 * SAMPLE_RATE)).toBeLessThan(brightness(heard('beach'), SAMPLE_RATE, 3 * SAMPLE_RATE) * 0.3);
  });

  it('bangs when the fireworks on screen burst', () => {
    const show = planPrompt('fireworks over a city at night', { seconds: 6 });
    const timeline = compose({ plan: show, seed: 2, width: 320, height: 180, seconds: 6 });
    const { left } = synthesizeSoundtrack({ plan: show, seed: 2, seconds: 6, timeline });
    const shot = timeline.shots[0];
    const bursts = (shot?.actors ?? []).filter((actor) => actor.action === 'burst');
    expect(bursts.length).toBeGreaterThan(0);
    const level = (t: number): number => rms(left, Math.round(t * SAMPLE_RATE), Math.round((t + 0.08) * SAMPLE_RATE));
    const times = bursts.flatMap((actor) => burstTimes(actor, 5)).filter((t) => t > 1);
    expect(times.length).toBeGreaterThan(0);
    for (const t of times) expect(level(t), `burst at ${t.toFixed(2)} s`).toBeGreaterThan(level(t - 0.3) * 1.5);
  });
});
