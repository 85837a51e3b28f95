/**
 * Entry point of the worker thread that synthesises a soundtrack (started by writeSoundtrackInWorker in sound.ts),
 * so the synthesis runs on a second core while the main thread rasterises sprites and draws the first frames.
 */
import { workerData } from 'node:worker_threads';
import { writeSoundtrack, type SoundInput } from './sound.js';

const { file, input } = workerData as { file: string; input: SoundInput };
await writeSoundtrack(file, input);
