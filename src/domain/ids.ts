import { randomBytes } from 'node:crypto';

/**
 * OpenAI-style ids (`video_68d7…`, `file-3f2a…`): a prefix and 24 hex digits of randomness; never derived from
 * user input. Files use a hyphen, as OpenAI's file ids do.
 */
export function newId(prefix: 'video' | 'key' | 'file' | 'session' | 'artist' | 'ledger' | 'webhook' | 'evt' | 'delivery'): string {
  return `${prefix}${prefix === 'file' ? '-' : '_'}${randomBytes(12).toString('hex')}`;
}
