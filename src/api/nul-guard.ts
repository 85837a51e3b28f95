import type { FastifyInstance } from 'fastify';
import { badRequest, type ApiError } from '../domain/errors.js';

/**
 * Whether any text in `value` (strings, arrays and objects, keys included) holds U+0000: the top-level field it is
 * in ('' for `value` itself), or undefined. Walked with a stack of its own, not by recursion: a JSON body may nest
 * millions of levels deep.
 */
function fieldWithNul(value: unknown): string | undefined {
  const pending: Array<{ value: unknown; field: string | undefined }> = [{ value, field: undefined }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value === 'string') {
      if (next.value.includes('\u0000')) return next.field ?? '';
      continue;
    }
    // An uploaded file's Buffer is bytes, not text.
    if (next.value === null || typeof next.value !== 'object' || ArrayBuffer.isView(next.value)) continue;
    for (const [key, item] of Object.entries(next.value)) {
      const field = next.field ?? key;
      if (key.includes('\u0000')) return field;
      pending.push({ value: item, field });
    }
  }
  return undefined;
}

/**
 * The refusal of text holding a NUL character (U+0000), if `value` has any. PostgreSQL's text cannot hold one while
 * SQLite's can, so without this the same request would be a 404 or a stored prompt on one catalog and a 500 on the
 * other; no id, prompt, name or URL has a use for it.
 */
function nulRefusal(value: unknown, what: string): ApiError | undefined {
  const field = fieldWithNul(value);
  if (field === undefined) return undefined;
  return badRequest(`The ${what} holds a NUL character (\\u0000)${field === '' ? '' : ` in '${field}'`}, which no parameter may contain.`, field || null, 'invalid_characters');
}

/** `value`, once checked for NUL characters (see nulRefusal). */
export function refuseNul<T>(value: T, what: string): T {
  const refusal = nulRefusal(value, what);
  if (refusal) throw refusal;
  return value;
}

/** Path parameters, query and JSON body are checked before any route reads them; form bodies in readMultipartBody. */
export function installNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    done(nulRefusal(request.params, 'path') ?? nulRefusal(request.query, 'query string') ?? nulRefusal(request.body, 'body'));
  });
}
