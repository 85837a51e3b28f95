/**
 * The wire objects the studio reads. The video object and its plan are the server's own types (type-only imports,
 * erased from the bundle), so the studio cannot drift from the API.
 */
export type { Storyboard, VideoObject as Video, VideoStatus } from '../../../src/domain/video';
export type { ScenePlan } from '../../../src/domain/scene-plan';

export interface Page<T> {
  data: T[];
  has_more: boolean;
  last_id: string | null;
}

export interface Credit {
  name: string;
  license: string;
  url: string;
}

export interface PublicVideo {
  id: string;
  model: string;
  prompt: string;
  seed: number;
  size: string;
  seconds: string;
  published_at: number | null;
  credits: Array<{ artist_id: string; name: string; policy: string }>;
  artwork_credits: Credit[];
}

export interface StudioSession {
  signed_in: boolean;
  guest?: boolean;
  guest_mode: boolean;
  key?: { name: string; prefix: string | null; scopes: string[] };
  limits: { max_seconds: number; max_prompt_chars: number; videos_per_hour: number | null };
}

export interface Model {
  id: string;
  sizes: string[];
  max_seconds: number;
  /** The only lengths the model makes (OpenAI's Sora: 4, 8, 12); null: any whole second up to max_seconds. */
  seconds: number[] | null;
  /** image_required: an image-to-video model, which makes nothing without a first frame. */
  features: { image_input: boolean; image_required: boolean; audio: boolean };
}
