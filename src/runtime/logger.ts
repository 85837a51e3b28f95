import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Fields censored in a logged object: credentials in request and response headers (should request logging ever be
 * turned on, or a headers object be logged whole), the upstream engine's key in a logged config, and any top-level
 * property that names a key or a secret. Secrets in free text are kept out where they arise (see redact() in
 * engines/openai/upstream-errors.ts). No path starts with a wildcard: pino would then run the redaction on the
 * bindings of every request's child logger, a measurable cost on each status read.
 */
const secretFields = ['authorization', 'cookie', 'set-cookie', 'apiKey', 'api_key', 'secret', 'token', 'password'];
const redactedPaths = [
  ...secretFields.map((field) => `["${field}"]`),
  ...['req', 'res', 'request', 'response'].flatMap((holder) => secretFields.map((field) => `${holder}.headers["${field}"]`)),
  ...secretFields.map((field) => `headers["${field}"]`),
  'upstream.apiKey',
  'config.upstream.apiKey',
];

/** The process's logger: pino at `level` (to stdout unless `destination` is given) with secrets censored. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' } }, destination);
}
