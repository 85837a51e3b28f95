import { createHash } from 'node:crypto';
import { version } from '../cli/version.js';
import type { ArtistCredit } from '../domain/artist.js';
import type { VideoProvenance, VideoRecord } from '../domain/video.js';
import type { EngineRegistry } from '../engines/registry.js';
import type { MediaTools } from '../media/ffmpeg-binaries.js';
import { videoFingerprint } from './fingerprint.js';
import { signMp4, type ManifestFacts, type TrainingMiningChoice } from './sign-mp4.js';
import type { SigningIdentity } from './signing-identity.js';
import { drawWatermark } from './watermark.js';

/** A signed video, and the fingerprint of its picture (kept by the catalog to recognise copies that lost it). */
export interface StampedVideo extends VideoProvenance {
  fingerprint?: string;
}

export interface StampContext {
  workDir: string;
  signal?: AbortSignal;
}

/** How a render was made, as the worker (a catalog video) and `kinora generate` (a local render) know it. */
export interface RenderFacts {
  /** Null for a local render, which no catalog holds. */
  videoId: string | null;
  model: string;
  seed: number;
  prompt: string;
  credits: readonly ArtistCredit[];
  kind: string;
  watermark: boolean;
  engineName: string;
}

/** What a manifest states about a render. */
export function manifestFacts(render: RenderFacts, trainingMining: TrainingMiningChoice): ManifestFacts {
  return {
    video_id: render.videoId,
    model: render.model,
    seed: render.seed,
    prompt_sha256: createHash('sha256').update(render.prompt, 'utf8').digest('hex'),
    credits: render.credits.map(({ artist_id, name }) => ({ artist_id, name })),
    kind: render.kind,
    watermark: render.watermark,
    // The procedural engine draws by procedure: IPTC's "algorithmic media". Any other engine runs a trained model.
    source: render.engineName === 'procedural' ? 'algorithmic' : 'trained',
    softwareVersion: version,
    trainingMining,
  };
}

/**
 * The last step of every job before its stills are made: the corner mark when the video asked for one, then the
 * signed C2PA manifest, so the stored MP4 (and the stills made from it) are the final picture.
 */
export class VideoProvenanceStamp {
  constructor(
    private readonly deps: {
      identity: SigningIdentity;
      engines: EngineRegistry;
      media: MediaTools;
      trainingMining: TrainingMiningChoice;
    },
  ) {}

  /** What the manifest states about this video. */
  factsOf(video: VideoRecord): ManifestFacts {
    return manifestFacts(
      {
        videoId: video.id,
        model: video.model,
        seed: video.seed,
        prompt: video.prompt,
        credits: video.credits,
        kind: video.operation?.kind ?? 'generate',
        watermark: video.watermark,
        engineName: this.deps.engines.resolve(video.model)?.engine.name ?? 'procedural',
      },
      this.deps.trainingMining,
    );
  }

  async apply(video: VideoRecord, file: string, context: StampContext): Promise<StampedVideo> {
    if (video.watermark) await drawWatermark(this.deps.media, file, context.workDir, context.signal);
    context.signal?.throwIfAborted();
    const fingerprint = await videoFingerprint(this.deps.media, file, context.signal);
    return { ...(await signMp4(file, this.factsOf(video), this.deps.identity)), fingerprint };
  }
}
