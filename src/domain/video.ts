import type { ArtistCredit } from './artist.js';
import type { ScenePlan } from './scene-plan.js';
import { unixSeconds } from './unix-time.js';

export type VideoStatus = 'queued' | 'in_progress' | 'completed' | 'failed';

export interface StoredImage {
  key: string;
  mime: string;
  width: number;
  height: number;
}

/** Kinora's generation options beyond OpenAI's request, stored so a retry renders the same video. */
export interface VideoOptions {
  audio: boolean;
  loop: boolean;
  storyboard: Storyboard | null;
}

export interface Storyboard {
  shots: Array<{ prompt: string; seconds: number }>;
  transition: 'cut' | 'crossfade';
}

export const defaultVideoOptions: VideoOptions = { audio: true, loop: false, storyboard: null };

/** An uploaded video clip, probed at upload and stored under a server-made key. */
export interface StoredClip {
  key: string;
  /** The demuxer its probe found ('mov', 'matroska', 'avi'); the worker opens it with that one only. */
  format: string;
  width: number;
  height: number;
  seconds: number;
  fps: number;
  hasAudio: boolean;
}

/**
 * How a video was made from other videos, when it was: the recipe the worker follows (and shows the owner). The
 * sources are the owner's videos by id, or an upload stored with this video.
 */
export type VideoOperation =
  | { kind: 'edit'; sourceVideoId: string | null; inputVideo: StoredClip | null }
  | { kind: 'extend'; sourceVideoId: string | null; inputVideo: StoredClip | null; sourceSeconds: number; extensionSeconds: number }
  | { kind: 'blend'; videoA: string; videoB: string; transitionSeconds: number }
  | { kind: 'recut'; sourceVideoId: string; start: number; end: number; extendTo: number | null; extendMode: 'hold' | 'loop' };

/**
 * What a worker runs for a job: an engine generation (a create, a remix or an edit), or one of the operations that
 * only need ffmpeg and the source videos.
 */
export type JobKind = 'generate' | 'extend' | 'blend' | 'recut';

export function jobKindOf(operation: VideoOperation | null): JobKind {
  return operation === null || operation.kind === 'edit' ? 'generate' : operation.kind;
}

export interface VideoOutputs {
  video: string;
  thumbnail: string;
  spritesheet: string;
}

/** A video as the catalog knows it (camelCase; times in Unix milliseconds). */
export interface VideoRecord {
  id: string;
  ownerKeyId: string;
  model: string;
  status: VideoStatus;
  progress: number;
  prompt: string;
  seed: number;
  size: string;
  /** The length; whole seconds for a generation, any length for an edit such as a recut. */
  seconds: number;
  remixedFromVideoId: string | null;
  inputReference: StoredImage | null;
  plan: ScenePlan | null;
  /** Generation options; null for a video made by ffmpeg alone (a blend or a recut). */
  options: VideoOptions | null;
  operation: VideoOperation | null;
  error: { code: string; message: string } | null;
  outputs: VideoOutputs | null;
  hasAudio: boolean;
  attempt: number;
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
  expiresAt: number | null;
  /** When the owner published it to the public gallery; null while private. */
  publishedAt: number | null;
  /** The registered artists its prompts named (or its sources were credited to). */
  credits: ArtistCredit[];
  /** Whether its picture carries a visible corner mark: decided when it was requested, kept for every retry. */
  watermark: boolean;
  /** What signed its MP4; null until it is signed (or for a video finished before signing existed). */
  provenance: VideoProvenance | null;
}

/** The C2PA manifest embedded in a video's MP4, as the video object shows it. */
export interface VideoProvenance {
  c2pa: true;
  /** The signing certificate's common name. */
  signer: string;
  /** Unix seconds. */
  signed_at: number;
  manifest_label: string;
}

/**
 * The wire format: exactly the fields of OpenAI's Video object (so the SDK types line up), then Kinora's own
 * fields under names the SDK ignores.
 */
export interface VideoObject {
  id: string;
  object: 'video';
  model: string;
  status: VideoStatus;
  progress: number;
  created_at: number;
  completed_at: number | null;
  expires_at: number | null;
  prompt: string;
  size: string;
  seconds: string;
  remixed_from_video_id: string | null;
  error: { code: string; message: string } | null;
  seed: number;
  plan: ScenePlan | null;
  has_audio: boolean;
  options: VideoOptions | null;
  operation: OperationObject | null;
  /** Unix seconds since it is in the public gallery (and on its share page `/v/{id}`); null while private. */
  published_at: number | null;
  /** The registered artists this video credits: named in its prompts, or credited by the videos it was made from. */
  credits: ArtistCredit[];
  /** The C2PA manifest its MP4 carries (verify it with `POST /v1/verify` or `kinora verify`); null until signed. */
  provenance: (VideoProvenance & { watermark: boolean }) | null;
}

/** The wire form of a VideoOperation: snake_case, sources by id, an upload described but never named. */
export type OperationObject =
  | { type: 'edit'; source_video_id: string | null; input_video: ClipObject | null }
  | { type: 'extension'; source_video_id: string | null; input_video: ClipObject | null; source_seconds: number; extension_seconds: number }
  | { type: 'blend'; video_a: string; video_b: string; transition_seconds: number }
  | { type: 'recut'; source_video_id: string; start: number; end: number; extend_to: number | null; extend_mode: 'hold' | 'loop' };

interface ClipObject {
  size: string;
  seconds: number;
  fps: number;
  has_audio: boolean;
}

const clipObject = (clip: StoredClip | null): ClipObject | null =>
  clip && { size: `${clip.width}x${clip.height}`, seconds: clip.seconds, fps: clip.fps, has_audio: clip.hasAudio };

function toOperationObject(operation: VideoOperation): OperationObject {
  switch (operation.kind) {
    case 'edit':
      return { type: 'edit', source_video_id: operation.sourceVideoId, input_video: clipObject(operation.inputVideo) };
    case 'extend':
      return {
        type: 'extension',
        source_video_id: operation.sourceVideoId,
        input_video: clipObject(operation.inputVideo),
        source_seconds: operation.sourceSeconds,
        extension_seconds: operation.extensionSeconds,
      };
    case 'blend':
      return { type: 'blend', video_a: operation.videoA, video_b: operation.videoB, transition_seconds: operation.transitionSeconds };
    case 'recut':
      return {
        type: 'recut',
        source_video_id: operation.sourceVideoId,
        start: operation.start,
        end: operation.end,
        extend_to: operation.extendTo,
        extend_mode: operation.extendMode,
      };
  }
}

export function toVideoObject(video: VideoRecord): VideoObject {
  return {
    id: video.id,
    object: 'video',
    model: video.model,
    status: video.status,
    progress: video.progress,
    created_at: unixSeconds(video.createdAt),
    completed_at: unixSeconds(video.completedAt),
    expires_at: unixSeconds(video.expiresAt),
    prompt: video.prompt,
    size: video.size,
    seconds: String(video.seconds),
    remixed_from_video_id: video.remixedFromVideoId,
    error: video.error,
    seed: video.seed,
    plan: video.plan,
    has_audio: video.hasAudio,
    options: video.options,
    operation: video.operation && toOperationObject(video.operation),
    published_at: unixSeconds(video.publishedAt),
    credits: video.credits,
    provenance: video.provenance && { ...video.provenance, watermark: video.watermark },
  };
}
