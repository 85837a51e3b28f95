/**
 * The soundtrack: an ambience bed for each shot's setting, weather and sources (filtered noise for surf, wind, rain,
 * traffic and fire; chirps for birds by day, busiest at dawn, crickets at night; thunder on the timeline's lightning,
 * bangs on its fireworks) under a gentle music bed (pad chords, a plucked arpeggio, bass and drums for the energetic
 * moods) whose key, scale and tempo follow the mood, heard muffled from under water.
 * Deterministic from the seed, exactly `seconds` long, faded in and out, peak-normalised to -1 dBFS, and written as
 * 16-bit PCM WAV, 48 kHz stereo, for the encoder to mux as AAC.
 */
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ScenePlan } from '../../domain/scene-plan.js';
import { burstTimes } from './motion.js';
import { hashString } from './prng.js';
import { ambience, type Segment } from './sound/ambience.js';
import { SAMPLE_RATE } from './sound/dsp.js';
import { foldIntoHead, loopRunOn, loopSeamSamples } from './sound/loop.js';
import { mixMusic } from './sound/mix.js';
import { music } from './sound/music.js';
import { encodeWav, type Soundtrack } from './sound/wav.js';
import type { Timeline } from './timeline.js';

export { SAMPLE_RATE, encodeWav };

/** Subjects that crackle and roar. */
const fireNouns = new Set(['fire']);

export interface SoundInput {
  plan: ScenePlan;
  seed: number;
  seconds: number;
  /** When given, shot boundaries and lightning strikes come from it so sound and picture agree. */
  timeline?: Timeline;
  /** A seamless loop: no fade in or out, and the end flows into the start. */
  loop?: boolean;
}

/**
 * The scene of each stretch of the soundtrack: from the timeline when there is one, else shared out as planned.
 * Shots that crossfade overlap, and so do their ambiences, each fading at its edges.
 */
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
      fire: shot.actors.some((actor) => fireNouns.has(actor.noun)),
      bursts: shot.actors.flatMap((actor) => burstTimes(actor, shot.seconds)).sort((a, b) => a - b),
    }));
  }
  const shots = plan.shots.length ? plan.shots : [{ ...plan, seconds }];
  const planned = shots.reduce((sum, s) => sum + s.seconds, 0) || 1;
  let start = 0;
  return shots.map((shot) => {
    const length = (shot.seconds / planned) * seconds;
    const fire = shot.subjects.some((subject) => fireNouns.has(subject.noun));
    const seg = { start, end: start + length, setting: shot.setting, weather: shot.weather, timeOfDay: shot.timeOfDay, lightning: [], fire };
    start += length;
    return seg;
  });
}

/** Synthesise the soundtrack in memory (float stereo). */
export function synthesizeSoundtrack(input: SoundInput): Soundtrack {
  const samples = Math.max(1, Math.round(input.seconds * SAMPLE_RATE));
  // A loop runs on past its end (the last scene carrying on), to be folded over the head.
  const seam = input.loop ? loopSeamSamples(samples) : 0;
  const runOn = loopRunOn(seam);
  const synthLeft = new Float32Array(samples + runOn);
  const synthRight = new Float32Array(samples + runOn);
  const base = hashString('sound', input.seed >>> 0);
  const segments = segmentsOf(input);
  const lastSegment = segments.at(-1);
  if (lastSegment) lastSegment.end += runOn / SAMPLE_RATE;
  segments.forEach((seg, i) => ambience(synthLeft, synthRight, seg, hashString(`ambience:${i}`, base)));
  const musicLeft = new Float32Array(synthLeft.length);
  const musicRight = new Float32Array(synthRight.length);
  music(musicLeft, musicRight, input.plan.mood, hashString('music', base));
  mixMusic(synthLeft, synthRight, musicLeft, musicRight, segments);
  const left = seam ? foldIntoHead(synthLeft, samples, seam) : synthLeft;
  const right = seam ? foldIntoHead(synthRight, samples, seam) : synthRight;

  // Fade in and out (not a loop: it has no start or end to hear), then normalise the peak to -1 dBFS so nothing
  // clips after AAC encoding.
  const fadeIn = seam ? 0 : Math.min(Math.floor(0.4 * SAMPLE_RATE), Math.floor(samples / 4));
  const fadeOut = seam ? 0 : Math.min(Math.floor(0.9 * SAMPLE_RATE), Math.floor(samples / 3));
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

/** Synthesise and write the soundtrack WAV to `file`. */
export async function writeSoundtrack(file: string, input: SoundInput): Promise<void> {
  await writeFile(file, encodeWav(synthesizeSoundtrack(input)));
}

/**
 * writeSoundtrack on a worker thread: the synthesis takes a few hundred milliseconds that would otherwise hold up the
 * first frame while the second core idles. An abort terminates the worker and rejects with the signal's reason.
 */
export function writeSoundtrackInWorker(file: string, input: SoundInput, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  const worker = startSoundWorker({ file, input });
  const stop = (): void => void worker.terminate();
  signal.addEventListener('abort', stop, { once: true });
  return new Promise<void>((resolve, reject) => {
    let failure: Error | undefined;
    worker.once('error', (error) => (failure = error));
    worker.once('exit', (code) => {
      signal.removeEventListener('abort', stop);
      // A worker terminated before it got going exits with code 0: the abort, not the code, says what happened.
      if (signal.aborted) reject(signal.reason as Error);
      else if (code === 0 && failure === undefined) resolve();
      else reject(failure ?? new Error(`the soundtrack worker exited with code ${code}`));
    });
  });
}

function startSoundWorker(workerData: { file: string; input: SoundInput }): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./sound-worker.js', import.meta.url), { workerData });
  // Run from the TypeScript sources (tests, tsx): a worker does not inherit the main thread's tsx hooks, so it
  // registers them itself before loading its entry point (tsx's ESM API sits beside the CommonJS one require finds).
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./sound-worker.ts', import.meta.url).href;
  const load = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(load, { eval: true, workerData });
}
