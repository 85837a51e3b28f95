import { randomBytes } from 'node:crypto';

/** OpenAI-style ids (`video_68d7…`): a prefix and 24 hex digits of randomness; never derived from user input. */
export function newId(prefix: 'video' | 'key' | 'req'): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

export const videoIdPattern = /^video_[0-9a-f]{24}$/;
