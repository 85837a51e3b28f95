import { badRequest } from '../domain/errors.js';
import type { ModelInfo } from './engine.js';

/**
 * The checks a create makes against what its model advertises (engine.ts ModelInfo), so a request the engine could
 * never render is refused at once with a 400 naming the parameter, instead of failing later in a worker.
 */

/** The lengths a model makes here: its fixed choices, else whole seconds from 1 to `cap` (the lower of its and the instance's). */
export function secondsAllowed(model: ModelInfo, seconds: number, cap: number): boolean {
  if (seconds < 1 || seconds > Math.min(cap, model.maxSeconds)) return false;
  return model.secondsChoices?.includes(seconds) ?? true;
}

/** Refuses a length the model cannot make, listing the ones it can. */
export function checkSeconds(model: ModelInfo, seconds: number, cap: number, param: string): void {
  if (secondsAllowed(model, seconds, cap)) return;
  const max = Math.min(cap, model.maxSeconds);
  const choices = model.secondsChoices?.filter((choice) => choice <= max);
  const supported = choices ? choices.map((choice) => `'${choice}'`).join(', ') : `whole seconds from '1' to '${max}'`;
  throw badRequest(`Invalid value for '${param}': ${seconds}. Supported values${choices ? ` for ${model.id}` : ''}: ${supported}.`, param);
}

/** Refuses an input image the model cannot use, and a missing one an image-to-video model needs. */
export function checkInputImage(modelName: string, model: ModelInfo, hasImage: boolean): void {
  if (hasImage && !model.features.imageInput) {
    throw badRequest(`Model '${modelName}' does not take an input_reference.`, 'input_reference', 'unsupported_parameter');
  }
  if (!hasImage && model.features.imageRequired) {
    throw badRequest(`Missing required parameter: 'input_reference'. Model '${modelName}' animates an input image (image-to-video).`, 'input_reference', 'missing_required_parameter');
  }
}

/** Refuses an uploaded clip to draw over (an edit of an upload) for a model that only makes videos from a prompt. */
export function checkVideoInput(modelName: string, model: ModelInfo): void {
  if (model.features.videoInput) return;
  throw badRequest(`Model '${modelName}' cannot edit an uploaded video; edit a video it made (video.id) or choose a model that takes a video.`, 'model', 'unsupported_parameter');
}
