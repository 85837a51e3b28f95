import type { ByteRange } from '../blobs/blob-store.js';
import type { GalleryRepository } from '../catalog/gallery-repository.js';
import type { ApiKey } from '../domain/api-key.js';
import { badRequest, videoNotFound } from '../domain/errors.js';
import type { VideoRecord } from '../domain/video.js';
import type { Variant, VideoContent, VideoService } from './video-service.js';

/**
 * Publishing to the public gallery, opt-in per video, and the public's read-only view of what was published. A
 * video that is not published is, to the public, a video that does not exist.
 */
export class GalleryService {
  constructor(private readonly deps: { gallery: GalleryRepository; videos: VideoService }) {}

  async publish(key: ApiKey, id: string): Promise<VideoRecord> {
    return this.setPublished(key, id, Date.now());
  }

  async unpublish(key: ApiKey, id: string): Promise<VideoRecord> {
    return this.setPublished(key, id, null);
  }

  async published(id: string): Promise<VideoRecord> {
    const video = await this.deps.gallery.findPublished(id);
    if (!video) throw videoNotFound(id);
    return video;
  }

  async list(query: { after?: string | undefined; limit: number }): Promise<{ data: VideoRecord[]; hasMore: boolean }> {
    const page = await this.deps.gallery.listPublished(query);
    if (page === 'unknown_cursor') throw badRequest(`Invalid value for 'after': no published video '${query.after}'.`, 'after');
    return page;
  }

  async openContent(id: string, variant: Variant, range: (size: number) => ByteRange | undefined): Promise<VideoContent> {
    return this.deps.videos.openOutput(await this.published(id), variant, range);
  }

  private async setPublished(key: ApiKey, id: string, at: number | null): Promise<VideoRecord> {
    // Read first: a missing or foreign video is a 404, an unfinished one a 400 that says why.
    const video = await this.deps.videos.get(key, id);
    if (at !== null && video.status !== 'completed') {
      throw badRequest(`Video '${id}' is ${video.status}; only a completed video can be published.`, 'video_id', 'video_not_ready');
    }
    if (!(await this.deps.gallery.setPublished(id, key.id, at))) throw videoNotFound(id);
    return this.deps.videos.get(key, id);
  }
}
