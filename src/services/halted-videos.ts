import type { Catalog } from '../catalog/catalog.js';

/** The code a video ended by `halt --cancel-queued` fails with, the same as the API's refusal while halted. */
export const generationHaltedCode = 'generation_halted';

/**
 * Ends the queued videos (all of them, or one key's) as failed with `generation_halted` and the operator's reason,
 * each in one transaction with its job; answers their ids. Videos already rendering are left to finish. This is the
 * one place where a halt ends videos, so whatever must happen to an ended video (a refund, a webhook event) happens here.
 */
export async function failQueuedVideosForHalt(catalog: Catalog, scope: { keyId?: string | undefined }, reason: string, now = Date.now()): Promise<string[]> {
  let queued = catalog.db.selectFrom('jobs').innerJoin('videos', 'videos.id', 'jobs.video_id').select(['jobs.video_id', 'videos.owner_key_id']).where('jobs.status', '=', 'queued');
  if (scope.keyId !== undefined) queued = queued.where('videos.owner_key_id', '=', scope.keyId);
  const ended: string[] = [];
  for (const { video_id: videoId, owner_key_id: ownerKeyId } of await queued.execute()) {
    const done = await catalog.db.transaction().execute(async (trx) => {
      // Conditional on the job still being queued: one a worker claimed meanwhile is left to run.
      const job = await trx
        .updateTable('jobs')
        .set({ status: 'failed', lease_owner: null, lease_until: null, last_error: reason })
        .where('video_id', '=', videoId)
        .where('status', '=', 'queued')
        .executeTakeFirst();
      if (Number(job.numUpdatedRows) !== 1) return false;
      const video = await trx
        .updateTable('videos')
        .set({ status: 'failed', error_code: generationHaltedCode, error_message: reason, completed_at: now })
        .where('id', '=', videoId)
        .where('status', 'in', ['queued', 'in_progress'])
        .executeTakeFirst();
      // In the same transaction: the owner's webhooks hear of every video a halt ended, or of none if this rolls back.
      if (Number(video.numUpdatedRows) === 1) await catalog.webhooks.recordVideoEnded({ videoId, ownerKeyId, type: 'video.failed' }, trx, now);
      return true;
    });
    if (!done) continue;
    ended.push(videoId);
    // Idempotent, and the start-up sweep catches a refund this process did not live to write.
    await catalog.ledger.refundVideo(videoId, `failed: ${generationHaltedCode}`);
  }
  return ended;
}
