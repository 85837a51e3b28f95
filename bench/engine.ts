/**
 * bench/engine — how fast the built-in engine makes a 10 s 1920x1080 clip, against the floor set by ffmpeg
 * encoding the very same frames from raw input (measured in the same run, on the same machine).
 *
 *   npm run bench            (or: npx tsx bench/engine.ts [--size 1920x1080] [--seconds 10])
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseSize } from '../src/domain/sizes.js';
import { createProceduralEngine } from '../src/engines/procedural/procedural-engine.js';
import { resolveMediaTools } from '../src/media/ffmpeg-binaries.js';
import { startFrameEncoder } from '../src/media/frame-encoder.js';
import { runProcess } from '../src/media/run-process.js';

const { values } = parseArgs({ options: { size: { type: 'string', default: '1920x1080' }, seconds: { type: 'string', default: '10' } } });
const { width, height } = parseSize(values.size);
const seconds = Number(values.seconds);
const prompt = 'three red foxes running through a snowy forest at dusk while the camera pans right';
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinora-bench-'));

try {
  const tools = await resolveMediaTools();
  const engine = createProceduralEngine();
  const startedAt = performance.now();
  // Frames are streamed, so memory must stay flat however long the clip: the peak is printed to show it.
  let peakRss = 0;
  const result = await engine.generate(
    { model: 'kinora-1', prompt, width, height, seconds, seed: 1 },
    { signal: new AbortController().signal, onProgress: () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), workDir },
  );
  const engineSeconds = (performance.now() - startedAt) / 1000;
  const frames = Math.round(result.seconds * result.fps);

  // The same frames, decoded back to raw RGBA, then encoded again with the engine's own encoder settings.
  const raw = path.join(workDir, 'frames.rgba');
  await runProcess(tools.ffmpeg, ['-v', 'error', '-i', result.file, '-f', 'rawvideo', '-pix_fmt', 'rgba', '-y', raw], { timeoutMs: 600_000 });
  const frameBytes = width * height * 4;
  const encoder = startFrameEncoder(tools, { width, height, fps: result.fps, output: path.join(workDir, 'raw-encode.mp4'), signal: new AbortController().signal });
  const encodeStartedAt = performance.now();
  const handle = await fs.promises.open(raw, 'r');
  const frame = Buffer.alloc(frameBytes);
  for (let i = 0; i < frames; i++) {
    await handle.read(frame, 0, frameBytes, i * frameBytes);
    await encoder.write(frame);
  }
  await handle.close();
  await encoder.finish();
  const encodeSeconds = (performance.now() - encodeStartedAt) / 1000;

  const row = (label: string, s: number) => `${label.padEnd(44)} ${s.toFixed(2).padStart(7)} s  ${(frames / s).toFixed(1).padStart(6)} fps`;
  console.log(`bench/engine  ${width}x${height}, ${seconds} s, ${frames} frames, ${os.cpus().length} cores, ffmpeg ${tools.ffmpegVersion}`);
  console.log(row('kinora-1 (plan + render + sound + encode)', engineSeconds));
  console.log(row('ffmpeg alone, same frames from raw input', encodeSeconds));
  console.log(`peak RSS of the engine's process while rendering: ${Math.round(peakRss / 1048576)} MB`);
  console.log(`ratio engine / raw encode: ${(engineSeconds / encodeSeconds).toFixed(2)}x   (real time factor: ${(engineSeconds / seconds).toFixed(2)} s per video second)`);
} finally {
  fs.rmSync(workDir, { recursive: true, force: true });
}
