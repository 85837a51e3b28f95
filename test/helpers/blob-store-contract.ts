import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer, text } from 'node:stream/consumers';
import { expect, it } from 'vitest';
import type { BlobStore } from '../../src/blobs/blob-store.js';

const megabyte = 1024 * 1024;

/** `megabytes` of varied bytes as a stream of 1 MiB chunks; `gate` (if given) holds back the second half. */
function generatedBody(megabytes: number, gate?: Promise<void>): { body: Readable; sha256: string } {
  const chunks = Array.from({ length: megabytes }, (_, i) => createHash('sha512').update(String(i)).digest().toString('hex').repeat(megabyte / 128).slice(0, megabyte));
  const hash = createHash('sha256');
  for (const chunk of chunks) hash.update(chunk);
  async function* produce() {
    for (const [i, chunk] of chunks.entries()) {
      if (gate && i === Math.floor(megabytes / 2)) await gate;
      yield Buffer.from(chunk);
    }
  }
  return { body: Readable.from(produce()), sha256: hash.digest('hex') };
}

const sha256Of = async (store: BlobStore, key: string) => createHash('sha256').update(await buffer(await store.get(key))).digest('hex');

/**
 * What every BlobStore promises (DESIGN.md "BlobStore"), run against each implementation: `open` gives a store over
 * an empty place of its own for each test.
 */
export function blobStoreContract(open: () => Promise<BlobStore>): void {
  it('writes, reads whole and by range, stats and deletes', async () => {
    const store = await open();
    expect(await store.put('videos/v1/video.mp4', Buffer.from('0123456789'))).toEqual({ size: 10 });
    expect(await store.stat('videos/v1/video.mp4')).toEqual({ size: 10 });
    expect(await text(await store.get('videos/v1/video.mp4'))).toBe('0123456789');
    expect(await text(await store.get('videos/v1/video.mp4', { start: 2, end: 4 }))).toBe('234');
    expect(await text(await store.get('videos/v1/video.mp4', { start: 9, end: 9 }))).toBe('9');
    await store.put('videos/v1/video.mp4', Readable.from([Buffer.from('new '), Buffer.from('body')]));
    expect(await text(await store.get('videos/v1/video.mp4'))).toBe('new body');
    await store.delete('videos/v1/video.mp4');
    expect(await store.stat('videos/v1/video.mp4')).toBeUndefined();
    await expect(store.get('videos/v1/video.mp4')).rejects.toThrow();
    await store.delete('videos/v1/video.mp4'); // deleting what is gone is not an error
  });

  it('deletes everything under a prefix and nothing beside it', async () => {
    const store = await open();
    for (const key of ['videos/v1/video.mp4', 'videos/v1/thumb.webp', 'videos/v1/deep/part.bin', 'videos/v10/video.mp4', 'videos/v2/video.mp4']) {
      await store.put(key, Buffer.from(key));
    }
    await store.deletePrefix('videos/v1/');
    for (const gone of ['videos/v1/video.mp4', 'videos/v1/thumb.webp', 'videos/v1/deep/part.bin']) expect(await store.stat(gone)).toBeUndefined();
    expect(await text(await store.get('videos/v10/video.mp4'))).toBe('videos/v10/video.mp4');
    expect(await text(await store.get('videos/v2/video.mp4'))).toBe('videos/v2/video.mp4');
    await store.deletePrefix('videos/nothing-here/');
  });

  it('stores a 20 MB stream whole', async () => {
    const store = await open();
    const { body, sha256 } = generatedBody(20);
    expect(await store.put('videos/big/video.mp4', body)).toEqual({ size: 20 * megabyte });
    expect(await sha256Of(store, 'videos/big/video.mp4')).toBe(sha256);
    const tail = await buffer(await store.get('videos/big/video.mp4', { start: 20 * megabyte - 5, end: 20 * megabyte - 1 }));
    expect(tail).toHaveLength(5);
  });

  it('a reader during a write sees the previous object whole, then the new one', async () => {
    const store = await open();
    const old = generatedBody(1);
    await store.put('videos/v3/video.mp4', old.body);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Half of a 20 MB body is sent (on S3 a multipart upload with its first 8 MiB part), then the writer stalls:
    // readers come in meanwhile.
    const next = generatedBody(20, gate);
    const writing = store.put('videos/v3/video.mp4', next.body);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (let i = 0; i < 3; i++) {
      expect(await store.stat('videos/v3/video.mp4')).toEqual({ size: megabyte });
      expect(await sha256Of(store, 'videos/v3/video.mp4')).toBe(old.sha256);
    }
    release();
    await writing;
    expect(await sha256Of(store, 'videos/v3/video.mp4')).toBe(next.sha256);
  });

  it('a failed write leaves the previous object', async () => {
    const store = await open();
    await store.put('videos/v4/video.mp4', Buffer.from('old'));
    const failing = new Readable({
      read() {
        this.push('partial');
        this.destroy(new Error('source went away'));
      },
    });
    await expect(store.put('videos/v4/video.mp4', failing)).rejects.toThrow('source went away');
    expect(await text(await store.get('videos/v4/video.mp4'))).toBe('old');
    // Failing after 10 MB: on S3 the first part of a multipart upload was sent, and the upload is abandoned.
    function* failsLate() {
      for (let i = 0; i < 10; i++) yield Buffer.alloc(megabyte, i);
      throw new Error('source went away late');
    }
    await expect(store.put('videos/v4/video.mp4', Readable.from(failsLate()))).rejects.toThrow('source went away late');
    expect(await text(await store.get('videos/v4/video.mp4'))).toBe('old');
  });

  it('refuses keys that could leave the store or name something else', async () => {
    const store = await open();
    for (const key of ['../etc/passwd', 'videos/../../x', '/etc/passwd', 'a/./b', 'videos\\..\\x', '', 'a//b', 'a?b', 'a b']) {
      await expect(store.put(key, Buffer.from('x'))).rejects.toThrow(/unsafe|escapes/);
      await expect(store.get(key)).rejects.toThrow(/unsafe|escapes/);
      await expect(store.stat(key)).rejects.toThrow(/unsafe|escapes/);
      await expect(store.delete(key)).rejects.toThrow(/unsafe|escapes/);
    }
    await expect(store.deletePrefix('../')).rejects.toThrow(/unsafe|escapes/);
  });
}
