import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { WebhooksRepository } from '../catalog/webhooks-repository.js';
import type { ApiKey } from '../domain/api-key.js';
import { ApiError, badRequest } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { unixSeconds } from '../domain/unix-time.js';
import { videoEventTypes, type WebhookDelivery, type WebhookEndpoint } from '../domain/webhook.js';
import { assertPublicUrl } from '../policy/url-guard.js';
import { parseInput } from '../services/video-request.js';

/** Enough for an app and its staging twin; a key cannot make the server fan each event out to hundreds of URLs. */
export const maxEndpointsPerKey = 10;

const createWebhookSchema = z
  .object({
    url: z.string().trim().min(1).max(2048),
    events: z
      .array(z.enum(videoEventTypes))
      .min(1)
      .refine((list) => new Set(list).size === list.length, { error: 'each event at most once' })
      .default([...videoEventTypes]),
    description: z.string().trim().max(500).optional(),
    /** An operator's endpoint for the videos of every key (admin only). */
    all_keys: z.boolean().default(false),
  })
  .strict();

const listDeliveriesSchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }).strict();

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64 (the openai SDK and standardwebhooks read it so). */
const newSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

const webhookNotFound = (id: string): ApiError => new ApiError(404, `No webhook found with id '${id}'.`, { param: 'webhook_id', code: 'webhook_not_found' });

/** Wire form of an endpoint; its secret only in the answer that created it. */
export const toWebhookObject = (endpoint: WebhookEndpoint) => ({
  id: endpoint.id,
  object: 'webhook_endpoint' as const,
  url: endpoint.url,
  events: endpoint.events,
  all_keys: endpoint.allKeys,
  description: endpoint.description,
  created_at: unixSeconds(endpoint.createdAt),
});

export const toDeliveryObject = (delivery: WebhookDelivery) => ({
  id: delivery.id,
  object: 'webhook_delivery' as const,
  webhook_id: delivery.endpointId,
  event_id: delivery.eventId,
  event_type: delivery.eventType,
  video_id: delivery.videoId,
  status: delivery.status,
  attempts: delivery.attempts,
  next_attempt_at: delivery.status === 'pending' ? unixSeconds(delivery.nextAttemptAt) : null,
  last_attempt_at: unixSeconds(delivery.lastAttemptAt),
  last_status_code: delivery.lastStatus,
  last_error: delivery.lastError,
  last_response: delivery.lastResponse,
  delivered_at: unixSeconds(delivery.deliveredAt),
  created_at: unixSeconds(delivery.createdAt),
});

/**
 * Webhook endpoints as a key manages them: each key sees and receives only its own (its own videos' events), and an
 * admin may add one for every key's videos. The URL passes the SSRF check when registered, for a clear 400, and again
 * at every connection the delivery loop opens.
 */
export class WebhookService {
  constructor(private readonly deps: { webhooks: WebhooksRepository; allowPrivate: boolean }) {}

  async create(key: ApiKey, body: unknown): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const input = parseInput(createWebhookSchema, body);
    if (input.all_keys && !key.scopes.includes('admin')) {
      throw new ApiError(403, "Only an admin key may register a webhook for every key's videos.", { param: 'all_keys', code: 'insufficient_scope' });
    }
    if ((await this.deps.webhooks.listEndpoints(key.id)).length >= maxEndpointsPerKey) {
      throw badRequest(`This key already has ${maxEndpointsPerKey} webhooks; delete one first.`, 'url', 'webhook_limit_reached');
    }
    const url = await assertPublicUrl(input.url, 'url', this.deps.allowPrivate);
    const endpoint: WebhookEndpoint = {
      id: newId('webhook'),
      ownerKeyId: key.id,
      allKeys: input.all_keys,
      url: url.toString(),
      secret: newSecret(),
      events: input.events,
      description: input.description ?? null,
      createdAt: Date.now(),
    };
    await this.deps.webhooks.createEndpoint(endpoint);
    return { endpoint, secret: endpoint.secret };
  }

  list(key: ApiKey): Promise<WebhookEndpoint[]> {
    return this.deps.webhooks.listEndpoints(key.id);
  }

  async get(key: ApiKey, id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.deps.webhooks.findEndpoint(id, key.id);
    if (!endpoint) throw webhookNotFound(id);
    return endpoint;
  }

  async delete(key: ApiKey, id: string): Promise<void> {
    if (!(await this.deps.webhooks.deleteEndpoint(id, key.id))) throw webhookNotFound(id);
  }

  /** The delivery log of one of the key's endpoints, newest first. */
  async deliveries(key: ApiKey, id: string, query: unknown): Promise<{ deliveries: WebhookDelivery[]; hasMore: boolean }> {
    const { limit } = parseInput(listDeliveriesSchema, query);
    await this.get(key, id);
    return this.deps.webhooks.listDeliveries(id, limit);
  }
}
