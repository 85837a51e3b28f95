import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeClip } from '../../test/helpers/clips.js';
import { testProvenanceStamp } from '../../test/helpers/provenance.js';
import { LocalBlobStore } from '../blobs/local-blob-store.js';
import { openCatalog, type Catalog } from '../catalog/catalog.js';
import type { NewVideo } from '../catalog/videos-repository.js';
import { jobKindOf, type VideoOperation } from '../domain/video.js';
import type { Engine } from '../engines/engine.js';
import { EngineRegistry } from '../engines/registry.js';
import { resolveMediaTools } from '../media/ffmpeg-binaries.js';
import { probeClip } from '../media/ffmpeg-edit.js';
import { EmbeddedQueue } from '../queue/embedded-queue.js';
import { outputKeys, runJob, type JobDependencies } from './run-job.js';

/** The worker running the jobs that need no engine (re-cuts, blends), with a real catalog, queue, blob store and ffmpeg. */
describe('runJob for video operations', () => {
  let tmp: string;
  let catalog: Catalog;
  let deps: JobDependencies;
  const never = new AbortController().signal;

  const row = (id: string, operation: VideoOperation | null, seconds = 2): NewVideo => ({
    id, ownerKeyId: 'k1', model: 'kinora-1', prompt: 'a test pattern', seed: 1, size: '64x48', seconds,
    remixedFromVideoId: null, inputReference: null, plan: null, options: null, operation, requestFingerprint: `fp-${id}`, createdAt: Date.now(),
  });

  /** A finished source video: its row, completed, and its MP4 in the blob store. */
  async function completedSource(id: string): Promise<void> {
    await catalog.videos.insert(row(id, null));
    const file = await makeClip(deps.media, path.join(tmp, `${id}.mp4`), { size: '64x48', seconds: 2, tone: 440 });
    await deps.blobs.put(outputKeys(id).video, fs.createReadStream(file));
    await catalog.videos.markStarted(id, 1);
    await catalog.videos.complete(id, 1, { outputs: outputKeys(id), plan: null, hasAudio: true });
  }

  async function enqueueAndRun(id: string, operation: VideoOperation, seconds: number): Promise<void> {
    await catalog.videos.insert(row(id, operation, seconds));
    await deps.queue.enqueue({ videoId: id, kind: jobKindOf(operation) });
    const job = await deps.queue.claim('test-worker');
    expect(job).toMatchObject({ videoId: id, kind: jobKindOf(operation) });
    await runJob(job!, 'test-worker', deps, never);
  }

  beforeEach(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'kinora-run-job-'));
    catalog = await openCatalog('sqlite::memory:');
    deps = {
      queue: new EmbeddedQueue(catalog.db, { leaseMs: 30_000, maxAttempts: 3, backoffMs: () => 0 }),
      videos: catalog.videos,
      ledger: catalog.ledger,
      engines: new EngineRegistry([]),
      provenance: await testProvenanceStamp(tmp, new EngineRegistry([]), await resolveMediaTools()),
      blobs: new LocalBlobStore(path.join(tmp, 'blobs')),
      media: await resolveMediaTools(),
      scratchDir: path.join(tmp, 'scratch'),
      leaseMs: 30_000,
      maxAttempts: 3,
      logger: pino({ level: 'silent' }),
    };
  });
  afterEach(async () => {
    await catalog.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it('re-cuts a stored video into a new one with all three outputs, needing no engine', async () => {
    await completedSource('src');
    await enqueueAndRun('cut', { kind: 'recut', sourceVideoId: 'src', start: 0.5, end: 1.5, extendTo: null, extendMode: 'loop' }, 1);
    expect(await catalog.videos.findLive('cut')).toMatchObject({ status: 'completed', progress: 100, hasAudio: true, outputs: outputKeys('cut') });
    const file = path.join(tmp, 'cut-out.mp4');
    await pipeline(await deps.blobs.get(outputKeys('cut').video), fs.createWriteStream(file));
    const facts = await probeClip(deps.media, { file });
    expect(facts.seconds).toBeCloseTo(1, 2);
    expect(await deps.blobs.stat(outputKeys('cut').thumbnail)).toBeDefined();
    expect(await deps.blobs.stat(outputKeys('cut').spritesheet)).toBeDefined();
  });

  it('blends two stored videos', async () => {
    await completedSource('a');
    await completedSource('b');
    await enqueueAndRun('ab', { kind: 'blend', videoA: 'a', videoB: 'b', transitionSeconds: 0.5 }, 3.5);
    expect(await catalog.videos.findLive('ab')).toMatchObject({ status: 'completed', hasAudio: true });
  });

  it('leaves nothing of a video deleted while it renders, not even a preview stored after the API removed its files', async () => {
    let started!: () => void;
    const rendering = new Promise<void>((resolve) => (started = resolve));
    let deleted!: () => void;
    const afterDeletion = new Promise<void>((resolve) => (deleted = resolve));
    // An engine slow to hear of the deletion: its first frame arrives after the video's files were removed.
    const engine: Engine = {
      name: 'slow',
      models: [{ id: 'kinora-1', engine: 'slow', description: 'test', sizes: ['64x48'], maxSeconds: 10, features: { imageInput: false, remix: false, audio: false } }],
      async generate(_request, context) {
        started();
        await afterDeletion;
        context.onPreview?.({ image: Buffer.from('jpeg'), mime: 'image/jpeg', width: 64, height: 48 });
        await new Promise((resolve) => context.signal.addEventListener('abort', resolve, { once: true }));
        throw context.signal.reason;
      },
    };
    deps.engines = new EngineRegistry([engine]);
    await catalog.videos.insert(row('gone', null));
    await deps.queue.enqueue({ videoId: 'gone', kind: 'generate' });
    const job = await deps.queue.claim('test-worker');
    const run = runJob(job!, 'test-worker', deps, never);
    await rendering;
    // What DELETE /v1/videos/{id} does: the row, the files, then the cancel.
    await catalog.videos.softDelete('gone', 'k1');
    await deps.blobs.deletePrefix('videos/gone/');
    deleted();
    await deps.queue.cancel('gone');
    await run;
    expect(fs.existsSync(path.join(tmp, 'blobs', 'videos', 'gone'))).toBe(false);
  });

  it('fails at once, without retrying, when a source was deleted after the job was queued', async () => {
    await completedSource('gone');
    await catalog.videos.softDelete('gone', 'k1');
    await enqueueAndRun('orphan', { kind: 'recut', sourceVideoId: 'gone', start: 0, end: 1, extendTo: null, extendMode: 'loop' }, 1);
    expect(await catalog.videos.findLive('orphan')).toMatchObject({
      status: 'failed',
      error: { code: 'source_unavailable', message: 'The source video gone is no longer available.' },
    });
    expect(await deps.queue.claim('test-worker')).toBeNull();
  });
});
