import type { Logger } from 'pino';
import type { BlobStore } from '../blobs/blob-store.js';
import { previewKey } from '../domain/preview.js';
import type { PreviewFrame } from '../engines/engine.js';

/**
 * Stores the engine's first-frame preview under the video's preview key. Best effort: a preview that cannot be
 * stored is logged, never a reason to fail the render. `settled` lets the job wait for the write before it finishes,
 * so a video deleted meanwhile does not get a preview stored after its files were removed.
 */
export function previewSaver(blobs: BlobStore, videoId: string, log: Logger): { onPreview: (frame: PreviewFrame) => void; settled: () => Promise<void> } {
  let writing: Promise<void> = Promise.resolve();
  return {
    onPreview(frame) {
      writing = blobs.put(previewKey(videoId), frame.image).then(
        () => undefined,
        (error: unknown) => log.warn({ err: error }, 'preview not stored'),
      );
    },
    settled: () => writing,
  };
}
