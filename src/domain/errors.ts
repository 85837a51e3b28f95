/**
 * One error type for everything a client can be told, shaped like OpenAI's error JSON
 * (`{"error": {"message", "type", "param", "code"}}`) so the official SDK raises the matching error class.
 */
export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'conflict_error'
  | 'rate_limit_error'
  | 'server_error';

export interface ApiErrorOptions {
  param?: string | null;
  code?: string | null;
  type?: ErrorType;
  /** Extra response headers, e.g. `retry-after` or `x-should-retry`. */
  headers?: Record<string, string>;
  cause?: unknown;
}

const typeByStatus: Record<number, ErrorType> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  409: 'conflict_error',
  413: 'invalid_request_error',
  415: 'invalid_request_error',
  429: 'rate_limit_error',
};

export class ApiError extends Error {
  readonly status: number;
  readonly type: ErrorType;
  readonly param: string | null;
  readonly code: string | null;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, options: ApiErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'ApiError';
    this.status = status;
    this.type = options.type ?? typeByStatus[status] ?? 'server_error';
    this.param = options.param ?? null;
    this.code = options.code ?? null;
    this.headers = options.headers ?? {};
  }

  toJSON(): { error: { message: string; type: string; param: string | null; code: string | null } } {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

/** The answer to a fault of the server's own: generic, since its details go to the log, never to the client. */
export const serverError = (): ApiError => new ApiError(500, 'The server had an error while processing your request.', { code: 'server_error' });

export const badRequest = (message: string, param: string | null = null, code = 'invalid_value'): ApiError =>
  new ApiError(400, message, { param, code });

/** The same answer for "does not exist" and "is not yours", so ids never reveal other users' objects. */
export const videoNotFound = (id: string, param = 'video_id'): ApiError =>
  new ApiError(404, `No video found with id '${id}'.`, { param, code: 'video_not_found' });
