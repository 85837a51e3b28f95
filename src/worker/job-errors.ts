/**
 * How a failed attempt is classified. Faults of the machine (disk full, a killed encoder, a lost connection) are
 * retried; faults of the request (an engine refusing the input) are not, since a retry would fail the same way.
 */
export class NonRetryableError extends Error {
  constructor(
    message: string,
    readonly code = 'generation_failed',
  ) {
    super(message);
    this.name = 'NonRetryableError';
  }
}

export function isRetryable(error: unknown): boolean {
  return !(error instanceof NonRetryableError);
}

export function errorCode(error: unknown): string {
  return error instanceof NonRetryableError ? error.code : 'generation_failed';
}

/** A message safe to show the video's owner: no stack, no local paths. */
export function publicMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\/[\w./-]+/g, '<path>').slice(0, 500);
}
