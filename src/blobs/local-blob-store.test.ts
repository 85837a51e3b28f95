import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalBlobStore } from './local-blob-store.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kinora-blobs-'));
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('local blob store', () => {
  it('writes, reads whole and by range, stats and deletes', async () => {
    const store = new LocalBlobStore(root);
    expect(await store.put('videos/v1/video.mp4', Buffer.from('0123456789'))).toEqual({ size: 10 });
    expect(await text(await store.get('videos/v1/video.mp4'))).toBe('0123456789');
    expect(await text(await store.get('videos/v1/video.mp4', { start: 2, end: 4 }))).toBe('234');
    await store.deletePrefix('videos/v1/');
    expect(await store.stat('videos/v1/video.mp4')).toBeUndefined();
  });

  it('never exposes a half-written file: a failed stream leaves the old object and no temp file', async () => {
    const store = new LocalBlobStore(root);
    await store.put('videos/v2/video.mp4', Buffer.from('old'));
    const failing = new Readable({
      read() {
        this.push('partial');
        this.destroy(new Error('disk went away'));
      },
    });
    await expect(store.put('videos/v2/video.mp4', failing)).rejects.toThrow('disk went away');
    expect(await text(await store.get('videos/v2/video.mp4'))).toBe('old');
    expect(fs.readdirSync(path.join(root, 'videos/v2'))).toEqual(['video.mp4']);
  });

  it('refuses keys that could leave the store', async () => {
    const store = new LocalBlobStore(root);
    for (const key of ['../etc/passwd', 'videos/../../x', '/etc/passwd', 'a/./b', 'videos\\..\\x', '']) {
      await expect(store.put(key, Buffer.from('x'))).rejects.toThrow(/unsafe|escapes/);
    }
  });
});
