import { describe, expect, it } from 'vitest';
import { parseRange } from './http-range.js';

describe('HTTP Range', () => {
  it('reads the forms browsers send', () => {
    expect(parseRange(undefined, 100)).toBeUndefined();
    expect(parseRange('bytes=0-', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
    expect(parseRange('bytes=90-500', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
  });

  it('serves the whole file for forms it does not do, and 416 for ranges past the end', () => {
    expect(parseRange('bytes=0-1,5-6', 100)).toBeUndefined();
    expect(parseRange('items=0-1', 100)).toBeUndefined();
    expect(() => parseRange('bytes=100-', 100)).toThrow(expect.objectContaining({ status: 416 }));
    expect(() => parseRange('bytes=50-10', 100)).toThrow(expect.objectContaining({ status: 416 }));
  });
});
