import { APIConnectionError, APIError } from 'openai';
import { NonRetryableError } from '../../worker/job-errors.js';

/** Statuses worth another attempt: the upstream was busy, timed out, or broke on its side (as OpenAI's SDK judges). */
const retryableStatuses = new Set([408, 409, 429]);

/** A code that is safe to pass on as ours: a plain identifier such as `moderation_blocked`. */
const plainCode = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * Takes out of an upstream's words anything that could be a credential: the operator's key itself, and key-like
 * tokens (OpenAI's 401 quotes a masked key, `sk-ab***yz`), so the message can be shown to the video's owner.
 */
export function redact(text: string, apiKey: string): string {
  return text.split(apiKey).join('<key>').replace(/\b(sk-|kin_)[\w*.-]+/g, '<key>');
}

/** The SDK's error with its default (not `any`) type parameters. */
const isApiError = (error: unknown): error is APIError => error instanceof APIError;

function upstreamMessage(error: APIError): string {
  const body: { message?: unknown } | undefined = error.error;
  return typeof body?.message === 'string' && body.message ? body.message : `HTTP ${error.status}`;
}

/**
 * An upstream failure as the worker classifies failures: a connection that failed, a rate limit or a fault of the
 * upstream may pass on another attempt; a refusal (bad request, content policy, consent, a key it does not take)
 * would be refused again, and ends the video with the upstream's reason.
 */
export function upstreamFailure(error: unknown, apiKey: string): Error {
  if (error instanceof APIConnectionError) return new Error('The upstream video service could not be reached.');
  if (!isApiError(error) || error.status === undefined) return error instanceof Error ? error : new Error(String(error));
  const { status } = error;
  if (status >= 500 || retryableStatuses.has(status)) {
    return new Error(`The upstream video service answered ${status}: ${redact(upstreamMessage(error), apiKey)}`);
  }
  if (status === 401) {
    // Never the upstream's words here: they describe the key.
    return new NonRetryableError("The upstream video service does not accept this server's key (401). Tell the operator.", 'upstream_unauthorized');
  }
  const code = typeof error.code === 'string' && plainCode.test(error.code) ? error.code : 'upstream_refused';
  return new NonRetryableError(`The upstream video service refused the video (${status}): ${redact(upstreamMessage(error), apiKey)}`, code);
}

/** A video the upstream itself gave up on: its reason, as a refusal (the upstream has retried what it would). */
export function upstreamVideoFailed(failure: { code?: string | null; message?: string | null } | null | undefined, apiKey: string): NonRetryableError {
  const code = failure?.code && plainCode.test(failure.code) ? failure.code : 'upstream_failed';
  const reason = failure?.message ? redact(failure.message, apiKey) : 'no reason given';
  return new NonRetryableError(`The upstream video service failed the video: ${reason}`, code);
}
