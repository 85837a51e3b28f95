import fs from 'node:fs';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import type OpenAI from 'openai';
import type { VideoSeconds, VideoSize } from 'openai/resources/videos';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BlobStore } from '../src/blobs/blob-store.js';
import { openBlobStore } from '../src/blobs/open-blob-store.js';
import { outputKeys } from '../src/worker/run-job.js';
import { startTestServer, type TestServer } from './helpers/kinora-server.js';
import { s3Credentials, startS3Server, type TestS3 } from './helpers/s3-server.js';
import { finished, sdkClient } from './helpers/video-client.js';

let s3: TestS3;
const servers: TestServer[] = [];
const stores: BlobStore[] = [];

beforeAll(async () => {
  // The SDK's default credential chain reads these, in Kinora as anywhere else.
  for (const [name, value] of Object.entries(s3Credentials)) vi.stubEnv(name, value);
  s3 = await startS3Server();
});
afterAll(async () => {
  for (const server of servers) await server.close();
  for (const store of stores) store.close?.();
  await s3?.close();
  vi.unstubAllEnvs();
});

/** A Kinora storing its outputs under `prefix` of the test bucket, a video rendered by it, and the bucket's copy. */
async function renderOnS3(prefix: string, env: Record<string, string> = {}) {
  const server = await startTestServer({ KINORA_BLOB_URL: s3.blobUrl(prefix), ...env });
  servers.push(server);
  const client = sdkClient(server);
  const created = await client.videos.create({ model: 'kinora-1', prompt: 'a red balloon drifting over a city at noon', size: '854x480' as VideoSize, seconds: '1' as VideoSeconds });
  const video = await finished(client, created.id);
  expect(video.status).toBe('completed');
  const bucket = await openBlobStore(s3.blobUrl(prefix));
  stores.push(bucket);
  const stored = await buffer(await bucket.get(outputKeys(video.id).video));
  return { server, client, id: video.id, bucket, stored };
}

const downloaded = async (client: OpenAI, id: string) => Buffer.from(await (await client.videos.downloadContent(id)).arrayBuffer());

describe('outputs on S3 (KINORA_BLOB_URL=s3://…)', () => {
  it('stores a rendered video in the bucket, streams it whole and by range, and deletes it there', async () => {
    const { server, client, id, bucket, stored } = await renderOnS3('streamed');
    expect(stored.subarray(4, 8).toString()).toBe('ftyp');
    // Nothing was written to the local disk's blob folder.
    expect(fs.existsSync(path.join(server.dataDir, 'blobs'))).toBe(false);

    expect((await downloaded(client, id)).equals(stored)).toBe(true);
    const part = await fetch(`${server.url}/v1/videos/${id}/content`, { headers: { authorization: `Bearer ${server.adminKey}`, range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-99/${stored.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(stored.subarray(0, 100))).toBe(true);

    await client.videos.delete(id);
    const { video, thumbnail, spritesheet } = outputKeys(id);
    for (const key of [video, thumbnail, spritesheet]) expect(await bucket.stat(key)).toBeUndefined();
  });

  it('with KINORA_BLOB_PRESIGN=1, answers a 302 to a presigned URL that the SDK follows', async () => {
    const { server, client, id, stored } = await renderOnS3('signed', { KINORA_BLOB_PRESIGN: '1' });
    const content = `${server.url}/v1/videos/${id}/content`;
    const redirect = await fetch(content, { headers: { authorization: `Bearer ${server.adminKey}` }, redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('cache-control')).toBe('no-store');
    const location = new URL(redirect.headers.get('location')!);
    expect(location.origin).toBe(s3.endpoint);
    expect(location.searchParams.get('X-Amz-Expires')).toBe('300');

    // The official SDK's downloadContent uses fetch, which follows the redirect (and drops our bearer key on the way).
    expect((await downloaded(client, id)).equals(stored)).toBe(true);
    const part = await fetch(content, { headers: { authorization: `Bearer ${server.adminKey}`, range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(stored.subarray(10, 20))).toBe(true);

    // The key is checked before any URL is signed.
    const stranger = await fetch(content, { headers: { authorization: 'Bearer kin_nobody_000000' }, redirect: 'manual' });
    expect(stranger.status).toBe(401);
  });
});
