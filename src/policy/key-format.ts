import { createHash, randomInt } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * API key format `kin_<32 base62>_<6 base62 CRC32 of the random part>`. The checksum lets the server reject a
 * mistyped key without a database lookup, and lets secret scanners recognise a leaked Kinora key offline.
 */
const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const keyPattern = /^kin_([0-9A-Za-z]{32})_([0-9A-Za-z]{6})$/;

function base62(value: number, width: number): string {
  let out = '';
  for (let v = value; out.length < width; v = Math.floor(v / 62)) out = alphabet[v % 62] + out;
  return out;
}

function checksum(body: string): string {
  return base62(crc32(body), 6);
}

export function generateKeySecret(): string {
  let body = '';
  for (let i = 0; i < 32; i++) body += alphabet[randomInt(62)];
  return `kin_${body}_${checksum(body)}`;
}

/** True when the text has the key shape and its checksum matches (says nothing about whether the key exists). */
export function isWellFormedKey(secret: string): boolean {
  const match = keyPattern.exec(secret);
  return match !== null && checksum(match[1]!) === match[2];
}

export function hashKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The part of a key safe to show in listings and logs. */
export function keyDisplayPrefix(secret: string): string {
  return secret.slice(0, 10);
}
