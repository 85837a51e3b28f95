import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError, serverError } from '../domain/errors.js';
import { isBackendUnavailable } from './backend-unavailable.js';

/** A catalog or queue restart takes seconds: the SDK retries after this, and a load balancer may try another node. */
const backendRetryAfterSeconds = 2;

const backendUnavailable = (): ApiError =>
  new ApiError(503, 'The service is briefly unable to reach its database or job queue. Please retry your request.', {
    code: 'service_unavailable',
    headers: { 'retry-after': String(backendRetryAfterSeconds) },
  });

/** Fastify's own client errors, translated into OpenAI's error vocabulary. */
function fromFastify(error: FastifyError): ApiError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new ApiError(413, `The request is too large: ${error.message}`, { code: 'request_too_large', headers: { 'x-should-retry': 'false' } });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'Unsupported Content-Type: send application/json or multipart/form-data.', { code: 'unsupported_media_type' });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'The JSON body is empty.', { code: 'invalid_json' });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiError(400, `We could not parse the JSON body of your request: ${error.message}`, { code: 'invalid_json' });
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new ApiError(400, 'The multipart body is malformed.', { code: 'invalid_multipart' });
    default:
      break;
  }
  if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
    return new ApiError(400, `We could not parse the JSON body of your request: ${error.message}`, { code: 'invalid_json' });
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new ApiError(error.statusCode, error.message, { code: error.code?.toLowerCase() ?? null });
  }
  return undefined;
}

/**
 * Every error leaves as `{"error": {message, type, param, code}}` with its status. A catalog or queue that cannot be
 * reached is a retryable 503; other unknown faults become a generic 500 (details go to the log, never to the client).
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((raw: FastifyError, request, reply) => {
    const error = raw instanceof ApiError ? raw : (fromFastify(raw) ?? (isBackendUnavailable(raw) ? backendUnavailable() : undefined));
    if (!error) {
      request.log.error({ err: raw }, 'unhandled error');
      return reply.status(500).type('application/json').send(serverError().toJSON());
    }
    if (error.status >= 500) request.log.error({ err: raw }, 'server error');
    return reply.status(error.status).headers(error.headers).type('application/json').send(error.toJSON());
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new ApiError(404, `Invalid URL (${request.method} ${request.url.split('?')[0]})`, { code: 'unknown_url' });
    return reply.status(404).type('application/json').send(error.toJSON());
  });
}
