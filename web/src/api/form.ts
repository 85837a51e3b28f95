import type { Storyboard } from './types';

type Fields = Record<string, string | number | boolean | Storyboard | undefined>;

/** A create request as multipart (needed to send an image), in the bracket encoding the API reads like JSON. */
export function toFormData(fields: Fields, image: File): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (typeof value === 'object') {
      for (const shot of value.shots) {
        form.append(`${name}[shots][][prompt]`, shot.prompt);
        form.append(`${name}[shots][][seconds]`, String(shot.seconds));
      }
      form.append(`${name}[transition]`, value.transition);
    } else {
      form.append(name, String(value));
    }
  }
  form.append('input_reference', image, image.name);
  return form;
}
