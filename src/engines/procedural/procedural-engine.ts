/**
 * The built-in engine, "kinora-1": prompt -> ScenePlan -> timeline -> Skia frames + synthesised soundtrack -> MP4.
 * Runs on the CPU with no model weights, deterministically: the same request (prompt, seed, size, seconds, options)
 * gives the same video. Options: silent (no audio track), a seamless loop, crossfades between storyboard shots; an
 * input image is animated with parallax, an input video's frames become the backdrop the scene is drawn over.
 * Frames are rendered and streamed to ffmpeg one at a time, so memory stays flat whatever the length, and an abort
 * stops rendering and kills ffmpeg (encoder and decoders) at once.
 */
import path from 'node:path';
import { kinoraSizes } from '../../domain/sizes.js';
import { resolveMediaTools } from '../../media/ffmpeg-binaries.js';
import { startFrameEncoder, type FrameEncoder } from '../../media/frame-encoder.js';
import type { ScenePlan } from '../../domain/scene-plan.js';
import type { Engine, GenerateContext, GenerationRequest, GenerationResult, ModelInfo, PlanRequest } from '../engine.js';
import { compose, DEFAULT_FPS } from './compose.js';
import { planPrompt } from './parse.js';
import { FrameRenderer } from './render.js';
import { sendPreview } from './render/preview.js';
import { renderSequence } from './render/sequence.js';
import { openVideoBackdrop } from './render/video-backdrop.js';
import { writeSoundtrackInWorker } from './sound.js';
import { warmUpProcedural } from './warm-up.js';

export const PROCEDURAL_MODEL: ModelInfo = {
  id: 'kinora-1',
  engine: 'procedural',
  description: 'Built-in procedural animation: a deterministic reading of the prompt, drawn and scored on the CPU.',
  sizes: kinoraSizes,
  maxSeconds: 20,
  features: { imageInput: true, remix: true, audio: true, videoInput: true },
};

const FPS = DEFAULT_FPS;

function validate(request: GenerationRequest): void {
  if (request.model !== PROCEDURAL_MODEL.id) throw new RangeError(`model ${request.model} is not served by the procedural engine`);
  const size = `${request.width}x${request.height}`;
  if (!PROCEDURAL_MODEL.sizes.includes(size)) throw new RangeError(`size ${size} is not one of ${PROCEDURAL_MODEL.sizes.join(', ')}`);
  if (!(request.seconds > 0 && request.seconds <= PROCEDURAL_MODEL.maxSeconds)) {
    throw new RangeError(`seconds must be in (0, ${PROCEDURAL_MODEL.maxSeconds}], got ${request.seconds}`);
  }
  const transition = request.options?.transition;
  if (transition !== undefined && transition !== 'cut' && transition !== 'crossfade') {
    throw new RangeError(`transition must be cut or crossfade, got ${String(transition)}`);
  }
  const video = request.inputVideo;
  if (video && !(video.seconds > 0 && video.width > 0 && video.height > 0)) {
    throw new RangeError('the input video has no picture to draw over (no duration or size)');
  }
}

async function generate(request: GenerationRequest, context: GenerateContext): Promise<GenerationResult> {
  validate(request);
  const { signal, onProgress, workDir } = context;
  signal.throwIfAborted();
  const { width, height, seed } = request;
  const options = request.options ?? {};
  const audio = options.audio !== false;
  const loop = options.loop === true;

  const plan = request.plan ?? planFor({ prompt: request.prompt, seconds: request.seconds });
  const timeline = compose({
    plan, seed, width, height, seconds: request.seconds, fps: FPS, imageBackdrop: Boolean(request.inputImage ?? request.inputVideo),
    loop, transition: options.transition ?? 'cut',
  });
  const renderer = new FrameRenderer(timeline);
  const soundFile = audio ? path.join(workDir, 'soundtrack.wav') : undefined;
  const tools = await resolveMediaTools();
  signal.throwIfAborted();

  // Our own controller: it follows the caller's signal, and also kills ffmpeg (the encoder, and the decoders of an
  // input video) if rendering fails for another reason.
  const stop = new AbortController();
  const follow = (): void => stop.abort(signal.reason);
  signal.addEventListener('abort', follow, { once: true });
  const backdrop = request.inputVideo ? openVideoBackdrop(tools, request.inputVideo, timeline, stop.signal) : undefined;
  const output = path.join(workDir, 'video.mp4');
  // The soundtrack is synthesised on another core from the start, while this thread rasterises the sprites and draws
  // the first frame; ffmpeg starts once both are done (it reads the WAV when it opens its inputs), so the preview
  // someone is waiting for is drawn before ffmpeg's threads share the cores. (Started after the first frame instead,
  // the encoder waited about 0.3 s for the sound with one core idle.)
  const soundtrack = soundFile
    ? writeSoundtrackInWorker(soundFile, { plan, seed, seconds: timeline.seconds, timeline, loop }, stop.signal)
    : Promise.resolve();
  // A render that fails before the encoder starts reports its own error; the soundtrack's is then not news.
  soundtrack.catch(() => {});
  let encoderStarted: Promise<FrameEncoder> | undefined;
  const startEncoder = (): Promise<FrameEncoder> =>
    soundtrack.then(() => startFrameEncoder(tools, {
      width, height, fps: FPS, output, audioFile: soundFile, signal: stop.signal, preset: 'veryfast', frames: timeline.frames,
    }));
  try {
    await renderer.prepare(backdrop ? { backdrop } : request.inputImage ? { inputImage: request.inputImage.file } : {});
    signal.throwIfAborted();
    await renderSequence(renderer, async (pixels, frame) => {
      // The canvas holds the first frame's picture (its top layer where frames are mixed): good enough to show early.
      if (frame === 0 && context.onPreview) sendPreview(renderer.canvas, context.onPreview);
      encoderStarted ??= startEncoder();
      await (await encoderStarted).write(pixels);
      onProgress((frame + 1) / timeline.frames);
    }, { signal: stop.signal, backdrop });
    if (!encoderStarted) throw new Error('the timeline has no frames');
    await (await encoderStarted).finish();
  } catch (error) {
    if (!stop.signal.aborted) stop.abort(error);
    throw signal.aborted ? (signal.reason ?? error) : error;
  } finally {
    signal.removeEventListener('abort', follow);
    backdrop?.close();
  }
  return { file: output, width, height, fps: FPS, seconds: timeline.seconds, hasAudio: audio, plan };
}

function planFor(request: PlanRequest): ScenePlan {
  return planPrompt(request.prompt, { seconds: request.seconds, ...(request.basePlan ? { base: request.basePlan } : {}) });
}

export function createProceduralEngine(): Engine {
  return { name: 'procedural', models: [PROCEDURAL_MODEL], generate, plan: planFor, warmUp: warmUpProcedural };
}
