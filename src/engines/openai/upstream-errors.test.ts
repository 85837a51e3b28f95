import { APIConnectionError, APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { isRetryable, errorCode } from '../../worker/job-errors.js';
import { redact, upstreamFailure, upstreamVideoFailed } from './upstream-errors.js';

const key = 'kin_live_1234567890abcdef_xyz123';

/** The error the SDK raises for an upstream answer with this status and OpenAI-style error body. */
const answered = (status: number, error: { message: string; code?: string }) => APIError.generate(status, { error }, undefined, new Headers());

describe('upstream failures', () => {
  it('retries what may pass later: no connection, rate limits, the upstream’s own faults', () => {
    for (const error of [new APIConnectionError({ message: 'ECONNREFUSED' }), answered(429, { message: 'slow down' }), answered(503, { message: 'busy' }), answered(408, { message: 'timeout' })]) {
      expect(isRetryable(upstreamFailure(error, key)), String(error)).toBe(true);
    }
    expect(upstreamFailure(answered(502, { message: `bad gateway for ${key}` }), key).message).toBe('The upstream video service answered 502: bad gateway for <key>');
  });

  it("ends the video on a refusal, with the upstream's reason and code", () => {
    const refused = upstreamFailure(answered(400, { message: 'Your request was blocked by our moderation system.', code: 'moderation_blocked' }), key);
    expect(isRetryable(refused)).toBe(false);
    expect(errorCode(refused)).toBe('moderation_blocked');
    expect(refused.message).toBe('The upstream video service refused the video (400): Your request was blocked by our moderation system.');
    expect(errorCode(upstreamFailure(answered(404, { message: 'no such model', code: 'Not A Code!' }), key))).toBe('upstream_refused');
  });

  it('never repeats what an upstream says about the key', () => {
    const unauthorized = upstreamFailure(answered(401, { message: 'Incorrect API key provided: sk-ab***yz.' }), key);
    expect(isRetryable(unauthorized)).toBe(false);
    expect(unauthorized.message).not.toMatch(/sk-/);
    expect(redact(`key ${key} or sk-proj-AbC_12*** or kin_other_999`, key)).toBe('key <key> or <key> or <key>');
  });

  it('passes on why the upstream failed a video it accepted', () => {
    const failed = upstreamVideoFailed({ code: 'moderation_blocked', message: 'The output was blocked.' }, key);
    expect([isRetryable(failed), errorCode(failed), failed.message]).toEqual([false, 'moderation_blocked', 'The upstream video service failed the video: The output was blocked.']);
    expect(upstreamVideoFailed(null, key).message).toBe('The upstream video service failed the video: no reason given');
  });
});
