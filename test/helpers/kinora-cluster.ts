import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../src/catalog/schema.js';
import { waitFor, type ServerProcess } from './kinora-server.js';

/** What the tests of several Kinora processes on one catalog and one shared blob directory check of their jobs. */

export async function killed(node: ServerProcess): Promise<void> {
  if (node.child.exitCode !== null || node.child.signalCode !== null) return;
  const exited = new Promise((resolve) => node.child.once('exit', resolve));
  node.child.kill('SIGKILL');
  await exited;
}

/**
 * Waits until every video has finished, completed or failed, and its job with it: a worker ends the video's row first
 * and its job's a moment later (after queuing the video's webhook events), so a check in between sees a claimed job.
 */
export async function finishedAll(db: Kysely<Database>, ids: string[]): Promise<void> {
  await waitFor(
    async () => {
      const rows = await db
        .selectFrom('videos')
        .innerJoin('jobs', 'jobs.video_id', 'videos.id')
        .select(['videos.status as video', 'jobs.status as job'])
        .where('videos.id', 'in', ids)
        .execute();
      const ended = rows.filter((row) => (row.video === 'completed' || row.video === 'failed') && ['done', 'failed', 'cancelled'].includes(row.job));
      return ended.length === ids.length ? true : undefined;
    },
    `${ids.length} videos to finish`,
    // 50 renders on two workers take about a minute on an idle 2-core machine; much more on a busy one.
    420_000,
    250,
  );
}

/** Completed, with one MP4 in the shared store, one charge and no refund in the ledger, and its job done. */
export async function expectCompletedOnce(db: Kysely<Database>, blobDir: string, ids: string[]): Promise<void> {
  const videos = await db.selectFrom('videos').select(['id', 'status']).where('id', 'in', ids).execute();
  expect(videos.filter((video) => video.status !== 'completed')).toEqual([]);
  const jobs = await db.selectFrom('jobs').select(['video_id', 'status']).where('video_id', 'in', ids).execute();
  expect(jobs.filter((job) => job.status !== 'done')).toEqual([]);
  const ledger = await db.selectFrom('ledger_transactions').select(['video_id', 'kind']).where('video_id', 'in', ids).execute();
  expect(ledger.filter((entry) => entry.kind === 'charge').map((entry) => entry.video_id).sort()).toEqual([...ids].sort());
  expect(ledger.filter((entry) => entry.kind !== 'charge')).toEqual([]);
  for (const id of ids) {
    const files = fs.readdirSync(path.join(blobDir, 'videos', id));
    expect(files.filter((file) => file.includes('.mp4')), id).toEqual(['video.mp4']);
  }
}
