import type { MediaTools } from '../media/ffmpeg-binaries.js';
import { startFrameDecoder } from '../media/frame-decoder.js';

/**
 * A small perceptual fingerprint of a video, to recognise a copy of one of Kinora's videos after the copy lost its
 * manifest (a re-encode, a remux, a trim): two frames a second, each reduced to a 17x9 grey picture whose
 * left-to-right brightness steps make 144 bits (a "difference hash"). Compression, scaling and small colour shifts
 * barely move those bits; a different picture moves about half of them.
 */
const gridWidth = 17;
const gridHeight = 9;
const framesPerSecond = 2;
const bitsPerFrame = (gridWidth - 1) * gridHeight;
const hexPerFrame = bitsPerFrame / 4;

/**
 * At most this share of a frame's bits may differ, on average over the frames compared, for a copy to match. Measured
 * on the built-in engine's videos: a re-encode at another size differs by about 0.09, a trim at a time between two
 * sampled frames by about 0.10, another seed of the same prompt by about 0.38.
 */
const maxMeanDistance = 0.2;

function frameHash(rgba: Uint8Array): string {
  const luma = (i: number): number => 0.299 * (rgba[i * 4] as number) + 0.587 * (rgba[i * 4 + 1] as number) + 0.114 * (rgba[i * 4 + 2] as number);
  let hex = '';
  let nibble = 0;
  let bits = 0;
  for (let y = 0; y < gridHeight; y++) {
    for (let x = 0; x < gridWidth - 1; x++) {
      const i = y * gridWidth + x;
      nibble = (nibble << 1) | (luma(i + 1) > luma(i) ? 1 : 0);
      if (++bits % 4 === 0) {
        hex += nibble.toString(16);
        nibble = 0;
      }
    }
  }
  return hex;
}

/** The fingerprint of a video file the server has already probed: one hash per half second, concatenated. */
export async function videoFingerprint(media: MediaTools, file: string, signal: AbortSignal = new AbortController().signal): Promise<string> {
  const decoder = startFrameDecoder(media, { file, width: gridWidth, height: gridHeight, fps: framesPerSecond, signal });
  let fingerprint = '';
  try {
    for (let frame = await decoder.read(); frame; frame = await decoder.read()) fingerprint += frameHash(frame);
  } finally {
    decoder.close();
  }
  return fingerprint;
}

const frames = (fingerprint: string): string[] => fingerprint.match(new RegExp(`.{${hexPerFrame}}`, 'g')) ?? [];

const popcount = (n: number): number => {
  let count = 0;
  for (let v = n; v; v &= v - 1) count++;
  return count;
};

function distance(a: string, b: string): number {
  let bits = 0;
  for (let i = 0; i < a.length; i++) bits += popcount(parseInt(a[i]!, 16) ^ parseInt(b[i]!, 16));
  return bits;
}

/**
 * Whether `copy` looks like `original` or a stretch of it (a trimmed copy starts later and ends sooner): the best
 * alignment of its frames against the original's, judged by the mean share of differing bits. At least two frames
 * (a second) must overlap. Returns that share when it matches.
 */
export function matchFingerprint(copy: string, original: string): number | undefined {
  const a = frames(copy);
  const b = frames(original);
  const overlap = Math.min(a.length, b.length);
  if (overlap < 2) return undefined;
  let best = Infinity;
  // Slide the shorter over the longer; a copy one frame longer than the original (rounding) is still compared.
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  for (let offset = 0; offset + short.length <= long.length; offset++) {
    let bits = 0;
    for (let i = 0; i < short.length; i++) bits += distance(short[i]!, long[i + offset]!);
    best = Math.min(best, bits / (short.length * bitsPerFrame));
  }
  return best <= maxMeanDistance ? best : undefined;
}
