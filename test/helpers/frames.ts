import type { MediaTools } from '../../src/media/ffmpeg-binaries.js';
import { startFrameDecoder } from '../../src/media/frame-decoder.js';

/** Measures of RGBA frames a viewer would notice: how much one differs from another, how bright one is. */
type Pixels = Uint8Array | Uint8ClampedArray;

/** Mean absolute difference of two RGBA frames over the colour channels (0..255; alpha is ignored). */
export function frameDiff(a: Pixels, b: Pixels): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 4) {
    for (let c = 0; c < 3; c++) sum += Math.abs((a[i + c] as number) - (b[i + c] as number));
  }
  return sum / ((a.length / 4) * 3);
}

/** Mean luma (0..255) of an RGBA frame. */
export function meanLuminance(pixels: Pixels): number {
  let sum = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    sum += 0.299 * (pixels[i] as number) + 0.587 * (pixels[i + 1] as number) + 0.114 * (pixels[i + 2] as number);
  }
  return sum / (pixels.length / 4);
}

/** Every frame of a video, decoded by ffmpeg to RGBA at this size and rate. */
export async function decodeFrames(tools: MediaTools, file: string, size: { width: number; height: number; fps: number; start?: number }): Promise<Uint8Array[]> {
  const decoder = startFrameDecoder(tools, { file, ...size, signal: new AbortController().signal });
  const frames: Uint8Array[] = [];
  for (let frame = await decoder.read(); frame; frame = await decoder.read()) frames.push(frame);
  return frames;
}
