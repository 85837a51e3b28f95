/**
 * bench/engine — how fast the built-in engine makes a 10 s 1920x1080 clip with sound, against the floor set by ffmpeg
 * encoding the very same frames, and muxing the same soundtrack, from raw input with the same settings (measured in the
 * same run, on the same machine).
 *
 * Wall-clock times swing when other work shares the cores, so CPU seconds are printed too: the engine's own process
 * (planning, drawing, sound, piping), ffmpeg's (read from /proc/self/stat once it has exited), and the drawing alone.
 *
 *   npm run bench            (or: npx tsx bench/engine.ts [--size 1920x1080] [--seconds 10] [--prompt "..."])
 */
// First, as in the CLI: it configures the native canvas library's allocator before that loads.
import '../src/runtime/skia-allocator.js';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseSize } from '../src/domain/sizes.js';
import { compose } from '../src/engines/procedural/compose.js';
import { planPrompt } from '../src/engines/procedural/parse.js';
import { createProceduralEngine } from '../src/engines/procedural/procedural-engine.js';
import { FrameRenderer } from '../src/engines/procedural/render.js';
import { renderSequence } from '../src/engines/procedural/render/sequence.js';
import { resolveMediaTools } from '../src/media/ffmpeg-binaries.js';
import { startFrameEncoder } from '../src/media/frame-encoder.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1920x1080' },
    seconds: { type: 'string', default: '10' },
    prompt: { type: 'string', default: 'three red foxes running through a snowy forest at dusk while the camera pans right' },
  },
});
const { width, height } = parseSize(values.size);
const seconds = Number(values.seconds);
const prompt = values.prompt;
const seed = 1;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinora-bench-'));

const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU seconds used so far by this process, and by its children that have exited (ffmpeg). */
function cpuSeconds(): { own: number; children: number } {
  const usage = process.cpuUsage();
  // Fields after the command name: cutime and cstime are the 14th and 15th.
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  return { own: (usage.user + usage.system) / 1e6, children: (Number(fields[13]) + Number(fields[14])) / ticksPerSecond };
}

interface Run {
  wall: number;
  own: number;
  children: number;
}

async function measure(work: () => Promise<void>): Promise<Run> {
  const cpu0 = cpuSeconds();
  const started = performance.now();
  await work();
  const wall = (performance.now() - started) / 1000;
  const cpu1 = cpuSeconds();
  return { wall, own: cpu1.own - cpu0.own, children: cpu1.children - cpu0.children };
}

try {
  const tools = await resolveMediaTools();
  const engine = createProceduralEngine();
  // As a worker does when it starts (so the first video someone asks for does not pay for loading the artwork and
  // compiling the drawing code): the figure below is what a running server takes for a clip.
  await engine.warmUp?.();
  let peakRss = 0;
  let file = '';
  let fps = 24;
  // Frames are streamed, so memory must stay flat however long the clip: the peak is printed to show it.
  const engineRun = await measure(async () => {
    const result = await engine.generate(
      { model: 'kinora-1', prompt, width, height, seconds, seed },
      { signal: new AbortController().signal, onProgress: () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), workDir },
    );
    file = result.file;
    fps = result.fps;
  });
  const frames = Math.round(seconds * fps);

  // The drawing alone (no sound, no encoder, sprites already rasterised), for the share of the engine's CPU that is
  // rendering frames.
  const renderer = new FrameRenderer(compose({ plan: planPrompt(prompt, { seconds }), seed, width, height, seconds, fps }));
  await renderer.prepare();
  const drawRun = await measure(() => renderSequence(renderer, async () => {}));

  // The very frames the engine piped to ffmpeg (drawing is deterministic), kept raw this time, unmeasured. Not the
  // MP4 decoded back: its frames have lost their fine detail to the encoder, which makes them cheaper to encode again.
  const raw = path.join(workDir, 'frames.rgba');
  const rawFile = await fs.promises.open(raw, 'w');
  await renderSequence(renderer, async (pixels) => void (await rawFile.write(pixels)));
  await rawFile.close();
  const frameBytes = width * height * 4;
  // With the soundtrack the engine wrote, muxed the same way: ffmpeg's whole job, and the same video stream (x264's
  // rate control sees other timestamps when the MP4 has an audio track).
  const soundtrack = path.join(workDir, 'soundtrack.wav');
  const encodeRun = await measure(async () => {
    const encoder = startFrameEncoder(tools, {
      width, height, fps, output: path.join(workDir, 'raw-encode.mp4'), signal: new AbortController().signal, frames, audioFile: soundtrack,
    });
    const handle = await fs.promises.open(raw, 'r');
    const frame = Buffer.alloc(frameBytes);
    for (let i = 0; i < frames; i++) {
      await handle.read(frame, 0, frameBytes, i * frameBytes);
      await encoder.write(frame);
    }
    await handle.close();
    await encoder.finish();
  });
  fs.rmSync(raw, { force: true });
  // Proof that both encoded the same frames: with the same settings, x264 then writes the same video stream.
  const videoStreamMd5 = (mp4: string): string =>
    execFileSync(tools.ffmpeg, ['-v', 'error', '-i', mp4, '-map', '0:v', '-c', 'copy', '-f', 'md5', '-'], { encoding: 'utf8' }).trim();
  const sameFrames = videoStreamMd5(file) === videoStreamMd5(path.join(workDir, 'raw-encode.mp4'));

  const s = (value: number): string => `${value.toFixed(2).padStart(6)} s`;
  const row = (label: string, run: Run): string =>
    `${label.padEnd(44)} ${s(run.wall)} ${(frames / run.wall).toFixed(1).padStart(6)} fps   CPU: node ${s(run.own)}, ffmpeg ${s(run.children)}`;
  console.log(`bench/engine  ${width}x${height}, ${seconds} s, ${frames} frames, ${os.cpus().length} cores, ffmpeg ${tools.ffmpegVersion}`);
  console.log(`prompt: "${prompt}"`);
  console.log(row('kinora-1 (plan + render + sound + encode)', engineRun));
  console.log(row('ffmpeg alone, same frames + sound, raw input', encodeRun));
  if (!sameFrames) console.log('WARNING: the two video streams differ, so the frames were not the same: the ratio below means nothing');
  console.log(`${'frames alone (render + pixels, no encode)'.padEnd(44)} CPU ${s(drawRun.own)} = ${((drawRun.own / frames) * 1000).toFixed(1)} ms a frame`);
  console.log(`peak RSS of the engine's process while rendering: ${Math.round(peakRss / 1048576)} MB`);
  console.log(`ratio engine / raw encode: ${(engineRun.wall / encodeRun.wall).toFixed(2)}x wall, ${((engineRun.own + engineRun.children) / (encodeRun.own + encodeRun.children)).toFixed(2)}x CPU`);
  console.log(`real-time factor: ${(engineRun.wall / seconds).toFixed(2)} s per video second`);
  console.log(`load average over the last minute: ${os.loadavg()[0]?.toFixed(2)} (on a busy machine the wall times are not comparable)`);
} finally {
  fs.rmSync(workDir, { recursive: true, force: true });
}
