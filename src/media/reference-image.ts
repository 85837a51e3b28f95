import { imageSize } from 'image-size';
import { loadImage } from '@napi-rs/canvas';
import { badRequest } from '../domain/errors.js';

export interface CheckedImage {
  buffer: Buffer;
  mime: 'image/png' | 'image/jpeg' | 'image/webp';
  extension: 'png' | 'jpg' | 'webp';
  width: number;
  height: number;
}

const accepted = { png: ['image/png', 'png'], jpg: ['image/jpeg', 'jpg'], webp: ['image/webp', 'webp'] } as const;

/**
 * Checks an untrusted reference image before anything decodes it in full: the type comes from the bytes (never
 * the file name or declared type), the dimensions from the header are capped, and only then is it decoded once
 * to prove it is a real, complete image.
 */
export async function checkReferenceImage(buffer: Buffer, options: { maxPixels: number; param: string }): Promise<CheckedImage> {
  const { param } = options;
  let header: { width?: number; height?: number; type?: string };
  try {
    header = imageSize(buffer);
  } catch {
    throw badRequest(`'${param}' is not an image Kinora can read: send a PNG, JPEG or WebP.`, param, 'invalid_image');
  }
  const kind = header.type === 'jpeg' ? 'jpg' : header.type;
  if (kind !== 'png' && kind !== 'jpg' && kind !== 'webp') {
    throw badRequest(`'${param}' must be a PNG, JPEG or WebP image (got ${header.type ?? 'unknown'}).`, param, 'invalid_image');
  }
  const width = header.width ?? 0;
  const height = header.height ?? 0;
  if (width < 1 || height < 1 || width * height > options.maxPixels || width > 16384 || height > 16384) {
    throw badRequest(`'${param}' is ${width}x${height}; images must be at most ${options.maxPixels} pixels and 16384 px a side.`, param, 'image_too_large');
  }
  try {
    const decoded = await loadImage(buffer);
    if (decoded.width !== width || decoded.height !== height) throw new Error('size mismatch');
  } catch {
    throw badRequest(`'${param}' could not be decoded: the image is damaged or truncated.`, param, 'invalid_image');
  }
  const [mime, extension] = accepted[kind];
  return { buffer, mime, extension, width, height };
}
