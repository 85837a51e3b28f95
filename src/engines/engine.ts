import type { ScenePlan } from '../domain/scene-plan.js';

/** What one model served by an engine can do; the API validates requests against this. */
export interface ModelInfo {
  /** Public model name, e.g. "kinora-1". */
  id: string;
  engine: string;
  description: string;
  sizes: readonly string[];
  maxSeconds: number;
  /** The only lengths the model makes, in seconds (OpenAI's Sora: 4, 8, 12); unset: any whole second up to maxSeconds. */
  secondsChoices?: readonly number[];
  /**
   * `imageRequired`: an image-to-video model, which makes nothing without an input image. `videoInput`: it draws over
   * an uploaded clip (an edit of an upload); unset: it cannot.
   */
  features: { imageInput: boolean; remix: boolean; audio: boolean; imageRequired?: boolean; videoInput?: boolean };
}

/** An image handed to an engine as the first frame / reference (already validated and decoded-safe). */
export interface ReferenceImage {
  file: string;
  mime: string;
  width: number;
  height: number;
}

export interface GenerationRequest {
  model: string;
  prompt: string;
  width: number;
  height: number;
  seconds: number;
  seed: number;
  inputImage?: ReferenceImage;
  /** The plan made by `Engine.plan` when the video was created; an engine that plans uses it as it is. */
  plan?: ScenePlan;
  /** Kinora's own options beyond OpenAI's request; every one has a default, so an engine may ignore what it lacks. */
  options?: GenerationOptions;
  /**
   * A video to work over instead of drawing a backdrop (an edit of an uploaded clip): already probed and safe to
   * decode; its frames are the picture the prompt's light, weather and particles are applied to.
   */
  inputVideo?: ReferenceVideo;
}

/** How shots are joined in a storyboard. */
export type ShotTransition = 'cut' | 'crossfade';

export interface GenerationOptions {
  /** false: no audio track at all. Default true (a soundtrack from the plan). */
  audio?: boolean;
  /** true: a seamless loop, the last frame flows into the first. Default false. */
  loop?: boolean;
  /** Storyboards: how one shot gives way to the next. Default 'cut'. */
  transition?: ShotTransition;
}

/** A video file handed to an engine (probed: H.264/VP9/… with a video stream of this size and length). */
export interface ReferenceVideo {
  file: string;
  width: number;
  height: number;
  seconds: number;
  fps: number;
}

/** What an engine that reads prompts into scene plans needs to make one. */
export interface PlanRequest {
  prompt: string;
  seconds: number;
  /** For a remix: the plan of the source video, which the new prompt edits instead of replacing. */
  basePlan?: ScenePlan;
}

export interface GenerateContext {
  /** Aborted when the job is cancelled or its lease is lost; the engine must stop promptly (kill ffmpeg). */
  signal: AbortSignal;
  /** Fraction of the work really done, 0..1 (frames rendered and handed to the encoder). */
  onProgress: (fraction: number) => void;
  /** A private scratch directory for this attempt; the engine writes its output file here. */
  workDir: string;
  /**
   * Called at most once, as soon as the first frame is drawn, with a small still of it, so a client sees the picture
   * long before the video is encoded. Optional both ways: an engine may never call it, a caller may not listen.
   */
  onPreview?: (frame: PreviewFrame) => void;
}

/** A reduced still of the first frame (at most a few hundred pixels wide), already encoded. */
export interface PreviewFrame {
  image: Buffer;
  mime: 'image/jpeg';
  width: number;
  height: number;
}

export interface GenerationResult {
  /** Path of the finished MP4 (H.264 yuv420p + AAC, faststart) inside workDir. */
  file: string;
  width: number;
  height: number;
  fps: number;
  seconds: number;
  hasAudio: boolean;
  plan?: ScenePlan;
}

export interface Engine {
  readonly name: string;
  readonly models: readonly ModelInfo[];
  generate(request: GenerationRequest, context: GenerateContext): Promise<GenerationResult>;
  /**
   * Engines that understand prompts structurally (the procedural one) plan at creation time, so a client sees what
   * was understood, and the unmatched words, before the render starts.
   */
  plan?(request: PlanRequest): ScenePlan;
  /**
   * Loads, off the request path, what the first render of a fresh process would otherwise load while someone waits
   * for its preview (artwork, fonts, native libraries, compiled code). Called once when a worker starts; optional.
   */
  warmUp?(): Promise<void>;
}
