/**
 * Regenerates docs/engine-samples.png for README: one frame from each of a few prompts, made by the built-in
 * engine exactly as the API would make them (fixed seeds, so the picture only changes when the engine does).
 *
 *   npx tsx scripts/readme-samples.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createProceduralEngine } from '../src/engines/procedural/procedural-engine.js';
import { resolveMediaTools } from '../src/media/ffmpeg-binaries.js';
import { runProcess } from '../src/media/run-process.js';

const prompts = [
  'two red foxes running across a snowy meadow at dusk',
  'a lighthouse on an island at night while waves crash, the camera slowly pushes in',
  'three yellow balloons floating over a city at sunset',
  'a whale swimming underwater, watercolor',
];
const output = path.resolve('docs/engine-samples.png');
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinora-samples-'));

try {
  const tools = await resolveMediaTools();
  const engine = createProceduralEngine();
  const frames: string[] = [];
  for (const [i, prompt] of prompts.entries()) {
    const dir = path.join(workDir, String(i));
    fs.mkdirSync(dir);
    const result = await engine.generate(
      { model: 'kinora-1', prompt, width: 1280, height: 720, seconds: 3, seed: 5 },
      { signal: new AbortController().signal, onProgress: () => undefined, workDir: dir },
    );
    const frame = path.join(workDir, `${i}.png`);
    await runProcess(tools.ffmpeg, ['-v', 'error', '-ss', '1.5', '-i', result.file, '-frames:v', '1', '-vf', 'scale=640:-2', '-y', frame], { timeoutMs: 60_000 });
    frames.push(frame);
  }
  await runProcess(
    tools.ffmpeg,
    ['-v', 'error', ...frames.flatMap((f) => ['-i', f]), '-filter_complex', 'xstack=inputs=4:layout=0_0|w0_0|0_h0|w0_h0', '-y', output],
    { timeoutMs: 60_000 },
  );
  console.log(`wrote ${output}`);
} finally {
  fs.rmSync(workDir, { recursive: true, force: true });
}
