import { createHash } from 'node:crypto';
import type { NewVideo } from '../catalog/videos-repository.js';
import { badRequest } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { defaultVideoOptions, type VideoOperation, type VideoRecord } from '../domain/video.js';
import type { EngineRegistry } from '../engines/registry.js';
import { keepShotLengths } from './plans.js';

export const fingerprintOf = (parts: unknown[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

/**
 * A new video that is its source changed by a prompt (a remix, or an edit of a video by id): the source's model,
 * seed, size, length and options, and its plan edited by the prompt rather than replaced, so the scene stays.
 */
export function remixOf(engines: EngineRegistry, source: VideoRecord, prompt: string, operation: VideoOperation | null, param = 'video_id'): NewVideo {
  const served = engines.resolve(source.model);
  if (!served?.model.features.remix) throw badRequest(`Model '${source.model}' cannot remix videos.`, param, 'unsupported_parameter');
  const plan = served.engine.plan?.({ prompt, seconds: source.seconds, ...(source.plan ? { basePlan: source.plan } : {}) }) ?? null;
  return {
    id: newId('video'),
    ownerKeyId: source.ownerKeyId,
    model: source.model,
    prompt,
    seed: source.seed,
    size: source.size,
    seconds: source.seconds,
    remixedFromVideoId: source.id,
    inputReference: null,
    plan: keepShotLengths(plan, source.plan),
    options: source.options ?? defaultVideoOptions,
    operation,
    requestFingerprint: fingerprintOf([operation?.kind ?? 'remix', source.id, prompt]),
    createdAt: Date.now(),
  };
}
