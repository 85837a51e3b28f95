/**
 * The ambience bed of one shot, from its setting, weather, time of day and what is in it: filtered noise for surf,
 * water, wind, rain, traffic and a fire's roar, drones and rumbles for space, caves and volcanoes, crickets at night,
 * and short events on top (bird chirps, busiest at dawn; drips, bubbles, raindrops, crackles, firework bangs on the
 * picture's bursts, and thunder after each lightning strike).
 */
import { mulberry32 } from '../prng.js';
import { OnePole, SAMPLE_RATE, sinc, StereoSvf, TAU } from './dsp.js';

/** A stretch of the soundtrack with one shot's scene. */
export interface Segment {
  start: number;
  end: number;
  setting: string;
  weather: string;
  timeOfDay: string;
  lightning: number[];
  /** Something burns in the shot (a campfire, a fireplace, torches): crackle and roar. */
  fire?: boolean;
  /** Seconds into the segment at which fireworks burst on screen. */
  bursts?: number[];
}

const surfSettings = new Set(['beach', 'ocean', 'island', 'harbor']);
const windSettings = new Set(['mountains', 'snowfield', 'desert', 'canyon', 'sky', 'savanna']);
const birdSettings = new Set(['forest', 'meadow', 'park', 'garden', 'jungle', 'farm', 'lake', 'river', 'island', 'savanna', 'beach']);
const waterSettings = new Set(['river', 'lake', 'swamp']);
const urban = new Set(['city', 'street']);
/** Seconds between bird calls by time of day: the dawn chorus is the busiest. */
const birdGap: Record<string, number> = { dawn: 0.35, morning: 0.6, noon: 1.4, afternoon: 1.1, 'golden-hour': 0.9, sunset: 1.2 };

type EventKind = 'chirp' | 'drip' | 'bubble' | 'drop' | 'crackle' | 'thunder' | 'bang';
/** A short sound on top of the bed: when (sample), what, its pitch (Hz) and pan (-1 left .. 1 right). */
type SoundEvent = [number, EventKind, number, number];

const eventSeconds: Record<EventKind, number> = { thunder: 2.8, chirp: 0.09, drop: 0.02, crackle: 0.015, drip: 0.25, bubble: 0.25, bang: 1.4 };

/** The scheduled events of a segment (the per-sample ones, raindrops and crackles, are added while the bed runs). */
function scheduleEvents(seg: Segment, n0: number, span: number, rand: () => number, flags: { birds: boolean; cave: boolean; underwater: boolean }): SoundEvent[] {
  const events: SoundEvent[] = [];
  const seconds = span / SAMPLE_RATE;
  const at = (t: number): number => n0 + Math.floor(t * SAMPLE_RATE);
  if (flags.birds) {
    const gap = birdGap[seg.timeOfDay] ?? 1.2;
    for (let t = rand() * 0.6; t < seconds; t += gap * (0.5 + rand() * 1.5)) {
      const notes = 2 + Math.floor(rand() * 4);
      const pitch = 2400 + rand() * 2600;
      const pan = rand() * 2 - 1;
      for (let k = 0; k < notes; k++) events.push([at(t + k * (0.09 + rand() * 0.05)), 'chirp', pitch * (0.9 + rand() * 0.25), pan]);
    }
  }
  if (flags.cave) for (let t = rand(); t < seconds; t += 0.7 + rand() * 1.8) events.push([at(t), 'drip', 900 + rand() * 900, rand() * 2 - 1]);
  if (flags.underwater) for (let t = rand() * 0.5; t < seconds; t += 0.15 + rand() * 0.7) events.push([at(t), 'bubble', 300 + rand() * 500, rand() * 2 - 1]);
  for (const strike of seg.lightning) events.push([at(strike + 0.35 + rand() * 0.5), 'thunder', 0, rand() - 0.5]);
  for (const burst of seg.bursts ?? []) events.push([at(burst), 'bang', 0, rand() - 0.5]);
  return events;
}

/** Add one shot's ambience into the buffers, with short fades at its edges so shots join without clicks. */
export function ambience(left: Float32Array, right: Float32Array, seg: Segment, seed: number): void {
  const rand = mulberry32(seed);
  const n0 = Math.floor(seg.start * SAMPLE_RATE);
  const n1 = Math.min(left.length, Math.floor(seg.end * SAMPLE_RATE));
  const fade = Math.floor(0.25 * SAMPLE_RATE);
  const night = seg.timeOfDay === 'night' || seg.timeOfDay === 'dusk';
  const surf = surfSettings.has(seg.setting);
  const rain = seg.weather === 'rain' || seg.weather === 'storm';
  const snow = seg.weather === 'snow';
  const wind = windSettings.has(seg.setting) || seg.weather === 'wind' || seg.weather === 'storm' || snow;
  const windLevel = seg.weather === 'storm' ? 0.55 : snow ? 0.16 : 0.35;
  const water = waterSettings.has(seg.setting);
  const underwater = seg.setting === 'underwater';
  const deep = seg.setting === 'space' || seg.setting === 'moon';
  const cave = seg.setting === 'cave';
  const volcano = seg.setting === 'volcano';
  const stage = seg.setting === 'stage';
  const city = urban.has(seg.setting);
  const fire = Boolean(seg.fire);
  const birds = birdSettings.has(seg.setting) && !night && !rain && !snow;
  const crickets = (birdSettings.has(seg.setting) || seg.setting === 'swamp') && night && !rain && !snow;

  const span = n1 - n0;
  const events = scheduleEvents(seg, n0, span, rand, { birds, cave, underwater });
  const surfF = new StereoSvf(0.5);
  const waterF = new StereoSvf(0.5);
  const windF = new StereoSvf(0.5);
  const crowdF = new StereoSvf(0.9);
  const fireF = new StereoSvf(0.6);
  const lp = [new OnePole(), new OnePole(), new OnePole(), new OnePole()];
  const swellPeriod = 5 + rand() * 3;
  // Slow modulators (swells, gusts, flares, the cricket gate) change at a control rate, not per sample.
  const BLOCK = 32;
  for (let b0 = n0; b0 < n1; b0 += BLOCK) {
    const t = (b0 - n0) / SAMPLE_RATE;
    const phase = (t / swellPeriod) % 1;
    const swell = phase < 0.25 ? phase / 0.25 : Math.exp(-(phase - 0.25) * 4);
    const surfFc = 300 + 1400 * swell;
    const surfLevel = 0.18 + 0.55 * swell;
    const babble = water ? 0.5 + 0.5 * Math.sin(TAU * t * 0.7 + Math.sin(TAU * t * 2.3)) : 0;
    const gust = wind ? 0.55 + 0.45 * Math.sin(TAU * t * 0.13 + 1) * Math.sin(TAU * t * 0.07) : 0;
    const windFc = 350 + 550 * gust;
    const gustLevel = windLevel * (0.4 + 0.6 * gust);
    const trafficL = city ? (0.5 + 0.5 * Math.sin(TAU * t * 0.09)) * 0.9 : 0;
    const trafficR = city ? (0.5 + 0.5 * Math.sin(TAU * t * 0.11 + 2)) * 0.9 : 0;
    const flare = fire ? 0.6 + 0.4 * Math.sin(TAU * t * 0.31) * Math.sin(TAU * t * 0.73 + 1) : 0;
    // Crickets: 4.5 kHz bursts, three pulses per chirp, a chirp about every 0.8 s.
    const cricket = crickets && (t * 1.25) % 1 < 0.12 && (t * 30) % 1 < 0.5 ? 0.05 : 0;
    const b1 = Math.min(n1, b0 + BLOCK);
    for (let i = b0; i < b1; i++) {
      const ts = (i - n0) / SAMPLE_RATE;
      const edge = Math.min(1, (i - n0) / fade, (n1 - 1 - i) / fade);
      const wl = rand() * 2 - 1;
      const wr = rand() * 2 - 1;
      let l = 0;
      let r = 0;
      if (surf) {
        // Surf: low-passed noise whose brightness and level swell like breaking waves.
        surfF.run(wl, wr, surfFc, 1.05);
        l += surfF.left.low * surfLevel;
        r += surfF.right.low * surfLevel;
      }
      if (water) {
        waterF.run(wl, wr, 700 + 500 * babble, 1.07);
        l += waterF.left.band * 0.22;
        r += waterF.right.band * 0.22;
      }
      if (wind) {
        windF.run(wl, wr, windFc, 1.1);
        l += windF.left.band * gustLevel;
        r += windF.right.band * gustLevel;
      }
      if (rain) {
        const level = seg.weather === 'storm' ? 0.3 : 0.2;
        l += (wl - (lp[0] as OnePole).lowpass(wl, 2500)) * level;
        r += (wr - (lp[1] as OnePole).lowpass(wr, 2500)) * level;
        if (rand() < 0.0009) events.push([i + 1, 'drop', 2500 + rand() * 3000, rand() * 2 - 1]);
      }
      if (city) {
        const hum = sinc(58 * ts) * 0.025 + sinc(116 * ts) * 0.012;
        l += hum + (lp[2] as OnePole).lowpass(wl, 220) * trafficL;
        r += hum + (lp[3] as OnePole).lowpass(wr, 220) * trafficR;
      }
      if (underwater || cave || volcano) {
        const rumble = (lp[2] as OnePole).lowpass(wl, volcano ? 90 : 160) * (volcano ? 2.2 : 1.4);
        l += rumble;
        r += rumble * 0.9;
        if (volcano && rand() < 0.004) events.push([i + 1, 'crackle', 1800 + rand() * 2500, rand() * 2 - 1]);
      }
      if (fire) {
        // A fire: a breathy low roar that flares, and crackles popping at random.
        fireF.run(wl, wr, 260, 1.08);
        l += fireF.left.band * 0.5 * flare;
        r += fireF.right.band * 0.5 * flare;
        if (rand() < 0.0016 * flare) events.push([i + 1, 'crackle', 2000 + rand() * 3000, rand() - 0.5]);
      }
      if (deep) {
        const drone = (sinc(55 * ts) + sinc(55.4 * ts) * 0.8 + sinc(82.5 * ts) * 0.3) * 0.05;
        l += drone;
        r += drone;
      }
      if (stage) {
        crowdF.run(wl, wr, 450, 1.07);
        l += crowdF.left.band * 0.12;
        r += crowdF.right.band * 0.12;
      }
      if (cricket) {
        const c = sinc(4500 * ts) * cricket;
        l += c;
        r += c * 0.6;
      }
      left[i] = (left[i] as number) + l * edge;
      right[i] = (right[i] as number) + r * edge;
    }
  }
  for (const event of events) playEvent(left, right, event, n0, n1, rand);
}

/** Synthesise one event into the buffers, clipped to the segment. */
function playEvent(left: Float32Array, right: Float32Array, [start, kind, pitch, pan]: SoundEvent, n0: number, n1: number, rand: () => number): void {
  const len = Math.floor(eventSeconds[kind] * SAMPLE_RATE);
  const loud = kind === 'thunder' || kind === 'bang';
  const gl = Math.min(1, 1 - pan) * (loud ? 1 : 0.8);
  const gr = Math.min(1, 1 + pan) * (loud ? 1 : 0.8);
  const body = new OnePole();
  // Exponential decays run as a multiplication per sample: exp(-rate·k/len) without calling exp.
  const decay = (rate: number): number => Math.exp(-rate / len);
  const fast = decay(kind === 'drip' || kind === 'bubble' ? 8 : 10);
  let env = 1;
  let phase = 0;
  for (let k = 0; k < len; k++) {
    const i = start + k;
    if (i >= n1) break;
    const u = k / len;
    env *= fast;
    if (i < n0) continue;
    let v = 0;
    switch (kind) {
      case 'chirp': {
        const arch = sinc(u / 2);
        phase += (pitch * (1 + 0.35 * arch)) / SAMPLE_RATE;
        v = sinc(phase) * arch * 0.12;
        break;
      }
      case 'drip':
      case 'bubble': {
        phase += (kind === 'drip' ? pitch * (1 + u * 0.6) : pitch * (1 + u * 2.5)) / SAMPLE_RATE;
        v = sinc(phase) * env * (kind === 'drip' ? 0.16 : 0.07);
        break;
      }
      case 'drop':
      case 'crackle':
        v = (rand() * 2 - 1) * env * 0.25;
        break;
      case 'thunder': {
        const swell = u < 0.05 ? u / 0.05 : Math.exp(-(u - 0.05) * 2.5);
        // The cutoff falls in 10 Hz steps, so the filter's coefficient is recomputed a few dozen times, not per sample.
        v = body.lowpass(rand() * 2 - 1, 120 + Math.round(20 * (1 - u)) * 10) * swell * 4.5;
        break;
      }
      case 'bang': {
        // A firework: a sharp crack, then a rumbling tail.
        const crack = u < 0.08 ? (1 - u / 0.08) * 0.9 : 0;
        const tail = body.lowpass(rand() * 2 - 1, 80 + Math.round(40 * (1 - u)) * 10) * (1 - u) * (1 - u) * 2.2;
        v = (rand() * 2 - 1) * crack + tail;
        break;
      }
    }
    left[i] = (left[i] as number) + v * gl;
    right[i] = (right[i] as number) + v * gr;
  }
}
