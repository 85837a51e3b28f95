/** The soundtrack as a WAV file, the form the encoder takes to mux it as AAC. */
import { endianness } from 'node:os';

/** Synthesised float stereo samples. */
export interface Soundtrack {
  sampleRate: number;
  left: Float32Array;
  right: Float32Array;
}

/** 16-bit PCM WAV (RIFF), interleaved stereo. */
export function encodeWav({ sampleRate, left, right }: Soundtrack): Buffer {
  const frames = left.length;
  const dataBytes = frames * 4;
  const buffer = Buffer.alloc(44 + dataBytes);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + dataBytes, 4);
  buffer.write('WAVE', 8, 'ascii');
  buffer.write('fmt ', 12, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20); // PCM
  buffer.writeUInt16LE(2, 22); // channels
  buffer.writeUInt32LE(sampleRate, 24);
  buffer.writeUInt32LE(sampleRate * 4, 28);
  buffer.writeUInt16LE(4, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(dataBytes, 40);
  // Samples through a typed view: a tenth of the time of writeInt16LE per sample. The view is in the machine's byte
  // order, so a big-endian machine swaps each sample afterwards.
  const samples = new Int16Array(buffer.buffer, buffer.byteOffset + 44, frames * 2);
  for (let i = 0; i < frames; i++) {
    const l = Math.max(-1, Math.min(1, left[i] as number));
    const r = Math.max(-1, Math.min(1, right[i] as number));
    samples[i * 2] = Math.round(l * 32767);
    samples[i * 2 + 1] = Math.round(r * 32767);
  }
  if (endianness() === 'BE') buffer.subarray(44).swap16();
  return buffer;
}
