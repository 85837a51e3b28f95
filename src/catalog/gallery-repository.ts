import type { Kysely } from 'kysely';
import type { VideoRecord } from '../domain/video.js';
import type { Database } from './schema.js';
import { toVideoRecord } from './videos-repository.js';

/**
 * The public gallery: videos their owners chose to publish. Only completed, live videos can be published, and every
 * public read checks `published_at`, so unpublishing or deleting takes a video off the public routes at once.
 */
export class GalleryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Sets or clears the publication of the owner's video; false if there is no such video. */
  async setPublished(id: string, ownerKeyId: string, publishedAt: number | null): Promise<boolean> {
    const result = await this.db
      .updateTable('videos')
      .set({ published_at: publishedAt })
      .where('id', '=', id)
      .where('owner_key_id', '=', ownerKeyId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async findPublished(id: string): Promise<VideoRecord | undefined> {
    const row = await this.publicVideos().where('id', '=', id).executeTakeFirst();
    return row && toVideoRecord(row);
  }

  /** Newest publications first; `after` is the id of the last video of the previous page. */
  async listPublished(options: { after?: string | undefined; limit: number }): Promise<{ data: VideoRecord[]; hasMore: boolean } | 'unknown_cursor'> {
    let query = this.publicVideos();
    if (options.after !== undefined) {
      const cursor = await this.findPublished(options.after);
      if (!cursor?.publishedAt) return 'unknown_cursor';
      const at = cursor.publishedAt;
      query = query.where((eb) => eb.or([eb('published_at', '<', at), eb.and([eb('published_at', '=', at), eb('id', '<', cursor.id)])]));
    }
    const rows = await query.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(options.limit + 1).execute();
    return { data: rows.slice(0, options.limit).map(toVideoRecord), hasMore: rows.length > options.limit };
  }

  /** What the public may see: published, completed and not deleted. */
  private publicVideos() {
    return this.db.selectFrom('videos').selectAll().where('published_at', 'is not', null).where('status', '=', 'completed').where('deleted_at', 'is', null);
  }
}
