import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Scope } from '../domain/api-key.js';
import type { AccessControl } from '../policy/access-control.js';
import { toDeliveryObject, toWebhookObject, type WebhookService } from '../webhooks/webhook-service.js';
import { authorize } from './auth.js';
import { listPage, sendJson } from './route-helpers.js';

/** Webhook endpoints of the calling key, and their delivery logs; the signing secret is answered once, at creation. */
export function registerWebhookRoutes(app: FastifyInstance, deps: { webhooks: WebhookService; access: AccessControl }): void {
  const { webhooks, access } = deps;
  const keyFor = (request: FastifyRequest, scope: Scope) => authorize(request, access, scope);
  const idParam = (request: FastifyRequest): string => (request.params as { webhook_id: string }).webhook_id;

  app.post('/v1/webhooks', async (request, reply) => {
    const key = await keyFor(request, 'videos:write');
    const { endpoint, secret } = await webhooks.create(key, request.body);
    return sendJson(reply.header('cache-control', 'no-store'), { ...toWebhookObject(endpoint), secret });
  });

  app.get('/v1/webhooks', async (request, reply) => {
    const key = await keyFor(request, 'videos:read');
    return sendJson(reply, listPage((await webhooks.list(key)).map(toWebhookObject), false));
  });

  app.get('/v1/webhooks/:webhook_id', async (request, reply) => {
    const key = await keyFor(request, 'videos:read');
    return sendJson(reply, toWebhookObject(await webhooks.get(key, idParam(request))));
  });

  app.delete('/v1/webhooks/:webhook_id', async (request, reply) => {
    const key = await keyFor(request, 'videos:write');
    const id = idParam(request);
    await webhooks.delete(key, id);
    return sendJson(reply, { id, object: 'webhook_endpoint.deleted', deleted: true });
  });

  app.get('/v1/webhooks/:webhook_id/deliveries', async (request, reply) => {
    const key = await keyFor(request, 'videos:read');
    const { deliveries, hasMore } = await webhooks.deliveries(key, idParam(request), request.query);
    return sendJson(reply, listPage(deliveries.map(toDeliveryObject), hasMore));
  });
}
