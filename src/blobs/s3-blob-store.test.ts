import { randomBytes } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { blobStoreContract } from '../../test/helpers/blob-store-contract.js';
import { s3Credentials, startS3Server, type TestS3 } from '../../test/helpers/s3-server.js';
import type { BlobStore } from './blob-store.js';
import { openBlobStore } from './open-blob-store.js';

let s3: TestS3;
const opened: BlobStore[] = [];

beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(() => s3.close());
beforeEach(() => {
  for (const [name, value] of Object.entries(s3Credentials)) vi.stubEnv(name, value);
});
afterEach(() => {
  for (const store of opened.splice(0)) store.close?.();
  vi.unstubAllEnvs();
});

async function open(url: string): Promise<BlobStore> {
  const store = await openBlobStore(url);
  opened.push(store);
  return store;
}

describe('S3 blob store (against s3rver)', () => {
  // Each test gets a prefix of its own in the one bucket: a prefix is a store of its own.
  blobStoreContract(() => open(s3.blobUrl(`run-${randomBytes(4).toString('hex')}`)));

  it('keeps its objects under the URL prefix', async () => {
    const tenant = await open(s3.blobUrl('tenant-a'));
    const root = await open(s3.blobUrl());
    await tenant.put('videos/v1/video.mp4', Buffer.from('mine'));
    expect(await text(await root.get('tenant-a/videos/v1/video.mp4'))).toBe('mine');
    expect(await root.stat('videos/v1/video.mp4')).toBeUndefined();
  });

  it('deletes a prefix of more than one listing page (1000 keys)', async () => {
    const store = await open(s3.blobUrl('many'));
    const keys = Array.from({ length: 1003 }, (_, i) => `videos/v1/frame-${i}.bin`);
    for (let i = 0; i < keys.length; i += 100) await Promise.all(keys.slice(i, i + 100).map((key) => store.put(key, Buffer.from(key))));
    await store.put('videos/v2/keep.bin', Buffer.from('keep'));
    await store.deletePrefix('videos/v1/');
    for (const key of [keys[0]!, keys[999]!, keys[1000]!, keys[1002]!]) expect(await store.stat(key)).toBeUndefined();
    expect(await store.stat('videos/v2/keep.bin')).toEqual({ size: 4 });
  });

  it('hands out a presigned URL that downloads the object, by range too, with its name and type', async () => {
    const store = await open(s3.blobUrl('signed'));
    await store.put('videos/v1/video.mp4', Buffer.from('0123456789'));
    const url = await store.downloadUrl!('videos/v1/video.mp4', { filename: 'video_1.mp4', contentType: 'video/mp4', expiresInSeconds: 60 });
    expect(url).toContain('X-Amz-Signature=');
    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(await whole.text()).toBe('0123456789');
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(whole.headers.get('content-disposition')).toBe('inline; filename="video_1.mp4"');
    const part = await fetch(url, { headers: { range: 'bytes=3-5' } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('345');
  });

  it('fails fast at start-up on a missing bucket, wrong credentials or an unreachable endpoint', async () => {
    await expect(openBlobStore(s3.blobUrl().replace(s3.bucket, 'no-such-bucket'))).rejects.toThrow(/bucket "no-such-bucket" does not exist/);
    // s3rver knows its one access key but checks no SigV4 signature, so a wrong key id stands for wrong credentials.
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAWRONGKEY');
    await expect(openBlobStore(s3.blobUrl())).rejects.toThrow(/access denied.*AWS_ACCESS_KEY_ID/);
    vi.stubEnv('AWS_ACCESS_KEY_ID', s3Credentials.AWS_ACCESS_KEY_ID);
    await expect(openBlobStore(`s3://${s3.bucket}?endpoint=http%3A%2F%2F127.0.0.1%3A1&force_path_style=true`)).rejects.toThrow(/is not usable/);
  });
});
