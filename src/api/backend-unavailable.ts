import { isSqliteBusyCode } from '../catalog/sqlite-lock-wait.js';

/**
 * Whether an error says the catalog (PostgreSQL) or the queue (Redis) cannot be reached right now — a restart, a
 * failover, a dropped network —, that the SQLite file is locked by another process, or that the disk under the catalog
 * or the blobs is full, rather than that the request or the code is wrong. Such a request may succeed if simply sent
 * again, so the client is told to retry instead of getting a 500.
 */

/** Socket errors of a connection that could not be made or was lost. */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * PostgreSQL SQLSTATEs of a server that is not there to answer: connection exceptions (class 08), shut down by an
 * administrator or a crash, still starting up, out of connection slots.
 */
const unavailableStates = new Set(['57P01', '57P02', '57P03', '53300']);

/** A full disk or quota (for an upload, or SQLite's own file): the operator frees space and the same request passes. */
const storageFullCodes = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

/** What node-postgres, pg-pool and ioredis throw (as plain Errors, without a code) when their connection is gone. */
const lostConnectionMessages = [
  /^Connection terminated/,
  /^Client (has encountered a connection error|was closed) and is not queryable/,
  /^timeout exceeded when trying to connect/,
  /^Connection is closed\./,
  /^Stream isn't writeable/,
  /^Reached the max retries per request limit/,
];

export function isBackendUnavailable(error: unknown): boolean {
  // Bounded: a cause chain is short, and a cyclic one must not loop forever.
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (networkCodes.has(code) || unavailableStates.has(code) || storageFullCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code) || isSqliteBusyCode(code))) return true;
    if (lostConnectionMessages.some((pattern) => pattern.test(current.message))) return true;
    // Node's connect to a name with several addresses fails with one error per address.
    if (current instanceof AggregateError && current.errors.some(isBackendUnavailable)) return true;
  }
  return false;
}
