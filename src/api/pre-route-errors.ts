import http from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, serverError } from '../domain/errors.js';
import { everyResponse, securityHeadersOf } from '../policy/response-headers.js';

/**
 * Answers to requests refused before any hook or route runs, which Fastify would give in its own JSON shape: kept in
 * OpenAI's error shape like every other answer.
 */

/** The router's refusals: a path id longer than it takes, a malformed percent-escape. */
export function answerRouterError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  let answer: ApiError;
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    answer = new ApiError(414, 'A path segment of this URL is too long: ids are at most 100 characters.', { type: 'invalid_request_error', code: 'url_too_long' });
  } else if (error.code === 'FST_ERR_BAD_URL') {
    answer = new ApiError(400, 'The URL is malformed: it has an invalid percent-escape.', { code: 'invalid_url' });
  } else {
    request.log.error({ err: error }, 'router error');
    answer = serverError();
  }
  void reply.status(answer.status).header('x-request-id', request.id).headers(securityHeadersOf(request)).type('application/json').send(answer.toJSON());
}

const connectionErrors: Record<string, { status: number; message: string; code: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive, so the server closed the connection.', code: 'request_timeout' },
  HPE_HEADER_OVERFLOW: { status: 431, message: 'The request headers are too large.', code: 'headers_too_large' },
};

/**
 * What Node's HTTP parser refuses (a request that is not HTTP, headers too large, a head or body that took longer than
 * the request timeout): answered on the raw socket, which is then closed.
 */
export function answerConnectionError(error: ConnectionError, socket: Socket): void {
  // A reset connection has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, message, code } = connectionErrors[error.code] ?? { status: 400, message: 'The request is not valid HTTP.', code: 'malformed_request' };
  const body = JSON.stringify(new ApiError(status, message, { type: 'invalid_request_error', code }).toJSON());
  if (socket.writable) {
    // Written before any hook can run, so the headers every answer carries are written here too (plain http: no HSTS).
    const security = Object.entries(everyResponse).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.write(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${security}Connection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}
