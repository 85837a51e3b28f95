import type { ScenePlan } from './scene-plan.js';

export type VideoStatus = 'queued' | 'in_progress' | 'completed' | 'failed';

export interface StoredImage {
  key: string;
  mime: string;
  width: number;
  height: number;
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
  seconds: number;
  remixedFromVideoId: string | null;
  inputReference: StoredImage | null;
  plan: ScenePlan | null;
  error: { code: string; message: string } | null;
  outputs: VideoOutputs | null;
  hasAudio: boolean;
  attempt: number;
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
  expiresAt: number | null;
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
}

const unixSeconds = (ms: number | null): number | null => (ms === null ? null : Math.floor(ms / 1000));

export function toVideoObject(video: VideoRecord): VideoObject {
  return {
    id: video.id,
    object: 'video',
    model: video.model,
    status: video.status,
    progress: video.progress,
    created_at: Math.floor(video.createdAt / 1000),
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
  };
}
