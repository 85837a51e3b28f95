import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { ApiError, badRequest } from '../domain/errors.js';
import type { UploadedFile } from '../services/video-request.js';
import { refuseNul } from './nul-guard.js';

/** Field names that may carry a file. Everything else must be a text field. */
const fileFields = new Set(['input_reference', 'file', 'video']);

/**
 * Turns a multipart/form-data body into the same object a JSON body would give: bracket keys such as
 * `input_reference[image_url]` become nested objects and `name[]` arrays, `name[][key]` arrays of objects (the
 * SDK's encoding, fields in order), file parts become UploadedFile.
 * Size limits are enforced by the multipart plugin while streaming, before anything is buffered whole.
 */
export async function readMultipartBody(request: FastifyRequest): Promise<Record<string, unknown>> {
  try {
    return refuseNul(await readParts(request), 'body');
  } catch (error) {
    // The parser's own complaints (a truncated body, a boundary that never comes) are plain Errors: the client's fault.
    // Ours are ApiErrors, and the plugin's limits carry an FST_ code the error handler answers with a 413.
    if (error instanceof ApiError || (error as { code?: unknown }).code !== undefined) throw error;
    throw badRequest(`The multipart body is malformed: ${(error as Error).message}.`, null, 'invalid_multipart');
  }
}

async function readParts(request: FastifyRequest): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {};
  for await (const part of request.parts()) {
    const path = splitBracketKey(part.fieldname);
    if (part.type === 'file') {
      if (!fileFields.has(part.fieldname)) {
        await part.toBuffer().catch(() => undefined);
        throw badRequest(`Unknown file parameter: '${part.fieldname}'.`, part.fieldname, 'unknown_parameter');
      }
      failAtSizeLimit(part);
      const file: UploadedFile = { kind: 'file', buffer: await part.toBuffer(), filename: part.filename, mimetype: part.mimetype };
      assign(body, path, file, part.fieldname);
    } else {
      assign(body, path, part.value, part.fieldname);
    }
  }
  return body;
}

/**
 * A file over the upload limit fails as soon as it passes it. Left alone, the parser drops the excess but reads on
 * to the part's end: a client sending 100 MB would be told 413 only once all of it had arrived. The rest of the
 * body is then never read, so the answer closes the connection (kept open, it would wait on unread bytes).
 */
function failAtSizeLimit(part: MultipartFile): void {
  part.file.once('limit', () => {
    const message = `The request is too large: the file '${part.fieldname}' is over this server's upload limit.`;
    part.file.destroy(new ApiError(413, message, { code: 'request_too_large', headers: { 'x-should-retry': 'false', connection: 'close' } }));
  });
}

function splitBracketKey(name: string): string[] {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(name);
  if (!match) throw badRequest(`Malformed form field name: '${name}'.`, name, 'invalid_request');
  const nested = [...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!);
  return [match[1]!, ...nested];
}

/** Segments that would write to an object's prototype instead of a field. */
const reserved = new Set(['__proto__', 'constructor', 'prototype']);

type Container = Record<string, unknown> | unknown[];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !('kind' in value);

function assign(target: Record<string, unknown>, path: string[], value: unknown, fieldname: string): void {
  const malformed = () => badRequest(`Malformed form field name: '${fieldname}'.`, fieldname, 'invalid_request');
  const conflicting = () => badRequest(`Conflicting form fields for '${fieldname}'.`, fieldname, 'invalid_request');
  let node: Container = target;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const next = path[i + 1];
    if (reserved.has(segment)) throw malformed();
    if (Array.isArray(node)) {
      // `[]`: a new element, or for `name[][key]` the element being filled until it already has that key.
      if (segment !== '') throw conflicting();
      if (next === undefined) {
        node.push(value);
        return;
      }
      if (next === '' || path.length > i + 2) throw malformed();
      const open = node.at(-1);
      if (isObject(open) && !Object.hasOwn(open, next)) {
        node = open;
      } else {
        const element = Object.create(null) as Record<string, unknown>;
        node.push(element);
        node = element;
      }
      continue;
    }
    if (segment === '') throw malformed();
    if (next === undefined) {
      if (Object.hasOwn(node, segment)) throw badRequest(`Parameter '${fieldname}' was sent twice.`, fieldname, 'invalid_request');
      node[segment] = value;
      return;
    }
    const child = node[segment];
    if (child === undefined) {
      node = node[segment] = next === '' ? [] : (Object.create(null) as Record<string, unknown>);
    } else if (next === '' ? Array.isArray(child) : isObject(child)) {
      node = child as Container;
    } else {
      throw conflicting();
    }
  }
}
