import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { blobStoreContract } from '../../test/helpers/blob-store-contract.js';
import { LocalBlobStore } from './local-blob-store.js';
import { openBlobStore } from './open-blob-store.js';

const roots: string[] = [];
function freshRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kinora-blobs-'));
  roots.push(root);
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe('local blob store', () => {
  blobStoreContract(() => Promise.resolve(new LocalBlobStore(freshRoot())));

  it('leaves no temp file behind a failed write', async () => {
    const root = freshRoot();
    const store = new LocalBlobStore(root);
    await store.put('videos/v2/video.mp4', Buffer.from('old'));
    const failing = new Readable({
      read() {
        this.destroy(new Error('disk went away'));
      },
    });
    await expect(store.put('videos/v2/video.mp4', failing)).rejects.toThrow('disk went away');
    expect(fs.readdirSync(path.join(root, 'videos/v2'))).toEqual(['video.mp4']);
  });

  it('deletes a prefix while another writer is still adding to it (a video deleted as its preview is stored)', async () => {
    const store = new LocalBlobStore(freshRoot());
    for (let round = 0; round < 5; round++) {
      await store.put(`videos/v${round}/video.mp4`, Buffer.from('old'));
      // A worker that has not heard of the deletion yet keeps storing files under the video's prefix for a while;
      // its writes may fail once the folder is gone from under them (ENOENT), which is the writer's problem to log.
      const writer = (async () => {
        for (let i = 0; i < 150; i++) await store.put(`videos/v${round}/frame-${i}.jpg`, Buffer.from('x'));
      })().catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 5));
      await expect(store.deletePrefix(`videos/v${round}/`)).resolves.toBeUndefined();
      await writer;
    }
  });

  it('is what a file:// KINORA_BLOB_URL opens; other schemes are refused without echoing the URL', async () => {
    const root = freshRoot();
    const store = await openBlobStore(`file://${root}`);
    await store.put('a/b.bin', Buffer.from('x'));
    expect(fs.readFileSync(path.join(root, 'a/b.bin'), 'utf8')).toBe('x');
    await expect(openBlobStore('ftp://user:hunter2@host/dir')).rejects.toThrow(/^Unsupported KINORA_BLOB_URL scheme "ftp"(?!.*hunter2)/);
  });
});
