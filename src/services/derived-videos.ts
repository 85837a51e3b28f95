import { createHash, randomInt } from 'node:crypto';
import type { BlobStore } from '../blobs/blob-store.js';
import type { NewVideo } from '../catalog/videos-repository.js';
import type { Config } from '../config.js';
import type { ApiKey } from '../domain/api-key.js';
import { badRequest } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { defaultVideoOptions, type StoredClip, type VideoRecord } from '../domain/video.js';
import { checkSeconds, checkVideoInput } from '../engines/model-limits.js';
import type { EngineRegistry } from '../engines/registry.js';
import { resolveMediaTools } from '../media/ffmpeg-binaries.js';
import { mergeCredits, type ArtistService } from './artist-service.js';
import { lastShotPlan } from './plans.js';
import { fingerprintOf, remixOf } from './remix.js';
import { checkUploadedVideo, sizeFor, type CheckedClip } from './uploaded-video.js';
import type { CreateOptions, VideoRecords } from './video-records.js';
import type { BlendVideosBody, EditVideoBody, ExtendVideoBody, RecutVideoBody, VideoSourceBody } from './video-request.js';

export interface DerivedVideosDeps {
  config: Readonly<Config>;
  engines: EngineRegistry;
  blobs: BlobStore;
  records: VideoRecords;
  artists: ArtistService;
}

/** The default length of a blend's dissolve. */
const defaultTransitionSeconds = 1;
/** The shortest re-cut: a few frames. */
const minCutSeconds = 0.1;

const round3 = (seconds: number): number => Math.round(seconds * 1000) / 1000;

/** A video given as `{id}` of one of the caller's completed videos, or as an uploaded clip that passed its checks. */
type Source = { video: VideoRecord; clip?: undefined } | { video?: undefined; clip: CheckedClip };

/**
 * Videos made from other videos. Each is a new video with its own job: an edit (a prompt applied to a video), an
 * extension (the story continued), a blend (one video dissolving into another) and a re-cut (trimmed, or made
 * longer). The recipe is stored with the video, and an upload is stored under the new video's own keys, so a
 * retried job makes the same thing.
 */
export class DerivedVideos {
  constructor(private readonly deps: DerivedVideosDeps) {}

  async edit(key: ApiKey, body: EditVideoBody, options: CreateOptions = {}): Promise<VideoRecord> {
    const { records } = this.deps;
    const prompt = records.checkPrompt(body.prompt);
    const named = await this.screen(prompt);
    const source = await this.readSource(key, body, 'edited', this.deps.config.maxSeconds);
    if (source.video) {
      const video = remixOf(this.deps.engines, source.video, prompt, { kind: 'edit', sourceVideoId: source.video.id, inputVideo: null }, 'video.id');
      return (await records.findEarlier(key, video.requestFingerprint, options)) ?? this.record(key, options, { ...video, credits: mergeCredits(source.video.credits, named) });
    }
    const { served, modelName } = this.modelFor(body.model);
    checkVideoInput(modelName, served.model);
    const id = newId('video');
    const inputVideo = clipAt(id, source.clip);
    const fingerprint = fingerprintOf(['edit', modelName, prompt, body.seed ?? null, hashOf(source.clip.buffer)]);
    const earlier = await records.findEarlier(key, fingerprint, options);
    if (earlier) return earlier;
    const seconds = Math.min(source.clip.seconds, served.model.maxSeconds);
    await this.deps.blobs.put(inputVideo.key, source.clip.buffer);
    return this.record(key, options, {
      ...this.fresh(id, key, modelName, prompt),
      seed: body.seed ?? randomInt(2 ** 32),
      size: sizeFor(source.clip, served.model.sizes),
      seconds,
      plan: served.engine.plan?.({ prompt, seconds }) ?? null,
      options: defaultVideoOptions,
      operation: { kind: 'edit', sourceVideoId: null, inputVideo },
      requestFingerprint: fingerprint,
      credits: named,
    });
  }

  /**
   * The source, then a continuation of `seconds` generated from where its story left off (its last shot, edited by
   * the prompt, with its seed). The new video's `seconds` is the stitched total, as OpenAI reports extensions.
   */
  async extend(key: ApiKey, body: ExtendVideoBody, options: CreateOptions = {}): Promise<VideoRecord> {
    const { config, records } = this.deps;
    const prompt = records.checkPrompt(body.prompt);
    const named = await this.screen(prompt);
    const source = await this.readSource(key, body, 'extended', config.maxSeconds);
    const { served, modelName } = source.video ? this.servedModel(source.video.model, 'video.id') : this.modelFor(body.model);
    const extensionSeconds = body.seconds;
    const maxExtension = Math.min(served.model.maxSeconds, config.maxSeconds);
    if (extensionSeconds < 1 || extensionSeconds > maxExtension) {
      throw badRequest(`Invalid value for 'seconds': ${extensionSeconds}. An extension adds whole seconds from '1' to '${maxExtension}'.`, 'seconds');
    }
    // A model that makes only some lengths (OpenAI's) makes its extension clip in one of them.
    checkSeconds(served.model, extensionSeconds, config.maxSeconds, 'seconds');
    const sourceSeconds = source.video ? source.video.seconds : source.clip.seconds;
    const total = round3(sourceSeconds + extensionSeconds);
    if (total > config.maxSeconds) {
      throw badRequest(
        `Invalid value for 'seconds': the extended video would last ${total} s (${sourceSeconds} s + ${extensionSeconds} s); videos here are at most ${config.maxSeconds} s.`,
        'seconds',
        'video_too_long',
      );
    }
    const id = newId('video');
    const inputVideo = source.clip ? clipAt(id, source.clip) : null;
    const fingerprint = fingerprintOf(['extend', modelName, prompt, extensionSeconds, source.video?.id ?? hashOf(source.clip!.buffer), body.seed ?? null]);
    const earlier = await records.findEarlier(key, fingerprint, options);
    if (earlier) return earlier;
    const basePlan = source.video?.plan ? lastShotPlan(source.video.plan) : undefined;
    if (inputVideo) await this.deps.blobs.put(inputVideo.key, source.clip!.buffer);
    return this.record(key, options, {
      ...this.fresh(id, key, modelName, prompt),
      seed: source.video?.seed ?? body.seed ?? randomInt(2 ** 32),
      size: source.video?.size ?? sizeFor(source.clip!, served.model.sizes),
      seconds: total,
      remixedFromVideoId: source.video?.id ?? null,
      // The plan of the continuation: what the engine renders after the source.
      plan: served.engine.plan?.({ prompt, seconds: extensionSeconds, ...(basePlan ? { basePlan } : {}) }) ?? null,
      options: { audio: source.video?.options?.audio ?? true, loop: false, storyboard: null },
      operation: { kind: 'extend', sourceVideoId: source.video?.id ?? null, inputVideo, sourceSeconds, extensionSeconds },
      requestFingerprint: fingerprint,
      credits: mergeCredits(source.video?.credits ?? [], named),
    });
  }

  /** The end of A dissolving into the start of B, sound crossfaded: A + B − the transition long, at A's size. */
  async blend(key: ApiKey, body: BlendVideosBody, options: CreateOptions = {}): Promise<VideoRecord> {
    const { config, records } = this.deps;
    const prompt = body.prompt === undefined ? undefined : records.checkPrompt(body.prompt);
    const named = prompt === undefined ? [] : await this.screen(prompt);
    const a = await records.completedSource(key, body.video_a, 'blended', 'video_a');
    const b = await records.completedSource(key, body.video_b, 'blended', 'video_b');
    const transitionSeconds = body.transition_seconds ?? defaultTransitionSeconds;
    const longest = Math.min(a.seconds, b.seconds);
    if (transitionSeconds < minCutSeconds || transitionSeconds >= longest) {
      throw badRequest(
        `Invalid value for 'transition_seconds': ${transitionSeconds}. It must be at least ${minCutSeconds} s and shorter than both videos (${a.seconds} s and ${b.seconds} s).`,
        'transition_seconds',
      );
    }
    const seconds = round3(a.seconds + b.seconds - transitionSeconds);
    if (seconds > config.maxSeconds) {
      throw badRequest(`The blend would last ${seconds} s; videos here are at most ${config.maxSeconds} s. Blend shorter videos, or use a longer transition.`, 'video_b', 'video_too_long');
    }
    const fingerprint = fingerprintOf(['blend', a.id, b.id, transitionSeconds, prompt ?? null]);
    const earlier = await records.findEarlier(key, fingerprint, options);
    if (earlier) return earlier;
    return this.record(key, options, {
      ...this.fresh(newId('video'), key, a.model, prompt ?? `${a.prompt} / blended into / ${b.prompt}`),
      seed: a.seed,
      size: a.size,
      seconds,
      operation: { kind: 'blend', videoA: a.id, videoB: b.id, transitionSeconds },
      requestFingerprint: fingerprint,
      credits: mergeCredits(a.credits, b.credits, named),
    });
  }

  /** A stretch of a video, cut to the frame; with `extend_to`, made longer by looping the stretch or holding its end. */
  async recut(key: ApiKey, sourceId: string, body: RecutVideoBody, options: CreateOptions = {}): Promise<VideoRecord> {
    const { config, records } = this.deps;
    const source = await records.completedSource(key, sourceId, 're-cut');
    const start = body.start ?? 0;
    const end = body.end ?? source.seconds;
    if (end > source.seconds) throw badRequest(`Invalid value for 'end': ${end}; the video lasts ${source.seconds} s.`, 'end');
    if (end - start < minCutSeconds) {
      throw badRequest(`Invalid value for 'end': the cut ${start}–${end} s must last at least ${minCutSeconds} s.`, body.end === undefined ? 'start' : 'end');
    }
    if (body.extend_mode !== undefined && body.extend_to === undefined) {
      throw badRequest("'extend_mode' says how to fill 'extend_to'; send 'extend_to' with it.", 'extend_mode');
    }
    const extendTo = body.extend_to ?? null;
    if (extendTo !== null && (extendTo < end - start || extendTo > config.maxSeconds)) {
      throw badRequest(`Invalid value for 'extend_to': ${extendTo}. It must be from the cut's length (${round3(end - start)} s) to ${config.maxSeconds} s.`, 'extend_to');
    }
    const operation = { kind: 'recut' as const, sourceVideoId: source.id, start, end, extendTo, extendMode: body.extend_mode ?? 'loop' };
    const fingerprint = fingerprintOf([operation]);
    const earlier = await records.findEarlier(key, fingerprint, options);
    if (earlier) return earlier;
    return this.record(key, options, {
      ...this.fresh(newId('video'), key, source.model, source.prompt),
      seed: source.seed,
      size: source.size,
      seconds: round3(extendTo ?? end - start),
      plan: source.plan,
      operation,
      requestFingerprint: fingerprint,
      credits: source.credits,
    });
  }

  /** `video`: the caller's completed video by id, or an upload, probed and checked. */
  private async readSource(key: ApiKey, body: { video: VideoSourceBody; model?: string | undefined; seed?: number | undefined }, use: string, maxSeconds: number): Promise<Source> {
    const { video } = body;
    if ('id' in video) {
      // A video by id keeps its own model and seed; saying otherwise would be ignored, so it is refused.
      for (const param of ['model', 'seed'] as const) {
        if (body[param] !== undefined) throw badRequest(`'${param}' applies only to an uploaded video; a video by id keeps its own.`, param, 'unsupported_parameter');
      }
      return { video: await this.deps.records.completedSource(key, video.id, use, 'video.id') };
    }
    return { clip: await checkUploadedVideo(await resolveMediaTools(), video, { maxSeconds, param: 'video' }) };
  }

  /** The artists a request's prompt names; a denied one refuses the request before any upload is probed. */
  private screen(prompt: string) {
    return this.deps.artists.screen([{ text: prompt, param: 'prompt' }]);
  }

  private modelFor(requested: string | undefined) {
    return this.servedModel(requested ?? 'kinora-1', 'model');
  }

  private servedModel(modelName: string, param: string) {
    const served = this.deps.engines.resolve(modelName);
    if (!served) throw badRequest(`Model '${modelName}' is not served here. Available: ${this.deps.engines.names().join(', ')}.`, param, 'model_not_found');
    return { served, modelName };
  }

  /** The fields every new video starts with; the caller fills in what its operation decides. */
  private fresh(id: string, key: ApiKey, model: string, prompt: string) {
    return { id, ownerKeyId: key.id, model, prompt, remixedFromVideoId: null, inputReference: null, plan: null, options: null, createdAt: Date.now() };
  }

  private record(key: ApiKey, options: CreateOptions, video: NewVideo): Promise<VideoRecord> {
    return this.deps.records.insertAndEnqueue(key, options.idempotencyKey, video);
  }
}

/** Where an upload is kept: under the new video's own prefix, by a name the server chose. */
function clipAt(videoId: string, clip: CheckedClip): StoredClip {
  const { format, width, height, seconds, fps, hasAudio } = clip;
  return { key: `videos/${videoId}/input-video`, format, width, height, seconds, fps, hasAudio };
}

const hashOf = (buffer: Buffer): string => createHash('sha256').update(buffer).digest('hex');
