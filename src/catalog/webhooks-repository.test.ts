import { describe, expect, it } from 'vitest';
import { catalogPerTest } from '../../test/helpers/catalog-per-test.js';
import type { WebhookEndpoint } from '../domain/webhook.js';
import { WebhooksRepository } from './webhooks-repository.js';

const endpoint = (id: string, ownerKeyId: string, extra: Partial<WebhookEndpoint> = {}): WebhookEndpoint => ({
  id,
  ownerKeyId,
  allKeys: false,
  url: `https://example.com/${id}`,
  secret: 'whsec_AAAA',
  events: ['video.completed', 'video.failed'],
  description: null,
  createdAt: 1000,
  ...extra,
});
const ok = { delivered: true, status: 200, error: null, response: 'thanks' };
const refused = { delivered: false, status: 500, error: 'HTTP 500', response: 'oops' };

describe.each(['sqlite', 'postgres'] as const)('webhooks repository on %s', (dialect) => {
  const catalog = catalogPerTest(dialect);

  it("queues a video's event for its owner's endpoints and the operator-wide ones that want it, once", async () => {
    const { webhooks } = catalog();
    await webhooks.createEndpoint(endpoint('webhook_a', 'key_a'));
    await webhooks.createEndpoint(endpoint('webhook_a_failures', 'key_a', { events: ['video.failed'] }));
    await webhooks.createEndpoint(endpoint('webhook_b', 'key_b'));
    await webhooks.createEndpoint(endpoint('webhook_ops', 'key_admin', { allKeys: true }));
    const event = { videoId: 'video_1', ownerKeyId: 'key_a', type: 'video.completed' as const };
    expect(await webhooks.recordVideoEnded(event, undefined, 5000)).toBe(2);
    await webhooks.recordVideoEnded(event, undefined, 6000); // a repeated announcement adds nothing
    const queued = await catalog().db.selectFrom('webhook_deliveries').select(['endpoint_id', 'payload']).orderBy('endpoint_id').execute();
    expect(queued.map((row) => row.endpoint_id)).toEqual(['webhook_a', 'webhook_ops']);
    expect(JSON.parse(queued[0]!.payload)).toEqual({ id: expect.stringMatching(/^evt_/) as string, object: 'event', created_at: 5, type: 'video.completed', data: { id: 'video_1' } });
  });

  it('lets one node claim each due delivery, gives it back when the lease runs out, and settles only under the lease', async () => {
    const { webhooks, db } = catalog();
    await webhooks.createEndpoint(endpoint('webhook_a', 'key_a'));
    for (const videoId of ['video_1', 'video_2', 'video_3', 'video_4']) await webhooks.recordVideoEnded({ videoId, ownerKeyId: 'key_a', type: 'video.completed' }, undefined, 1000);
    const [nodeA, nodeB] = [new WebhooksRepository(db), new WebhooksRepository(db)];
    const [claimedA, claimedB] = await Promise.all([nodeA.claimDue('node-a', 60_000, 10, 2000), nodeB.claimDue('node-b', 60_000, 10, 2000)]);
    const ids = [...claimedA, ...claimedB].map((delivery) => delivery.id);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    expect(await nodeA.claimDue('node-a', 60_000, 10, 3000)).toEqual([]);
    expect(await webhooks.nextDueAt(3000)).toBeUndefined();

    const [first, second] = [...claimedA, ...claimedB];
    const firstOwner = claimedA.includes(first!) ? 'node-a' : 'node-b';
    expect(await webhooks.recordAttempt(first!.id, 'node-elsewhere', ok, undefined, 4000)).toBe(false);
    expect(await webhooks.recordAttempt(first!.id, firstOwner, refused, 9000, 4000)).toBe(true);
    expect(await webhooks.nextDueAt(4000)).toBe(9000);
    const retried = await webhooks.claimDue('node-c', 60_000, 10, 9000);
    expect(retried.map((delivery) => [delivery.id, delivery.attempts])).toEqual([[first!.id, 1]]);
    expect(await webhooks.recordAttempt(first!.id, 'node-c', ok, undefined, 9500)).toBe(true);

    // A node that died mid-attempt: its lease runs out, and the delivery is claimable again.
    const reclaimed = await webhooks.claimDue('node-d', 60_000, 10, 2000 + 60_001);
    expect(reclaimed.map((delivery) => delivery.id)).not.toContain(first!.id);
    expect(reclaimed.map((delivery) => delivery.id)).toContain(second!.id);
    expect(await webhooks.recordAttempt(second!.id, 'node-d', refused, undefined, 70_000)).toBe(true);

    const log = (await webhooks.listDeliveries('webhook_a', 10)).deliveries;
    expect(log.find((delivery) => delivery.id === first!.id)).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 200, deliveredAt: 9500 });
    expect(log.find((delivery) => delivery.id === second!.id)).toMatchObject({ status: 'failed', attempts: 1, lastStatus: 500, lastError: 'HTTP 500', lastResponse: 'oops' });
  });

  it('forgets settled deliveries older than the cut-off, never pending or newer ones', async () => {
    const { webhooks, db } = catalog();
    await webhooks.createEndpoint(endpoint('webhook_a', 'key_a'));
    for (const videoId of ['video_old_ok', 'video_old_failed', 'video_new_ok', 'video_old_pending']) {
      await webhooks.recordVideoEnded({ videoId, ownerKeyId: 'key_a', type: 'video.completed' }, undefined, 1000);
    }
    const claimed = await webhooks.claimDue('node-a', 60_000, 10, 2000);
    const idOf = (videoId: string): string => claimed.find((delivery) => (JSON.parse(delivery.payload) as { data: { id: string } }).data.id === videoId)!.id;
    await webhooks.recordAttempt(idOf('video_old_ok'), 'node-a', ok, undefined, 3000);
    await webhooks.recordAttempt(idOf('video_old_failed'), 'node-a', refused, undefined, 3000);
    await webhooks.recordAttempt(idOf('video_new_ok'), 'node-a', ok, undefined, 9000);
    // Due long ago, but still to be retried: never forgotten.
    await webhooks.recordAttempt(idOf('video_old_pending'), 'node-a', refused, 3000, 2500);
    expect(await webhooks.pruneSettled(5000)).toBe(2);
    const left = await db.selectFrom('webhook_deliveries').select('video_id').orderBy('video_id').execute();
    expect(left.map((row) => row.video_id)).toEqual(['video_new_ok', 'video_old_pending']);
  });

  it("deletes an endpoint with its deliveries, and only for its owner", async () => {
    const { webhooks } = catalog();
    await webhooks.createEndpoint(endpoint('webhook_a', 'key_a'));
    await webhooks.recordVideoEnded({ videoId: 'video_1', ownerKeyId: 'key_a', type: 'video.failed' });
    expect(await webhooks.deleteEndpoint('webhook_a', 'key_b')).toBe(false);
    expect(await webhooks.findEndpoint('webhook_a', 'key_b')).toBeUndefined();
    expect(await webhooks.deleteEndpoint('webhook_a', 'key_a')).toBe(true);
    expect((await webhooks.listDeliveries('webhook_a', 10)).deliveries).toEqual([]);
  });
});
