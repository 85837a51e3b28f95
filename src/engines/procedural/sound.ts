/**
 * The soundtrack: an ambience bed for each shot's setting and weather (filtered noise for surf, wind, rain and
 * traffic; chirps for birds by day, crickets at night; thunder on the timeline's lightning) under a gentle music bed
 * (pad chords, a plucked arpeggio, bass and drums for the energetic moods) whose key, scale and tempo follow the mood.
 * Deterministic from the seed, exactly `seconds` long, faded in and out, peak-normalised to -1 dBFS, and written as
 * 16-bit PCM WAV, 48 kHz stereo, for the encoder to mux as AAC.
 */
import { writeFile } from 'node:fs/promises';
import type { ScenePlan } from '../../domain/scene-plan.js';
import { hashString, mulberry32 } from './prng.js';
import type { Timeline } from './timeline.js';

export const SAMPLE_RATE = 48_000;
const TAU = Math.PI * 2;

export interface SoundInput {
  plan: ScenePlan;
  seed: number;
  seconds: number;
  /** When given, shot boundaries and lightning strikes come from it so sound and picture agree. */
  timeline?: Timeline;
}

export interface Soundtrack {
  sampleRate: number;
  left: Float32Array;
  right: Float32Array;
}

// ---------------------------------------------------------------------------------------------------- building blocks

/** Chamberlin state-variable filter; cheap and stable for the frequencies used here. */
class Svf {
  low = 0;
  band = 0;
  constructor(private q = 0.7) {}
  run(x: number, fc: number): { low: number; band: number; high: number } {
    // 2·sin(πfc/fs) ≈ 2πfc/fs below fs/6 (error < 5 %): no transcendental call per sample.
    const f = (TAU * Math.min(fc, SAMPLE_RATE / 6)) / SAMPLE_RATE;
    this.low += f * this.band;
    const high = x - this.low - this.q * this.band;
    this.band += f * high;
    return { low: this.low, band: this.band, high };
  }
}

class OnePole {
  y = 0;
  private fc = -1;
  private k = 0;
  lowpass(x: number, fc: number): number {
    if (fc !== this.fc) {
      this.fc = fc;
      this.k = 1 - Math.exp((-TAU * fc) / SAMPLE_RATE);
    }
    this.y += this.k * (x - this.y);
    return this.y;
  }
}

const midiHz = (note: number): number => 440 * 2 ** ((note - 69) / 12);

/** Table sine by cycles (x = frequency × time): ~5x cheaper than Math.sin, inaudibly different with interpolation. */
const TABLE = 8192;
const SINE = new Float32Array(TABLE + 1);
for (let i = 0; i <= TABLE; i++) SINE[i] = Math.sin((TAU * i) / TABLE);
function sinc(x: number): number {
  const idx = (x - Math.floor(x)) * TABLE;
  const i = idx | 0;
  const a = SINE[i] as number;
  return a + ((SINE[i + 1] as number) - a) * (idx - i);
}

// ------------------------------------------------------------------------------------------------------ ambience

interface Segment {
  start: number;
  end: number;
  setting: string;
  weather: string;
  timeOfDay: string;
  lightning: number[];
}

const surfSettings = new Set(['beach', 'ocean', 'island', 'harbor']);
const windSettings = new Set(['mountains', 'snowfield', 'desert', 'canyon', 'sky', 'savanna']);
const birdSettings = new Set(['forest', 'meadow', 'park', 'garden', 'jungle', 'farm', 'lake', 'river', 'island', 'savanna', 'beach']);
const waterSettings = new Set(['river', 'lake', 'swamp']);
const urban = new Set(['city', 'street']);

/** Add one shot's ambience into the buffers, with short fades at its edges so shots join without clicks. */
function ambience(left: Float32Array, right: Float32Array, seg: Segment, seed: number): void {
  const rand = mulberry32(seed);
  const n0 = Math.floor(seg.start * SAMPLE_RATE);
  const n1 = Math.min(left.length, Math.floor(seg.end * SAMPLE_RATE));
  const fade = Math.floor(0.25 * SAMPLE_RATE);
  const night = seg.timeOfDay === 'night' || seg.timeOfDay === 'dusk';
  const surf = surfSettings.has(seg.setting);
  const wind = windSettings.has(seg.setting) || seg.weather === 'wind' || seg.weather === 'storm';
  const rain = seg.weather === 'rain' || seg.weather === 'storm';
  const water = waterSettings.has(seg.setting);
  const underwater = seg.setting === 'underwater';
  const deep = seg.setting === 'space' || seg.setting === 'moon';
  const cave = seg.setting === 'cave';
  const volcano = seg.setting === 'volcano';
  const stage = seg.setting === 'stage';
  const city = urban.has(seg.setting);
  const birds = birdSettings.has(seg.setting) && !night && !rain && seg.weather !== 'snow';
  const crickets = (birdSettings.has(seg.setting) || seg.setting === 'swamp') && night && !rain && seg.weather !== 'snow';

  const fL = [new Svf(0.5), new Svf(0.5), new Svf(0.9)];
  const fR = [new Svf(0.5), new Svf(0.5), new Svf(0.9)];
  const lp = [new OnePole(), new OnePole(), new OnePole(), new OnePole()];
  // Events (chirps, drips, bubbles, droplets) as [startSample, kind, pitch, pan].
  const events: Array<[number, string, number, number]> = [];
  const span = n1 - n0;
  if (birds) {
    for (let t = rand() * 0.6; t < span / SAMPLE_RATE; t += 0.5 + rand() * 1.6) {
      const notes = 2 + Math.floor(rand() * 4);
      const pitch = 2400 + rand() * 2600;
      const pan = rand() * 2 - 1;
      for (let k = 0; k < notes; k++) events.push([n0 + Math.floor((t + k * (0.09 + rand() * 0.05)) * SAMPLE_RATE), 'chirp', pitch * (0.9 + rand() * 0.25), pan]);
    }
  }
  if (cave) for (let t = rand(); t < span / SAMPLE_RATE; t += 0.7 + rand() * 1.8) events.push([n0 + Math.floor(t * SAMPLE_RATE), 'drip', 900 + rand() * 900, rand() * 2 - 1]);
  if (underwater) for (let t = rand() * 0.5; t < span / SAMPLE_RATE; t += 0.15 + rand() * 0.7) events.push([n0 + Math.floor(t * SAMPLE_RATE), 'bubble', 300 + rand() * 500, rand() * 2 - 1]);
  for (const strike of seg.lightning) events.push([n0 + Math.floor((strike + 0.35 + rand() * 0.5) * SAMPLE_RATE), 'thunder', 0, rand() - 0.5]);

  const swellPeriod = 5 + rand() * 3;
  for (let i = n0; i < n1; i++) {
    const t = (i - n0) / SAMPLE_RATE;
    const edge = Math.min(1, (i - n0) / fade, (n1 - 1 - i) / fade);
    const wl = rand() * 2 - 1;
    const wr = rand() * 2 - 1;
    let l = 0;
    let r = 0;
    if (surf) {
      // Surf: low-passed noise whose brightness and level swell like breaking waves.
      const phase = (t / swellPeriod) % 1;
      const swell = phase < 0.25 ? phase / 0.25 : Math.exp(-(phase - 0.25) * 4);
      const fc = 300 + 1400 * swell;
      const level = 0.18 + 0.55 * swell;
      l += fL[0]!.run(wl, fc).low * level;
      r += fR[0]!.run(wr, fc * 1.05).low * level;
    }
    if (water) {
      const babble = 0.5 + 0.5 * Math.sin(TAU * t * 0.7 + Math.sin(TAU * t * 2.3));
      l += fL[0]!.run(wl, 700 + 500 * babble).band * 0.22;
      r += fR[0]!.run(wr, 750 + 450 * babble).band * 0.22;
    }
    if (wind) {
      const gust = 0.55 + 0.45 * Math.sin(TAU * t * 0.13 + 1) * Math.sin(TAU * t * 0.07);
      const fc = 350 + 550 * gust;
      const level = (seg.weather === 'storm' ? 0.55 : 0.35) * (0.4 + 0.6 * gust);
      l += fL[1]!.run(wl, fc).band * level;
      r += fR[1]!.run(wr, fc * 1.1).band * level;
    }
    if (rain) {
      const hiss = wl - lp[0]!.lowpass(wl, 2500);
      const hissR = wr - lp[1]!.lowpass(wr, 2500);
      const level = seg.weather === 'storm' ? 0.3 : 0.2;
      l += hiss * level;
      r += hissR * level;
      if (rand() < 0.0009) events.push([i + 1, 'drop', 2500 + rand() * 3000, rand() * 2 - 1]);
    }
    if (city) {
      const hum = sinc(58 * t) * 0.025 + sinc(116 * t) * 0.012;
      const traffic = lp[2]!.lowpass(wl, 220) * (0.5 + 0.5 * Math.sin(TAU * t * 0.09)) * 0.9;
      l += hum + traffic;
      r += hum + lp[3]!.lowpass(wr, 220) * (0.5 + 0.5 * Math.sin(TAU * t * 0.11 + 2)) * 0.9;
    }
    if (underwater || cave || volcano) {
      const rumble = lp[2]!.lowpass(wl, volcano ? 90 : 160) * (volcano ? 2.2 : 1.4);
      l += rumble;
      r += rumble * 0.9;
      if (volcano && rand() < 0.004) events.push([i + 1, 'crackle', 1800 + rand() * 2500, rand() * 2 - 1]);
    }
    if (deep) {
      const drone = (sinc(55 * t) + sinc(55.4 * t) * 0.8 + sinc(82.5 * t) * 0.3) * 0.05;
      l += drone;
      r += drone;
    }
    if (stage) {
      const murmur = fL[2]!.run(wl, 450).band * 0.12;
      l += murmur;
      r += fR[2]!.run(wr, 480).band * 0.12;
    }
    if (crickets) {
      // Crickets: 4.5 kHz bursts, three pulses per chirp, a chirp about every 0.8 s.
      const chirp = (t * 1.25) % 1;
      const gate = chirp < 0.12 && Math.sin(TAU * t * 30) > 0 ? 1 : 0;
      const c = gate ? sinc(4500 * t) * 0.05 : 0;
      l += c;
      r += c * 0.6;
    }
    left[i]! += l * edge;
    right[i]! += r * edge;
  }

  for (const [start, kind, pitch, pan] of events) {
    const dur = kind === 'thunder' ? 2.8 : kind === 'chirp' ? 0.09 : kind === 'drop' ? 0.02 : kind === 'crackle' ? 0.015 : 0.25;
    const len = Math.floor(dur * SAMPLE_RATE);
    const gl = Math.min(1, 1 - pan) * (kind === 'thunder' ? 1 : 0.8);
    const gr = Math.min(1, 1 + pan) * (kind === 'thunder' ? 1 : 0.8);
    const thunder = new OnePole();
    let phase = 0;
    for (let k = 0; k < len; k++) {
      const i = start + k;
      if (i < n0 || i >= n1) continue;
      const u = k / len;
      let v = 0;
      switch (kind) {
        case 'chirp': {
          const f = pitch * (1 + 0.35 * Math.sin(Math.PI * u));
          phase += (TAU * f) / SAMPLE_RATE;
          v = Math.sin(phase) * Math.sin(Math.PI * u) * 0.12;
          break;
        }
        case 'drip':
        case 'bubble': {
          const f = kind === 'drip' ? pitch * (1 + u * 0.6) : pitch * (1 + u * 2.5);
          phase += (TAU * f) / SAMPLE_RATE;
          v = Math.sin(phase) * Math.exp(-u * 8) * (kind === 'drip' ? 0.16 : 0.07);
          break;
        }
        case 'drop':
        case 'crackle':
          v = (rand() * 2 - 1) * Math.exp(-u * 10) * 0.25;
          break;
        case 'thunder': {
          const env = u < 0.05 ? u / 0.05 : Math.exp(-(u - 0.05) * 2.5);
          v = thunder.lowpass(rand() * 2 - 1, 120 + 200 * (1 - u)) * env * 3.2;
          break;
        }
      }
      left[i]! += v * gl;
      right[i]! += v * gr;
    }
  }
}

// --------------------------------------------------------------------------------------------------------- music

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

function music(left: Float32Array, right: Float32Array, mood: string, seed: number): void {
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
  const padFilterL = new OnePole();
  const padFilterR = new OnePole();
  const arpFilter = new OnePole();
  const cutoff = 900 + 1600 * m.brightness;
  const chords = progression.map((degree) => chordNotes(m, degree));
  const chordHz = chords.map((notes) => notes.map((note) => midiHz(note)));

  for (let i = 0; i < total; i++) {
    const t = i / SAMPLE_RATE;
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
    left[i]! += l * m.level;
    right[i]! += r * m.level;
  }
}

// -------------------------------------------------------------------------------------------------------- mixing

function segmentsOf(input: SoundInput): Segment[] {
  const { plan, seconds, timeline } = input;
  if (timeline) {
    return timeline.shots.map((shot) => ({
      start: shot.startFrame / timeline.fps,
      end: (shot.startFrame + shot.frames) / timeline.fps,
      setting: shot.setting,
      weather: shot.weather,
      timeOfDay: shot.timeOfDay,
      lightning: shot.atmosphere.lightning,
    }));
  }
  const shots = plan.shots.length ? plan.shots : [{ ...plan, seconds }];
  const planned = shots.reduce((sum, s) => sum + s.seconds, 0) || 1;
  let start = 0;
  return shots.map((shot) => {
    const length = (shot.seconds / planned) * seconds;
    const seg = { start, end: start + length, setting: shot.setting, weather: shot.weather, timeOfDay: shot.timeOfDay, lightning: [] };
    start += length;
    return seg;
  });
}

/** Synthesise the soundtrack in memory (float stereo). */
export function synthesizeSoundtrack(input: SoundInput): Soundtrack {
  const samples = Math.max(1, Math.round(input.seconds * SAMPLE_RATE));
  const left = new Float32Array(samples);
  const right = new Float32Array(samples);
  const base = hashString('sound', input.seed >>> 0);
  segmentsOf(input).forEach((seg, i) => ambience(left, right, seg, hashString(`ambience:${i}`, base)));
  music(left, right, input.plan.mood, hashString('music', base));

  // Fade in and out, then normalise the peak to -1 dBFS so nothing clips after AAC encoding.
  const fadeIn = Math.min(Math.floor(0.4 * SAMPLE_RATE), Math.floor(samples / 4));
  const fadeOut = Math.min(Math.floor(0.9 * SAMPLE_RATE), Math.floor(samples / 3));
  let peak = 0;
  for (let i = 0; i < samples; i++) {
    let g = 1;
    if (i < fadeIn) g = i / fadeIn;
    if (i >= samples - fadeOut) g = Math.min(g, (samples - 1 - i) / fadeOut);
    left[i]! *= g;
    right[i]! *= g;
    peak = Math.max(peak, Math.abs(left[i]!), Math.abs(right[i]!));
  }
  const gain = peak > 0 ? 0.891 / peak : 1;
  for (let i = 0; i < samples; i++) {
    left[i]! *= gain;
    right[i]! *= gain;
  }
  return { sampleRate: SAMPLE_RATE, left, right };
}

/** 16-bit PCM WAV (RIFF), interleaved stereo. */
export function encodeWav({ sampleRate, left, right }: Soundtrack): Buffer {
  const frames = left.length;
  const dataBytes = frames * 4;
  const buffer = Buffer.alloc(44 + dataBytes);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + dataBytes, 4);
  buffer.write('WAVE', 8, 'ascii');
  buffer.write('fmt ', 12, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20); // PCM
  buffer.writeUInt16LE(2, 22); // channels
  buffer.writeUInt32LE(sampleRate, 24);
  buffer.writeUInt32LE(sampleRate * 4, 28);
  buffer.writeUInt16LE(4, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < frames; i++) {
    const l = Math.max(-1, Math.min(1, left[i] as number));
    const r = Math.max(-1, Math.min(1, right[i] as number));
    buffer.writeInt16LE(Math.round(l * 32767), 44 + i * 4);
    buffer.writeInt16LE(Math.round(r * 32767), 46 + i * 4);
  }
  return buffer;
}

/** Synthesise and write the soundtrack WAV to `file`. */
export async function writeSoundtrack(file: string, input: SoundInput): Promise<void> {
  await writeFile(file, encodeWav(synthesizeSoundtrack(input)));
}
