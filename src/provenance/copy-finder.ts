import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { VideosRepository } from '../catalog/videos-repository.js';
import type { MediaTools } from '../media/ffmpeg-binaries.js';
import { checkUploadedVideo } from '../services/uploaded-video.js';
import { matchFingerprint, videoFingerprint } from './fingerprint.js';

/** The Kinora video an unsigned file is a copy of, and how far its frames are from the original's (0..1). */
export interface CopyOf {
  video_id: string;
  distance: number;
}

/**
 * Recognises a copy of one of this instance's videos that lost its manifest (re-encoded, remuxed, trimmed) by its
 * perceptual fingerprint. The file is untrusted: it is probed under a server-made name (plain containers only, a
 * time limit, a sane size and length) before ffmpeg decodes it, and one longer than any Kinora video is not looked at.
 */
export class CopyFinder {
  constructor(private readonly deps: { media: MediaTools; videos: Pick<VideosRepository, 'fingerprints'>; maxSeconds: number }) {}

  async find(bytes: Buffer): Promise<CopyOf | undefined> {
    const { media, videos, maxSeconds } = this.deps;
    const upload = { kind: 'file' as const, buffer: bytes, filename: 'upload', mimetype: 'application/octet-stream' };
    const clip = await checkUploadedVideo(media, upload, { maxSeconds: maxSeconds + 1, param: 'file' }).catch(() => undefined);
    if (!clip) return undefined;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kinora-verify-'));
    try {
      const file = path.join(dir, 'copy');
      await writeFile(file, bytes);
      const fingerprint = await videoFingerprint(media, file);
      let best: CopyOf | undefined;
      for (const known of await videos.fingerprints()) {
        const distance = matchFingerprint(fingerprint, known.fingerprint);
        if (distance !== undefined && (!best || distance < best.distance)) best = { video_id: known.id, distance: Math.round(distance * 1000) / 1000 };
      }
      return best;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
