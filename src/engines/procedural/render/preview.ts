/**
 * The first-frame still a client shows while the rest of the video is drawn: the frame scaled down to at most
 * `previewMaxWidth` pixels wide and encoded as JPEG, small enough to send at once.
 */
import { Canvas } from '@napi-rs/canvas';
import type { PreviewFrame } from '../../engine.js';

export const previewMaxWidth = 480;
const jpegQuality = 80;

/**
 * Copies `source` (synchronously, so the caller may draw the next frame straight away) and hands the encoded still
 * to `deliver` when it is ready. Best effort: a still that cannot be made is simply not delivered.
 */
export function sendPreview(source: Canvas, deliver: (frame: PreviewFrame) => void): void {
  const scale = Math.min(1, previewMaxWidth / source.width);
  const width = Math.max(1, Math.round(source.width * scale));
  const height = Math.max(1, Math.round(source.height * scale));
  const still = new Canvas(width, height);
  still.getContext('2d').drawImage(source, 0, 0, width, height);
  still
    .encode('jpeg', jpegQuality)
    .then((image) => deliver({ image, mime: 'image/jpeg', width, height }))
    .catch(() => undefined);
}
