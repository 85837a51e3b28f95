import type { FastifyRequest } from 'fastify';
import type { ApiKey, Scope } from '../domain/api-key.js';
import { ApiError } from '../domain/errors.js';
import type { AccessControl } from '../policy/access-control.js';
import { assertKeyNotExpired } from '../policy/key-expiry.js';
import { isWellFormedKey } from '../policy/key-format.js';
import { assertStudioWrite } from './studio-session.js';

const unauthorized = (message: string, code: string): ApiError =>
  new ApiError(401, message, { code, headers: { 'www-authenticate': 'Bearer realm="kinora"' } });

/**
 * Resolves `Authorization: Bearer <key>` to an active key, or else the studio's session cookie to the key it was
 * signed in with (a cookie write must also prove it comes from the studio's page), then runs the access guards on
 * it. A key with a bad checksum is refused before any database lookup; an unknown and a revoked key get the same
 * answer.
 */
export async function authenticate(request: FastifyRequest, access: AccessControl): Promise<ApiKey> {
  const key = await resolveKey(request, access);
  assertKeyNotExpired(key);
  await access.admit(request, key);
  return key;
}

async function resolveKey(request: FastifyRequest, access: AccessControl): Promise<ApiKey> {
  const { keys } = access;
  const header = request.headers.authorization;
  if (!header) {
    if (request.studioSession) {
      assertStudioWrite(request, request.studioSession);
      await keys.touch(request.studioSession.session.key);
      return request.studioSession.session.key;
    }
    throw unauthorized("You didn't provide an API key. Send it as 'Authorization: Bearer kin_…'.", 'missing_api_key');
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const secret = match?.[1];
  if (!secret || !isWellFormedKey(secret)) throw unauthorized('Incorrect API key provided: it is not a Kinora key.', 'invalid_api_key');
  const key = await keys.findActiveBySecret(secret);
  if (!key) throw unauthorized('Incorrect API key provided, or the key was revoked.', 'invalid_api_key');
  await keys.touch(key);
  return key;
}

/** The request's key, if it holds `scope` (or `admin`); a 401 or 403 otherwise. Every scoped route starts here. */
export async function authorize(request: FastifyRequest, access: AccessControl, scope: Scope): Promise<ApiKey> {
  const key = await authenticate(request, access);
  if (key.scopes.includes(scope) || key.scopes.includes('admin')) return key;
  throw new ApiError(403, `This API key lacks the '${scope}' scope.`, { code: 'insufficient_scope' });
}
