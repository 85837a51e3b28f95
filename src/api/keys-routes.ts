import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessControl } from '../policy/access-control.js';
import { KeyService, toKeyObject } from '../services/key-service.js';
import { authorize } from './auth.js';
import { listPage, sendJson } from './route-helpers.js';

/** Key management for operators (scope `admin`): the secret is answered once, by the create call, never again. */
export function registerKeyRoutes(app: FastifyInstance, deps: { access: AccessControl }): void {
  const { access } = deps;
  const keys = new KeyService(access.keys);
  const admin = (request: FastifyRequest) => authorize(request, access, 'admin');
  const idParam = (request: FastifyRequest): string => (request.params as { key_id: string }).key_id;

  app.post('/v1/keys', async (request, reply) => {
    await admin(request);
    const { key, secret } = await keys.create(request.body);
    return sendJson(reply.header('cache-control', 'no-store'), { ...toKeyObject(key), secret });
  });

  app.get('/v1/keys', async (request, reply) => {
    await admin(request);
    return sendJson(reply, listPage((await keys.list()).map(toKeyObject), false));
  });

  app.get('/v1/keys/:key_id', async (request, reply) => {
    await admin(request);
    return sendJson(reply, toKeyObject(await keys.get(idParam(request))));
  });

  app.patch('/v1/keys/:key_id', async (request, reply) => {
    await admin(request);
    return sendJson(reply, toKeyObject(await keys.update(idParam(request), request.body)));
  });

  app.delete('/v1/keys/:key_id', async (request, reply) => {
    await admin(request);
    const key = await keys.revoke(idParam(request));
    return sendJson(reply, { id: key.id, object: 'api_key.deleted', deleted: true });
  });
}
