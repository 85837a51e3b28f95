import { describe, expect, it } from 'vitest';
import { generateKeySecret, hashKeySecret, isWellFormedKey } from './key-format.js';

describe('API key format', () => {
  it('makes kin_<32>_<6> keys whose checksum verifies', () => {
    const secret = generateKeySecret();
    expect(secret).toMatch(/^kin_[0-9A-Za-z]{32}_[0-9A-Za-z]{6}$/);
    expect(isWellFormedKey(secret)).toBe(true);
    expect(generateKeySecret()).not.toBe(secret);
  });

  it('rejects a key with one character changed, without any lookup', () => {
    const secret = generateKeySecret();
    const i = 10;
    const flipped = secret.slice(0, i) + (secret[i] === 'a' ? 'b' : 'a') + secret.slice(i + 1);
    expect(isWellFormedKey(flipped)).toBe(false);
    expect(isWellFormedKey('sk-abc')).toBe(false);
  });

  it('stores only a hash', () => {
    const secret = generateKeySecret();
    expect(hashKeySecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashKeySecret(secret)).not.toContain(secret.slice(4, 20));
  });
});
