/**
 * The music bed: pad chords, a plucked arpeggio, bass and, for the energetic moods, a kick drum. The mood picks key,
 * scale, tempo and progression; the seed picks a rotation of the progression and an arpeggio shape. Nothing in the
 * bed rings above 6 kHz, so it is synthesised at a third of the output rate and interpolated up: a third of the work.
 */
import { mulberry32 } from '../prng.js';
import { midiHz, OnePole, SAMPLE_RATE, sinc, TAU } from './dsp.js';

interface MoodMusic {
  root: number;
  minor: boolean;
  bpm: number;
  /** Scale degrees (0-based) of the chord roots, one chord per bar. */
  progression: number[];
  arp: 'none' | 'sparse' | 'eighths' | 'sixteenths';
  drums: boolean;
  bass: boolean;
  level: number;
  brightness: number;
}

const moods: Record<string, MoodMusic> = {
  cheerful: { root: 60, minor: false, bpm: 112, progression: [0, 4, 5, 3], arp: 'eighths', drums: false, bass: true, level: 1, brightness: 1 },
  playful: { root: 65, minor: false, bpm: 124, progression: [0, 3, 4, 0], arp: 'eighths', drums: false, bass: true, level: 1, brightness: 1.2 },
  calm: { root: 55, minor: false, bpm: 72, progression: [0, 5, 3, 4], arp: 'sparse', drums: false, bass: false, level: 0.85, brightness: 0.7 },
  dreamy: { root: 62, minor: false, bpm: 66, progression: [0, 3, 0, 3], arp: 'sparse', drums: false, bass: false, level: 0.85, brightness: 0.8 },
  romantic: { root: 63, minor: false, bpm: 76, progression: [0, 5, 1, 4], arp: 'eighths', drums: false, bass: true, level: 0.9, brightness: 0.8 },
  melancholy: { root: 57, minor: true, bpm: 70, progression: [0, 5, 2, 6], arp: 'sparse', drums: false, bass: true, level: 0.85, brightness: 0.7 },
  mysterious: { root: 62, minor: true, bpm: 80, progression: [0, 3, 0, 6], arp: 'sparse', drums: false, bass: true, level: 0.85, brightness: 0.6 },
  eerie: { root: 52, minor: true, bpm: 60, progression: [0, 1, 0, 6], arp: 'sparse', drums: false, bass: false, level: 0.8, brightness: 0.5 },
  tense: { root: 48, minor: true, bpm: 100, progression: [0, 0, 5, 4], arp: 'sixteenths', drums: true, bass: true, level: 0.9, brightness: 0.6 },
  epic: { root: 50, minor: true, bpm: 90, progression: [0, 5, 2, 6], arp: 'eighths', drums: true, bass: true, level: 1, brightness: 0.8 },
  energetic: { root: 52, minor: true, bpm: 128, progression: [0, 5, 2, 6], arp: 'sixteenths', drums: true, bass: true, level: 1, brightness: 1.1 },
};

const MAJOR = [0, 2, 4, 5, 7, 9, 11];
const MINOR = [0, 2, 3, 5, 7, 8, 10];

function chordNotes(m: MoodMusic, degree: number): number[] {
  const scale = m.minor ? MINOR : MAJOR;
  const note = (d: number): number => m.root + (scale[d % 7] as number) + 12 * Math.floor(d / 7);
  return [note(degree), note(degree + 2), note(degree + 4), note(degree + 6)];
}

/** The bed's own sample rate: 16 kHz carries everything it plays. */
const DIVIDE = 3;
const RATE = SAMPLE_RATE / DIVIDE;

/** Add the music for `mood` over the whole length of the buffers. */
export function music(left: Float32Array, right: Float32Array, mood: string, seed: number): void {
  const lowL = new Float32Array(Math.ceil(left.length / DIVIDE) + 2);
  const lowR = new Float32Array(lowL.length);
  synthesize(lowL, lowR, mood, seed);
  for (let i = 0; i < left.length; i++) {
    const j = Math.floor(i / DIVIDE);
    const f = (i - j * DIVIDE) / DIVIDE;
    const aL = lowL[j] as number;
    const aR = lowR[j] as number;
    left[i] = (left[i] as number) + aL + ((lowL[j + 1] as number) - aL) * f;
    right[i] = (right[i] as number) + aR + ((lowR[j + 1] as number) - aR) * f;
  }
}

/** The bed at RATE into the (zeroed) buffers. */
function synthesize(left: Float32Array, right: Float32Array, mood: string, seed: number): void {
  const m = moods[mood] ?? moods.cheerful;
  if (!m) throw new Error('no cheerful music preset');
  const rand = mulberry32(seed);
  const beat = 60 / m.bpm;
  const bar = beat * 4;
  const total = left.length;
  // The seed picks a rotation of the progression and an arpeggio shape, so two seeds differ but stay in key.
  const rotate = Math.floor(rand() * m.progression.length);
  const progression = m.progression.map((_, i) => m.progression[(i + rotate) % m.progression.length] as number);
  const shapes = [[0, 1, 2, 3, 2, 1, 0, 1], [0, 2, 1, 3, 0, 2, 1, 3], [0, 1, 2, 1, 3, 2, 1, 2], [3, 2, 1, 0, 1, 2, 3, 2]];
  const shape = shapes[Math.floor(rand() * shapes.length)] as number[];
  const padFilterL = new OnePole(RATE);
  const padFilterR = new OnePole(RATE);
  const arpFilter = new OnePole(RATE);
  const cutoff = 900 + 1600 * m.brightness;
  const chords = progression.map((degree) => chordNotes(m, degree));
  const chordHz = chords.map((notes) => notes.map((note) => midiHz(note)));

  for (let i = 0; i < total; i++) {
    const t = i / RATE;
    const barIndex = Math.floor(t / bar);
    const inBar = t - barIndex * bar;
    const freqs = chordHz[barIndex % chords.length] as number[];
    // Pad: three detuned sines per chord tone, swelling in at each bar.
    const swell = Math.min(1, inBar / (bar * 0.35)) * (0.75 + 0.25 * Math.cos((TAU * inBar) / bar));
    let padL = 0;
    let padR = 0;
    for (let k = 0; k < 3; k++) {
      const f = (freqs[k] as number) / 2;
      padL += sinc(f * t) + 0.4 * sinc(f * 1.003 * t) + 0.2 * sinc(f * 2.001 * t);
      padR += sinc(f * 0.998 * t + k / TAU) + 0.4 * sinc(f * 1.004 * t) + 0.2 * sinc(f * 2.002 * t);
    }
    let l = padFilterL.lowpass(padL, cutoff * 0.6) * 0.045 * swell;
    let r = padFilterR.lowpass(padR, cutoff * 0.6) * 0.045 * swell;

    // Arpeggio: plucked chord tones an octave up.
    if (m.arp !== 'none') {
      const stepLen = m.arp === 'sixteenths' ? beat / 4 : m.arp === 'eighths' ? beat / 2 : beat;
      const step = Math.floor(t / stepLen);
      const sinceStep = t - step * stepLen;
      const play = m.arp !== 'sparse' || (step % 4 !== 3 && (step * 7 + seed) % 5 !== 0);
      if (play) {
        const f = (freqs[(shape[step % shape.length] as number) % freqs.length] as number) * 2;
        const env = Math.exp(-sinceStep * (m.arp === 'sparse' ? 3 : 7));
        const tone = sinc(f * sinceStep) + 0.3 * sinc(2 * f * sinceStep) * m.brightness + 0.1 * sinc(3 * f * sinceStep);
        const v = arpFilter.lowpass(tone * env, cutoff * 1.4) * 0.09;
        const pan = step % 2 ? 0.35 : -0.35;
        l += v * (1 - pan);
        r += v * (1 + pan);
      }
    }
    if (m.bass) {
      const f = (freqs[0] as number) / 4;
      const env = Math.min(1, inBar * 20) * Math.exp(-inBar * 0.8);
      const v = (sinc(f * t) + 0.25 * sinc(2 * f * t)) * env * 0.07;
      l += v;
      r += v;
    }
    if (m.drums) {
      const sinceBeat = t % beat;
      const kickPhase = TAU * (45 * sinceBeat + (75 / 30) * (1 - Math.exp(-sinceBeat * 30)));
      const kick = sinc(kickPhase / TAU) * Math.exp(-sinceBeat * 9) * 0.16;
      l += kick;
      r += kick;
    }
    left[i] = l * m.level;
    right[i] = r * m.level;
  }
}
