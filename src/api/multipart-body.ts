import type { FastifyRequest } from 'fastify';
import { badRequest } from '../domain/errors.js';
import type { UploadedFile } from '../services/video-request.js';

/** Field names that may carry a file. Everything else must be a text field. */
const fileFields = new Set(['input_reference', 'file']);

/**
 * Turns a multipart/form-data body into the same object a JSON body would give: bracket keys such as
 * `input_reference[image_url]` become nested objects (the SDK's encoding), file parts become UploadedFile.
 * Size limits are enforced by the multipart plugin while streaming, before anything is buffered whole.
 */
export async function readMultipartBody(request: FastifyRequest): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {};
  for await (const part of request.parts()) {
    const path = splitBracketKey(part.fieldname);
    if (part.type === 'file') {
      if (!fileFields.has(part.fieldname)) {
        await part.toBuffer().catch(() => undefined);
        throw badRequest(`Unknown file parameter: '${part.fieldname}'.`, part.fieldname, 'unknown_parameter');
      }
      const file: UploadedFile = { kind: 'file', buffer: await part.toBuffer(), filename: part.filename, mimetype: part.mimetype };
      assign(body, path, file, part.fieldname);
    } else {
      assign(body, path, part.value, part.fieldname);
    }
  }
  return body;
}

function splitBracketKey(name: string): string[] {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(name);
  if (!match) throw badRequest(`Malformed form field name: '${name}'.`, name, 'invalid_request');
  const nested = [...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!);
  return [match[1]!, ...nested];
}

/** Segments that would write to an object's prototype instead of a field. */
const reserved = new Set(['__proto__', 'constructor', 'prototype']);

function assign(target: Record<string, unknown>, path: string[], value: unknown, fieldname: string): void {
  let node = target;
  for (const segment of path.slice(0, -1)) {
    if (reserved.has(segment)) throw badRequest(`Malformed form field name: '${fieldname}'.`, fieldname, 'invalid_request');
    const next = node[segment];
    if (next === undefined) node = node[segment] = Object.create(null) as Record<string, unknown>;
    else if (typeof next === 'object' && next !== null && !('kind' in next)) node = next as Record<string, unknown>;
    else throw badRequest(`Conflicting form fields for '${fieldname}'.`, fieldname, 'invalid_request');
  }
  const last = path[path.length - 1]!;
  if (last === '' || reserved.has(last)) throw badRequest(`Malformed form field name: '${fieldname}'.`, fieldname, 'invalid_request');
  if (Object.hasOwn(node, last)) throw badRequest(`Parameter '${fieldname}' was sent twice.`, fieldname, 'invalid_request');
  node[last] = value;
}
