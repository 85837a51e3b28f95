import { describe, expect, it } from 'vitest';
import { planPrompt } from './parse.js';
import { encodeWav, SAMPLE_RATE, synthesizeSoundtrack } from './sound.js';

describe('sound', () => {
  const plan = planPrompt('waves on a beach with birds in the morning', { seconds: 2 });

  it('is exactly `seconds` long, stereo 48 kHz 16-bit, peak-normalised without clipping', () => {
    const track = synthesizeSoundtrack({ plan, seed: 1, seconds: 2 });
    expect(track.left.length).toBe(2 * SAMPLE_RATE);
    let peak = 0;
    for (let i = 0; i < track.left.length; i++) peak = Math.max(peak, Math.abs(track.left[i] as number), Math.abs(track.right[i] as number));
    expect(peak).toBeGreaterThan(0.85);
    expect(peak).toBeLessThanOrEqual(0.9);
    expect(Math.abs(track.left[0] as number)).toBeLessThan(0.01); // faded in
    const wav = encodeWav(track);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt16LE(22)).toBe(2);
    expect(wav.readUInt32LE(24)).toBe(48_000);
    expect(wav.readUInt16LE(34)).toBe(16);
    expect(wav.readUInt32LE(40)).toBe(2 * SAMPLE_RATE * 4);
  });

  it('is deterministic from the seed and follows the scene', () => {
    const a = encodeWav(synthesizeSoundtrack({ plan, seed: 9, seconds: 1 }));
    expect(a.equals(encodeWav(synthesizeSoundtrack({ plan, seed: 9, seconds: 1 })))).toBe(true);
    expect(a.equals(encodeWav(synthesizeSoundtrack({ plan, seed: 10, seconds: 1 })))).toBe(false);
    const night = planPrompt('a stormy city street at night, tense', { seconds: 1 });
    expect(a.equals(encodeWav(synthesizeSoundtrack({ plan: night, seed: 9, seconds: 1 })))).toBe(false);
  });
});
