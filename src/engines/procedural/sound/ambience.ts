/**
 * The ambience bed of one shot, from its setting and weather: filtered noise for surf, water, wind, rain and traffic,
 * drones and rumbles for space, caves and volcanoes, crickets at night, and short events on top (bird chirps, drips,
 * bubbles, raindrops, crackles, and thunder after each lightning strike).
 */
import { mulberry32 } from '../prng.js';
import { OnePole, SAMPLE_RATE, sinc, Svf, TAU } from './dsp.js';

/** A stretch of the soundtrack with one shot's scene. */
export interface Segment {
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
export function ambience(left: Float32Array, right: Float32Array, seg: Segment, seed: number): void {
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
