import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalBlobStore } from '../src/blobs/local-blob-store.js';
import { toVideoRecord } from '../src/catalog/videos-repository.js';
import { loadConfig } from '../src/config.js';
import type { ApiKey } from '../src/domain/api-key.js';
import { accounts } from '../src/domain/ledger.js';
import { videoCost } from '../src/domain/video-cost.js';
import type { VideoRecord } from '../src/domain/video.js';
import type { Engine } from '../src/engines/engine.js';
import { EngineRegistry } from '../src/engines/registry.js';
import { resolveMediaTools, type MediaTools } from '../src/media/ffmpeg-binaries.js';
import { EmbeddedQueue } from '../src/queue/embedded-queue.js';
import { ArtistService } from '../src/services/artist-service.js';
import { FileService } from '../src/services/file-service.js';
import { LedgerAdmission } from '../src/services/ledger-admission.js';
import { LedgerService } from '../src/services/ledger-service.js';
import { VideoService } from '../src/services/video-service.js';
import { createVideoSchema, parseInput } from '../src/services/video-request.js';
import { NonRetryableError } from '../src/worker/job-errors.js';
import { runJob, type JobDependencies } from '../src/worker/run-job.js';
import { catalogPerTest } from './helpers/catalog-per-test.js';
import { makeClip } from './helpers/clips.js';
import { testProvenanceStamp } from './helpers/provenance.js';

/**
 * 200 videos of three keys through the real admission (the charge), the real embedded queue and the real worker
 * (`runJob`, with an engine scripted to succeed, fail once, fail for good, fail every attempt, or lose its worker
 * every time), plus cancellations, idempotent replays and derived videos, on SQLite and PostgreSQL. Afterwards
 * the books must balance to the credit.
 */
type Fate = 'ok' | 'flaky' | 'broken' | 'doomed' | 'interrupted';
const fates: Fate[] = ['ok', 'ok', 'ok', 'flaky', 'ok', 'broken', 'doomed', 'ok', 'interrupted', 'ok'];
const fateOf = (prompt: string): Fate => fates.find((fate) => prompt.includes(` ${fate} `)) ?? 'ok';
/** Four sizes of three price classes; the smallest keeps the encodes of the derived videos quick. */
const sizes = ['64x48', '854x480', '1280x720', '1920x1080'];
const maxAttempts = 3;

/** An engine that does what each prompt's fate says, handing back one small ready-made clip when it succeeds. */
function scriptedEngine(clip: string): Engine {
  const calls = new Map<string, number>();
  return {
    name: 'scripted',
    models: [{ id: 'scripted-1', engine: 'scripted', description: 'test', sizes, maxSeconds: 12, features: { imageInput: false, remix: true, audio: true } }],
    async generate(request, context) {
      const call = (calls.get(request.prompt) ?? 0) + 1;
      calls.set(request.prompt, call);
      const fate = fateOf(request.prompt);
      if (fate === 'broken') throw new NonRetryableError('the engine refuses this prompt');
      if (fate === 'doomed' || (fate === 'flaky' && call === 1)) throw new Error('the render host fell over');
      const file = path.join(context.workDir, 'out.mp4');
      await fs.promises.copyFile(clip, file);
      return { file, width: 64, height: 48, fps: 24, seconds: 2, hasAudio: true };
    },
  };
}

describe.each(['sqlite', 'postgres'] as const)('the ledger after 200 mixed jobs on %s', (dialect) => {
  const catalog = catalogPerTest(dialect);
  let tmp: string;
  let media: MediaTools;
  beforeEach(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'kinora-ledger-'));
    media = await resolveMediaTools();
  });
  afterEach(() => rm(tmp, { recursive: true, force: true }));

  it('charges each video once, refunds every one that did not complete, pays artists for the rest, and sums to zero', async () => {
    const { db, ledger } = catalog();
    const clip = await makeClip(media, path.join(tmp, 'clip.mp4'), { size: '64x48', seconds: 2, tone: 440 });
    const config = loadConfig({}, { dataDir: tmp });
    const blobs = new LocalBlobStore(path.join(tmp, 'blobs'));
    const engines = new EngineRegistry([scriptedEngine(clip)]);
    const queue = new EmbeddedQueue(db, { leaseMs: 1, maxAttempts, backoffMs: () => 0 });
    const artistService = new ArtistService(catalog().artists);
    const service = new VideoService({
      config, catalog: catalog(), queue, blobs, engines, artists: artistService,
      files: new FileService({ config, files: catalog().files, blobs }),
      admissions: [new LedgerAdmission({ ledger, artists: catalog().artists, creditsRequired: false })],
    });
    const ledgerService = new LedgerService({ catalog: catalog(), creditsRequired: false });
    const worker: JobDependencies = {
      queue, videos: catalog().videos, ledger, engines, blobs, media,
      provenance: await testProvenanceStamp(tmp, engines, media),
      scratchDir: path.join(tmp, 'scratch'), leaseMs: 30_000, maxAttempts, logger: pino({ level: 'silent' }),
    };

    const miro = await artistService.create({ name: 'Joan Miró', policy: 'license', fee_per_second: 5 });
    const klint = await artistService.create({ name: 'Hilma af Klint', policy: 'license', fee_per_second: 2 });
    await artistService.create({ name: 'Claude Monet', policy: 'credit' });
    const fees = new Map([[miro.id, 5], [klint.id, 2]]);
    const keys: ApiKey[] = [];
    for (const name of ['alice', 'bob', 'carol']) keys.push((await catalog().keys.create(name, ['videos:read', 'videos:write'])).key);
    const granted = new Map([[keys[0]!.id, 100_000], [keys[1]!.id, 300]]);
    for (const [keyId, credits] of granted) await ledgerService.grant({ key_id: keyId, credits, memo: 'welcome' });

    const made: string[] = [];
    const ownerOf = new Map<string, ApiKey>();
    const remember = (key: ApiKey, video: VideoRecord): VideoRecord => {
      if (!made.includes(video.id)) made.push(video.id);
      ownerOf.set(video.id, key);
      return video;
    };
    const styles = ['in the style of Joan Miró', 'like Hilma af Klint and Claude Monet', 'in soft light', 'Joan Miró meets Hilma af Klint'];

    /** The worker loop: claims until nothing is left; an interrupted video's worker dies on each of its attempts. */
    async function drain(): Promise<void> {
      for (;;) {
        const job = await queue.claim('worker-1');
        if (!job) {
          const { open } = await db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('open')).where('status', 'in', ['queued', 'claimed']).executeTakeFirstOrThrow();
          if (Number(open) === 0) return;
          await new Promise((resolve) => setTimeout(resolve, 5)); // an abandoned lease (1 ms) runs out
          continue;
        }
        const video = await catalog().videos.findLive(job.videoId);
        if (video && fateOf(video.prompt) === 'interrupted' && job.attempt <= maxAttempts) continue;
        await runJob(job, 'worker-1', worker, new AbortController().signal);
      }
    }

    // 150 videos made from prompts: every fate, three sizes, 1–4 s, licensed and credited artists, three keys.
    for (let i = 0; i < 150; i++) {
      const key = keys[i % 3]!;
      const body = parseInput(createVideoSchema, { model: 'scripted-1', prompt: `video ${i} ${fates[i % fates.length]} of a fox ${styles[i % styles.length]}`, size: sizes[Math.floor(i / 3) % sizes.length], seconds: String(1 + (i % 4)) });
      const options = i % 25 === 0 ? { idempotencyKey: `create-${i}` } : {};
      const video = remember(key, await service.create(key, body, options));
      // A client repeating the request (same Idempotency-Key) gets the same video, not a second charge.
      if (i % 25 === 0) expect((await service.create(key, body, options)).id).toBe(video.id);
      if (i % 15 === 14) await service.delete(key, video.id); // cancelled while queued
    }
    await drain();

    // 50 videos made from the completed ones: remixes (some failing), extensions, re-cuts and blends.
    const completedOf = async (key: ApiKey) =>
      // The smallest: extensions and blends encode at their source's size, and this test is about credits.
      (await catalog().videos.list(key.id, { limit: 100, order: 'asc' }) as { data: VideoRecord[] }).data.filter((v) => v.status === 'completed' && v.operation === null && v.size === sizes[0]);
    for (let i = 0; i < 50; i++) {
      const key = keys[i % 3]!;
      const sources = await completedOf(key);
      const source = sources[i % sources.length]!;
      const other = sources[(i + 1) % sources.length]!;
      const fate = i % 10 === 3 ? 'broken' : i % 10 === 6 ? 'flaky' : 'ok';
      let video: VideoRecord;
      switch (i % 5) {
        case 0:
        case 1:
          video = await service.remix(key, source.id, `remix ${i} ${fate} with Hilma af Klint`);
          break;
        case 2:
          video = await service.derived.extend(key, { prompt: `extension ${i} ${fate} then a sunset`, seconds: 1, video: { id: source.id } });
          break;
        case 3:
          video = await service.derived.recut(key, source.id, { start: 0, end: 1 });
          break;
        default:
          video = await service.derived.blend(key, { video_a: source.id, video_b: other.id, transition_seconds: 0.5 });
      }
      remember(key, video);
      if (i % 20 === 19) await service.delete(key, video.id);
    }
    await drain();
    // Deleting finished videos: a completed one keeps its charge; a failed one is not refunded twice.
    const everything = (await db.selectFrom('videos').selectAll().execute()).map(toVideoRecord);
    for (const status of ['completed', 'failed'] as const) {
      for (const video of everything.filter((v) => v.status === status).slice(0, 4)) await service.delete(ownerOf.get(video.id)!, video.id);
    }

    // What happened, as the catalog tells it.
    const videos = new Map((await db.selectFrom('videos').selectAll().execute()).map((row) => [row.id, { ...toVideoRecord(row), deleted: row.deleted_at !== null }]));
    expect(made).toHaveLength(200);
    expect(videos.size).toBe(200);
    const final = [...videos.values()];
    const count = (test: (v: (typeof final)[number]) => boolean) => final.filter(test).length;
    expect(count((v) => v.status === 'completed')).toBeGreaterThan(100);
    expect(count((v) => v.status === 'failed')).toBeGreaterThan(30);
    expect(count((v) => v.status === 'completed' && v.attempt === 2)).toBeGreaterThan(10); // retried, then completed
    expect(count((v) => v.error?.message === 'The render was interrupted too many times.')).toBeGreaterThan(10);
    expect(count((v) => v.deleted && v.status === 'queued')).toBeGreaterThanOrEqual(11); // cancelled
    expect(count((v) => v.status === 'in_progress' || (v.status === 'queued' && !v.deleted))).toBe(0);

    // Every transaction sums to zero, so the whole ledger does too.
    const unbalanced = await db.selectFrom('ledger_entries').select('transaction_id').groupBy('transaction_id').having((eb) => eb.fn.sum('amount'), '!=', 0).execute();
    expect(unbalanced).toEqual([]);
    expect(await sumOf(db.selectFrom('ledger_entries').select((eb) => eb.fn.sum<string | number>('amount').as('total')))).toBe(0);

    // One charge per video; one refund per video that did not complete, and none for the others.
    const transactions = await db.selectFrom('ledger_transactions').select(['video_id', 'kind']).where('video_id', 'is not', null).execute();
    const kindsOf = (id: string) => transactions.filter((t) => t.video_id === id).map((t) => t.kind).sort();
    for (const video of final) expect(kindsOf(video.id), `${video.id} ${video.status}`).toEqual(video.status === 'completed' ? ['charge'] : ['charge', 'refund']);

    // Each key paid exactly the cost of its completed videos; each artist earned exactly their fees on them.
    const costOf = (video: VideoRecord) =>
      videoCost(video, video.credits.filter((c) => fees.has(c.artist_id)).map((c) => ({ artistId: c.artist_id, feePerSecond: fees.get(c.artist_id)! })));
    const completed = final.filter((v) => v.status === 'completed');
    for (const key of keys) {
      const spent = completed.filter((v) => v.ownerKeyId === key.id).reduce((sum, v) => sum + costOf(v).total, 0);
      expect(spent).toBeGreaterThan(0);
      expect(await ledger.balance(accounts.key(key.id))).toBe((granted.get(key.id) ?? 0) - spent);
      expect((await ledgerService.balance(key.id)).credits).toBe((granted.get(key.id) ?? 0) - spent);
    }
    expect(await ledger.balance(accounts.revenue)).toBe(completed.reduce((sum, v) => sum + costOf(v).render, 0));
    const report = await ledgerService.report({});
    for (const artist of [miro, klint]) {
      const paying = completed.filter((v) => costOf(v).fees.some((f) => f.artistId === artist.id));
      const seconds = paying.reduce((sum, v) => sum + costOf(v).generatedSeconds, 0);
      expect(await ledger.balance(accounts.artist(artist.id))).toBe(seconds * fees.get(artist.id)!);
      expect(report.artists.find((line) => line.artist_id === artist.id)).toEqual({ artist_id: artist.id, name: artist.name, videos: paying.length, seconds, credits: seconds * fees.get(artist.id)! });
    }
    expect(report.artists).toHaveLength(2); // Monet is credited, never paid
    const paid = completed.filter((v) => costOf(v).fees.length > 0);
    expect(report.totals).toEqual({ videos: paid.length, seconds: paid.reduce((sum, v) => sum + costOf(v).generatedSeconds, 0), credits: report.artists.reduce((sum, a) => sum + a.credits, 0) });
  }, 600_000);
});

async function sumOf(query: { executeTakeFirstOrThrow: () => Promise<{ total: string | number | null }> }): Promise<number> {
  return Number((await query.executeTakeFirstOrThrow()).total ?? 0);
}
