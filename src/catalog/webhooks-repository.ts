import type { Kysely, Selectable, Transaction } from 'kysely';
import { newId } from '../domain/ids.js';
import { unixSeconds } from '../domain/unix-time.js';
import type { AttemptResult, DueDelivery, VideoEventType, WebhookDelivery, WebhookEndpoint } from '../domain/webhook.js';
import type { Database, WebhookDeliveryTable, WebhookEndpointTable } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

const toEndpoint = (row: Selectable<WebhookEndpointTable>): WebhookEndpoint => ({
  id: row.id,
  ownerKeyId: row.owner_key_id,
  allKeys: row.all_keys === 1,
  url: row.url,
  secret: row.secret,
  events: row.events.split(',') as VideoEventType[],
  description: row.description,
  createdAt: Number(row.created_at),
});

const toDelivery = (row: Selectable<WebhookDeliveryTable>): WebhookDelivery => ({
  id: row.id,
  endpointId: row.endpoint_id,
  eventId: row.event_id,
  eventType: row.event_type,
  videoId: row.video_id,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: Number(row.next_attempt_at),
  lastAttemptAt: row.last_attempt_at === null ? null : Number(row.last_attempt_at),
  lastStatus: row.last_status,
  lastError: row.last_error,
  lastResponse: row.last_response,
  deliveredAt: row.delivered_at === null ? null : Number(row.delivered_at),
  createdAt: Number(row.created_at),
});

/**
 * Webhook endpoints and their deliveries. Deliveries are an outbox: written when a video ends, then claimed under a
 * lease by whichever API node's delivery loop gets there first (a conditional update, so on SQLite and PostgreSQL
 * alike only one node sends an attempt), and settled with the attempt's outcome.
 */
export class WebhooksRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async createEndpoint(endpoint: WebhookEndpoint): Promise<void> {
    await this.db
      .insertInto('webhook_endpoints')
      .values({
        id: endpoint.id,
        owner_key_id: endpoint.ownerKeyId,
        all_keys: endpoint.allKeys ? 1 : 0,
        url: endpoint.url,
        secret: endpoint.secret,
        events: endpoint.events.join(','),
        description: endpoint.description,
        created_at: endpoint.createdAt,
      })
      .execute();
  }

  async listEndpoints(ownerKeyId: string): Promise<WebhookEndpoint[]> {
    const rows = await this.db.selectFrom('webhook_endpoints').selectAll().where('owner_key_id', '=', ownerKeyId).orderBy('created_at').orderBy('id').execute();
    return rows.map(toEndpoint);
  }

  async findEndpoint(id: string, ownerKeyId: string): Promise<WebhookEndpoint | undefined> {
    const row = await this.db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).where('owner_key_id', '=', ownerKeyId).executeTakeFirst();
    return row && toEndpoint(row);
  }

  /** Removes the endpoint and its deliveries, sent or not: nothing more goes to it. */
  async deleteEndpoint(id: string, ownerKeyId: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const removed = await trx.deleteFrom('webhook_endpoints').where('id', '=', id).where('owner_key_id', '=', ownerKeyId).executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0) return false;
      await trx.deleteFrom('webhook_deliveries').where('endpoint_id', '=', id).execute();
      return true;
    });
  }

  /**
   * Queues the event of a video that ended for every endpoint that wants it: its owner's, and the operator-wide ones.
   * Runs in the caller's transaction when given one, so the event commits with the video's new state. Idempotent.
   */
  async recordVideoEnded(event: { videoId: string; ownerKeyId: string; type: VideoEventType }, executor: Executor = this.db, now = Date.now()): Promise<number> {
    const endpoints = await executor
      .selectFrom('webhook_endpoints')
      .select(['id', 'events'])
      .where((eb) => eb.or([eb('owner_key_id', '=', event.ownerKeyId), eb('all_keys', '=', 1)]))
      .execute();
    const wanted = endpoints.filter((endpoint) => endpoint.events.split(',').includes(event.type));
    if (wanted.length === 0) return 0;
    const eventId = newId('evt');
    // OpenAI's event object: the receiver fetches the video itself by data.id.
    const payload = JSON.stringify({ id: eventId, object: 'event', created_at: unixSeconds(now), type: event.type, data: { id: event.videoId } });
    await executor
      .insertInto('webhook_deliveries')
      .values(
        wanted.map((endpoint) => ({
          id: newId('delivery'),
          endpoint_id: endpoint.id,
          event_id: eventId,
          event_type: event.type,
          video_id: event.videoId,
          payload,
          status: 'pending' as const,
          next_attempt_at: now,
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['endpoint_id', 'video_id', 'event_type']).doNothing())
      .execute();
    return wanted.length;
  }

  /**
   * Catches up on events lost by a crash between a video's end and its announcement (two writes by the worker): the
   * videos that ended since `since`, after an endpoint that wants their event was made, with no delivery to it.
   * Idempotent, so every API node may run it when it starts; answers how many videos it announced.
   */
  async recordMissedEvents(since: number): Promise<number> {
    const rows = await this.db
      .selectFrom('videos')
      .innerJoin('webhook_endpoints', (join) => join.on((eb) => eb.or([eb('webhook_endpoints.owner_key_id', '=', eb.ref('videos.owner_key_id')), eb('webhook_endpoints.all_keys', '=', 1)])))
      .select(['videos.id as videoId', 'videos.owner_key_id as ownerKeyId', 'videos.status as status', 'webhook_endpoints.events as events'])
      .where('videos.status', 'in', ['completed', 'failed'])
      .where('videos.completed_at', '>=', since)
      .where('videos.deleted_at', 'is', null)
      .whereRef('videos.completed_at', '>=', 'webhook_endpoints.created_at')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom('webhook_deliveries').select('webhook_deliveries.id').whereRef('webhook_deliveries.endpoint_id', '=', 'webhook_endpoints.id').whereRef('webhook_deliveries.video_id', '=', 'videos.id'),
          ),
        ),
      )
      .execute();
    const missed = new Map<string, { videoId: string; ownerKeyId: string; type: VideoEventType }>();
    for (const row of rows) {
      const type = row.status === 'completed' ? 'video.completed' : 'video.failed';
      if (row.events.split(',').includes(type)) missed.set(row.videoId, { videoId: row.videoId, ownerKeyId: row.ownerKeyId, type });
    }
    for (const event of missed.values()) await this.recordVideoEnded(event);
    return missed.size;
  }

  /** Claims up to `limit` due deliveries for one attempt each; a node that dies mid-attempt loses its lease. */
  async claimDue(owner: string, leaseMs: number, limit: number, now = Date.now()): Promise<DueDelivery[]> {
    const candidates = await this.db
      .selectFrom('webhook_deliveries')
      .select(['id', 'attempts'])
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    const claimed: DueDelivery[] = [];
    for (const candidate of candidates) {
      const won = await this.db
        .updateTable('webhook_deliveries')
        .set({ lease_owner: owner, lease_until: now + leaseMs })
        .where('id', '=', candidate.id)
        .where('status', '=', 'pending')
        .where('attempts', '=', candidate.attempts)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
        .executeTakeFirst();
      if (Number(won.numUpdatedRows) !== 1) continue;
      const row = await this.db
        .selectFrom('webhook_deliveries')
        .innerJoin('webhook_endpoints', 'webhook_endpoints.id', 'webhook_deliveries.endpoint_id')
        .select(['webhook_deliveries.id', 'endpoint_id', 'event_id', 'event_type', 'payload', 'attempts', 'url', 'secret'])
        .where('webhook_deliveries.id', '=', candidate.id)
        .executeTakeFirst();
      if (row) {
        claimed.push({ id: row.id, endpointId: row.endpoint_id, eventId: row.event_id, eventType: row.event_type, payload: row.payload, attempts: row.attempts, url: row.url, secret: row.secret });
      }
    }
    return claimed;
  }

  /**
   * When the next pending delivery that no node holds falls due, to sleep until then; undefined when there is none.
   * A held one is settled (and rescheduled) by its holder, or found by a later poll once its lease has run out.
   */
  async nextDueAt(now = Date.now()): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('webhook_deliveries')
      .select((eb) => eb.fn.min('next_attempt_at').as('next'))
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .executeTakeFirst();
    return row?.next === null || row?.next === undefined ? undefined : Number(row.next);
  }

  /**
   * Settles an attempt made under this owner's lease: delivered, retried at `retryAt`, or given up (no `retryAt`).
   * False when the lease had been lost (the attempt is someone else's to count).
   */
  async recordAttempt(id: string, owner: string, result: AttemptResult, retryAt: number | undefined, now = Date.now()): Promise<boolean> {
    const status = result.delivered ? 'delivered' : retryAt === undefined ? 'failed' : 'pending';
    const update = await this.db
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        status,
        next_attempt_at: retryAt ?? now,
        lease_owner: null,
        lease_until: null,
        last_attempt_at: now,
        last_status: result.status,
        last_error: result.error,
        last_response: result.response,
        delivered_at: result.delivered ? now : null,
      }))
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return Number(update.numUpdatedRows) === 1;
  }

  /**
   * Forgets deliveries settled (delivered or given up) before `before`: the log is for seeing what happened lately,
   * and payloads must not pile up forever. A settled row's `next_attempt_at` is when it settled, so the due index
   * finds them. Answers how many went.
   */
  async pruneSettled(before: number): Promise<number> {
    const deleted = await this.db.deleteFrom('webhook_deliveries').where('status', 'in', ['delivered', 'failed']).where('next_attempt_at', '<', before).executeTakeFirst();
    return Number(deleted.numDeletedRows);
  }

  /** An endpoint's deliveries, newest first; one more than `limit` is read to say whether more follow. */
  async listDeliveries(endpointId: string, limit: number): Promise<{ deliveries: WebhookDelivery[]; hasMore: boolean }> {
    const rows = await this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('endpoint_id', '=', endpointId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    return { deliveries: rows.slice(0, limit).map(toDelivery), hasMore: rows.length > limit };
  }
}
