import { ApiError } from '../domain/errors.js';
import type { ByteRange } from '../blobs/blob-store.js';

/**
 * Reads a single-range `Range: bytes=…` header (what browsers send to seek a <video>). Multi-range requests are
 * answered with the whole file, which RFC 9110 allows; an unsatisfiable range is a 416.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start > end || start >= size) {
    throw new ApiError(416, `Range not satisfiable: the content is ${size} bytes.`, {
      code: 'range_not_satisfiable',
      type: 'invalid_request_error',
      headers: { 'content-range': `bytes */${size}` },
    });
  }
  return { start, end };
}
