import type { ScenePlan } from '../domain/scene-plan.js';
import type { JobKind, VideoRecord } from '../domain/video.js';
import { blendVideos, extendVideo, recutVideo } from './derived-jobs.js';
import { generateVideo, type StepContext } from './generate.js';

/** The finished MP4 of a job, before its stills are made and everything is stored. */
export interface Produced {
  file: string;
  plan: ScenePlan | null;
  hasAudio: boolean;
}

/**
 * Runs what the job's kind says: an engine render, or an operation on other videos. Only a render of the video's
 * own request hands its first frame to `onPreview`: an extension's first new frame is not the video's first.
 */
export async function produce(kind: JobKind, video: VideoRecord, context: StepContext, onPreview?: StepContext['onPreview']): Promise<Produced> {
  switch (kind) {
    case 'generate': {
      const result = await generateVideo(video, onPreview ? { ...context, onPreview } : context);
      return { file: result.file, plan: result.plan ?? video.plan, hasAudio: result.hasAudio };
    }
    case 'extend':
      return extendVideo(video, context);
    case 'blend':
      return blendVideos(video, context);
    case 'recut':
      return recutVideo(video, context);
  }
}
