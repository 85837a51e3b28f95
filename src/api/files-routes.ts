import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessControl } from '../policy/access-control.js';
import type { Scope } from '../domain/api-key.js';
import { badRequest } from '../domain/errors.js';
import { toFileObject, type FileService } from '../services/file-service.js';
import { createFileSchema, parseInput } from '../services/video-request.js';
import { authorize } from './auth.js';
import { readMultipartBody } from './multipart-body.js';

/** OpenAI's Files routes, for reference images: upload once, then pass `input_reference: {file_id}`. */
export function registerFileRoutes(app: FastifyInstance, deps: { files: FileService; access: AccessControl }): void {
  const { files, access } = deps;
  const keyFor = (request: FastifyRequest, scope: Scope) => authorize(request, access, scope);
  const idParam = (request: FastifyRequest): string => (request.params as { file_id: string }).file_id;
  const json = 'application/json; charset=utf-8';

  app.post('/v1/files', async (request, reply) => {
    const key = await keyFor(request, 'videos:write');
    if (!request.isMultipart()) throw badRequest('Upload files as multipart/form-data with fields file and purpose.', 'file', 'invalid_request');
    const upload = parseInput(createFileSchema, await readMultipartBody(request));
    return reply.type(json).send(toFileObject(await files.create(key, upload)));
  });

  app.get('/v1/files/:file_id', async (request, reply) => {
    const key = await keyFor(request, 'videos:read');
    return reply.type(json).send(toFileObject(await files.get(key, idParam(request))));
  });

  app.delete('/v1/files/:file_id', async (request, reply) => {
    const key = await keyFor(request, 'videos:write');
    const id = idParam(request);
    await files.delete(key, id);
    return reply.type(json).send({ id, object: 'file', deleted: true });
  });
}
