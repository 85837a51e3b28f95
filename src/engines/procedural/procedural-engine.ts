/**
 * The built-in engine, "kinora-1": prompt -> ScenePlan -> timeline -> Skia frames + synthesised soundtrack -> MP4.
 * Runs on the CPU with no model weights, deterministically: the same request (prompt, seed, size, seconds, options)
 * gives the same video. Frames are rendered and streamed to ffmpeg one at a time, so memory stays flat whatever the
 * length, and an abort stops rendering and kills ffmpeg at once.
 */
import path from 'node:path';
import { kinoraSizes } from '../../domain/sizes.js';
import { resolveMediaTools } from '../../media/ffmpeg-binaries.js';
import { startFrameEncoder } from '../../media/frame-encoder.js';
import type { ScenePlan } from '../../domain/scene-plan.js';
import type { Engine, GenerateContext, GenerationRequest, GenerationResult, ModelInfo, PlanRequest } from '../engine.js';
import { compose, DEFAULT_FPS } from './compose.js';
import { planPrompt } from './parse.js';
import { FrameRenderer, renderFrames } from './render.js';
import { writeSoundtrack } from './sound.js';

export const PROCEDURAL_MODEL: ModelInfo = {
  id: 'kinora-1',
  engine: 'procedural',
  description: 'Built-in procedural animation: a deterministic reading of the prompt, drawn and scored on the CPU.',
  sizes: kinoraSizes,
  maxSeconds: 20,
  features: { imageInput: true, remix: true, audio: true },
};

const FPS = DEFAULT_FPS;

function validate(request: GenerationRequest): void {
  if (request.model !== PROCEDURAL_MODEL.id) throw new RangeError(`model ${request.model} is not served by the procedural engine`);
  const size = `${request.width}x${request.height}`;
  if (!PROCEDURAL_MODEL.sizes.includes(size)) throw new RangeError(`size ${size} is not one of ${PROCEDURAL_MODEL.sizes.join(', ')}`);
  if (!(request.seconds > 0 && request.seconds <= PROCEDURAL_MODEL.maxSeconds)) {
    throw new RangeError(`seconds must be in (0, ${PROCEDURAL_MODEL.maxSeconds}], got ${request.seconds}`);
  }
}

async function generate(request: GenerationRequest, context: GenerateContext): Promise<GenerationResult> {
  validate(request);
  const { signal, onProgress, workDir } = context;
  signal.throwIfAborted();
  const { width, height, seed } = request;

  const plan = request.plan ?? planFor({ prompt: request.prompt, seconds: request.seconds });
  const timeline = compose({ plan, seed, width, height, seconds: request.seconds, fps: FPS, imageBackdrop: Boolean(request.inputImage) });
  const renderer = new FrameRenderer(timeline);
  const soundFile = path.join(workDir, 'soundtrack.wav');
  const [tools] = await Promise.all([
    resolveMediaTools(),
    renderer.prepare(request.inputImage ? { inputImage: request.inputImage.file } : {}),
    writeSoundtrack(soundFile, { plan, seed, seconds: timeline.seconds, timeline }),
  ]);
  signal.throwIfAborted();

  // Our own controller: it follows the caller's signal, and also kills ffmpeg if rendering fails for another reason.
  const stop = new AbortController();
  const follow = (): void => stop.abort(signal.reason);
  signal.addEventListener('abort', follow, { once: true });
  const output = path.join(workDir, 'video.mp4');
  try {
    const encoder = startFrameEncoder(tools, {
      width, height, fps: FPS, output, audioFile: soundFile, signal: stop.signal, preset: 'veryfast', frames: timeline.frames,
    });
    await renderFrames(renderer, async (pixels, frame) => {
      await encoder.write(pixels);
      onProgress((frame + 1) / timeline.frames);
    }, stop.signal);
    await encoder.finish();
  } catch (error) {
    if (!stop.signal.aborted) stop.abort(error);
    throw signal.aborted ? (signal.reason ?? error) : error;
  } finally {
    signal.removeEventListener('abort', follow);
  }
  return { file: output, width, height, fps: FPS, seconds: timeline.seconds, hasAudio: true, plan };
}

function planFor(request: PlanRequest): ScenePlan {
  return planPrompt(request.prompt, { seconds: request.seconds, ...(request.basePlan ? { base: request.basePlan } : {}) });
}

export function createProceduralEngine(): Engine {
  return { name: 'procedural', models: [PROCEDURAL_MODEL], generate, plan: planFor };
}
