import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ArtistCredit } from '../domain/artist.js';
import type { ScenePlan } from '../domain/scene-plan.js';
import type { StoredImage, VideoOperation, VideoOptions, VideoOutputs, VideoProvenance, VideoRecord } from '../domain/video.js';
import type { Database, VideoTable } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

const parseJson = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export function toVideoRecord(row: Selectable<VideoTable>): VideoRecord {
  return {
    id: row.id,
    ownerKeyId: row.owner_key_id,
    model: row.model,
    status: row.status,
    progress: row.progress,
    prompt: row.prompt,
    seed: Number(row.seed),
    size: row.size,
    seconds: row.duration ?? row.seconds,
    remixedFromVideoId: row.remixed_from_video_id,
    inputReference: parseJson<StoredImage>(row.input_reference),
    plan: parseJson<ScenePlan>(row.plan),
    options: parseJson<VideoOptions>(row.options),
    operation: parseJson<VideoOperation>(row.operation),
    error: row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? '' },
    outputs: parseJson<VideoOutputs>(row.outputs),
    hasAudio: row.has_audio === 1,
    attempt: row.attempt,
    createdAt: row.created_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    expiresAt: row.expires_at,
    publishedAt: row.published_at,
    credits: parseJson<ArtistCredit[]>(row.credits) ?? [],
    watermark: row.watermark === 1,
    provenance: parseJson<VideoProvenance>(row.provenance),
  };
}

export interface NewVideo {
  id: string;
  ownerKeyId: string;
  model: string;
  prompt: string;
  seed: number;
  size: string;
  seconds: number;
  remixedFromVideoId: string | null;
  inputReference: StoredImage | null;
  plan: ScenePlan | null;
  options: VideoOptions | null;
  operation: VideoOperation | null;
  requestFingerprint: string;
  createdAt: number;
  /** The artists to credit; none when left out. */
  credits?: ArtistCredit[];
  /** A visible corner mark on its picture; none when left out. */
  watermark?: boolean;
}

export interface ListOptions {
  after?: string | undefined;
  limit: number;
  order: 'asc' | 'desc';
}

/**
 * Video metadata. Owner-scoped reads take the owner's key id, so a video of another key is simply not found.
 * Worker-side writes are conditional on the attempt number: a job retried after its lease expired can never be
 * overwritten by the stale attempt that lost the lease.
 */
export class VideosRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(video: NewVideo, executor: Executor = this.db): Promise<void> {
    await executor
      .insertInto('videos')
      .values({
        id: video.id,
        owner_key_id: video.ownerKeyId,
        model: video.model,
        status: 'queued',
        progress: 0,
        prompt: video.prompt,
        seed: video.seed,
        size: video.size,
        seconds: Math.ceil(video.seconds),
        duration: Number.isInteger(video.seconds) ? null : video.seconds,
        remixed_from_video_id: video.remixedFromVideoId,
        input_reference: video.inputReference && JSON.stringify(video.inputReference),
        plan: video.plan && JSON.stringify(video.plan),
        options: video.options && JSON.stringify(video.options),
        operation: video.operation && JSON.stringify(video.operation),
        request_fingerprint: video.requestFingerprint,
        credits: video.credits?.length ? JSON.stringify(video.credits) : null,
        watermark: video.watermark ? 1 : 0,
        has_audio: 0,
        attempt: 0,
        created_at: video.createdAt,
      })
      .execute();
  }

  async findOwned(id: string, ownerKeyId: string, executor: Executor = this.db): Promise<VideoRecord | undefined> {
    const row = await executor
      .selectFrom('videos')
      .selectAll()
      .where('id', '=', id)
      .where('owner_key_id', '=', ownerKeyId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row && toVideoRecord(row);
  }

  /** For the worker: the video whatever its owner; undefined once deleted. */
  async findLive(id: string): Promise<VideoRecord | undefined> {
    const row = await this.db.selectFrom('videos').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return row && toVideoRecord(row);
  }

  /** The video an earlier identical request of this key made, if made after `since`. */
  async findByFingerprint(ownerKeyId: string, fingerprint: string, since: number, executor: Executor = this.db): Promise<VideoRecord | undefined> {
    const row = await executor
      .selectFrom('videos')
      .selectAll()
      .where('owner_key_id', '=', ownerKeyId)
      .where('request_fingerprint', '=', fingerprint)
      .where('created_at', '>=', since)
      .where('deleted_at', 'is', null)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    return row && toVideoRecord(row);
  }

  /** One page of the owner's videos plus whether more follow, ordered by (created_at, id). */
  async list(ownerKeyId: string, options: ListOptions): Promise<{ data: VideoRecord[]; hasMore: boolean } | 'unknown_cursor'> {
    let query = this.db.selectFrom('videos').selectAll().where('owner_key_id', '=', ownerKeyId).where('deleted_at', 'is', null);
    if (options.after !== undefined) {
      const cursor = await this.db
        .selectFrom('videos')
        .select(['created_at', 'id'])
        .where('id', '=', options.after)
        .where('owner_key_id', '=', ownerKeyId)
        .executeTakeFirst();
      if (!cursor) return 'unknown_cursor';
      const op = options.order === 'desc' ? '<' : '>';
      query = query.where((eb) =>
        eb.or([
          eb('created_at', op, cursor.created_at),
          eb.and([eb('created_at', '=', cursor.created_at), eb('id', op, cursor.id)]),
        ]),
      );
    }
    const rows = await query
      .orderBy('created_at', options.order)
      .orderBy('id', options.order)
      .limit(options.limit + 1)
      .execute();
    return { data: rows.slice(0, options.limit).map(toVideoRecord), hasMore: rows.length > options.limit };
  }

  /** When the owner asked for each video since `since`, oldest first; deleted ones count (deleting refunds nothing). */
  async creationTimesSince(ownerKeyId: string, since: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('videos')
      .select('created_at')
      .where('owner_key_id', '=', ownerKeyId)
      .where('created_at', '>=', since)
      .orderBy('created_at')
      .execute();
    return rows.map((row) => Number(row.created_at));
  }

  /**
   * The seconds (whole, rounded up) of each video the owner asked for after `after`, oldest first: what a daily
   * quota counts. Deleted ones count (deleting refunds nothing); failed ones do not (nothing was delivered).
   */
  async secondsRequestedAfter(ownerKeyId: string, after: number): Promise<Array<{ createdAt: number; seconds: number }>> {
    const rows = await this.db
      .selectFrom('videos')
      .select(['created_at', 'seconds'])
      .where('owner_key_id', '=', ownerKeyId)
      .where('created_at', '>', after)
      .where('status', '!=', 'failed')
      .orderBy('created_at')
      .execute();
    return rows.map((row) => ({ createdAt: Number(row.created_at), seconds: Number(row.seconds) }));
  }

  /** Marks the start of an attempt; false if the video is gone or already finished. */
  async markStarted(id: string, attempt: number, now = Date.now()): Promise<boolean> {
    const result = await this.db
      .updateTable('videos')
      .set({ status: 'in_progress', attempt, progress: 0, started_at: now, error_code: null, error_message: null })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .where('status', 'in', ['queued', 'in_progress'])
      .where('attempt', '<', attempt)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async setProgress(id: string, attempt: number, progress: number): Promise<void> {
    await this.db
      .updateTable('videos')
      .set({ progress })
      .where('id', '=', id)
      .where('attempt', '=', attempt)
      .where('status', '=', 'in_progress')
      .execute();
  }

  /** Records the finished outputs; false if this attempt no longer owns the video (deleted, or superseded). */
  async complete(
    id: string,
    attempt: number,
    result: { outputs: VideoOutputs; plan: ScenePlan | null; hasAudio: boolean; provenance?: VideoProvenance | null; fingerprint?: string | undefined },
    now = Date.now(),
  ): Promise<boolean> {
    const update = await this.db
      .updateTable('videos')
      .set({
        status: 'completed',
        progress: 100,
        outputs: JSON.stringify(result.outputs),
        plan: result.plan && JSON.stringify(result.plan),
        has_audio: result.hasAudio ? 1 : 0,
        provenance: result.provenance ? JSON.stringify(result.provenance) : null,
        fingerprint: result.fingerprint ?? null,
        completed_at: now,
      })
      .where('id', '=', id)
      .where('attempt', '=', attempt)
      .where('status', '=', 'in_progress')
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(update.numUpdatedRows) > 0;
  }

  /** The perceptual fingerprints of the completed videos, to find which one an unsigned copy was made from. */
  async fingerprints(): Promise<Array<{ id: string; fingerprint: string }>> {
    const rows = await this.db
      .selectFrom('videos')
      .select(['id', 'fingerprint'])
      .where('status', '=', 'completed')
      .where('deleted_at', 'is', null)
      .where('fingerprint', 'is not', null)
      .execute();
    return rows.map((row) => ({ id: row.id, fingerprint: row.fingerprint ?? '' }));
  }

  /** Records the failure; false if this attempt no longer owns the video (superseded, or already finished). */
  async fail(id: string, attempt: number, error: { code: string; message: string }, now = Date.now()): Promise<boolean> {
    const update = await this.db
      .updateTable('videos')
      .set({ status: 'failed', error_code: error.code, error_message: error.message, completed_at: now })
      .where('id', '=', id)
      .where('attempt', '=', attempt)
      .where('status', 'in', ['queued', 'in_progress'])
      .executeTakeFirst();
    return Number(update.numUpdatedRows) > 0;
  }

  /** Hides the video from every read at once; its blobs are removed by the caller. */
  async softDelete(id: string, ownerKeyId: string, now = Date.now()): Promise<VideoRecord | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const video = await this.findOwned(id, ownerKeyId, trx);
      if (!video) return undefined;
      await trx.updateTable('videos').set({ deleted_at: now }).where('id', '=', id).execute();
      return video;
    });
  }
}
