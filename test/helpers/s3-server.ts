import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

/** s3rver's one account: every request signed with anything else is refused, as S3 would. */
export const s3Credentials = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' } as const;

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** The KINORA_BLOB_URL of this bucket (or of a prefix in it). */
  blobUrl: (prefix?: string) => string;
  close: () => Promise<void>;
}

/**
 * s3rver seals ListObjectsV2 continuation tokens with DES, which OpenSSL 3 (Node ≥ 17) refuses: every listing of
 * more than one page would fail. Its tokens only need to round-trip, so here DES (and nothing else) becomes a
 * pass-through "cipher", in this test process only.
 */
function letS3rverPageListings(): void {
  type CipherFactory = ((algorithm: string, ...rest: unknown[]) => unknown) & { s3rver?: true };
  const crypto = createRequire(import.meta.url)('node:crypto') as Record<'createCipheriv' | 'createDecipheriv', CipherFactory>;
  const passThrough = () => ({ update: (data: string | Buffer) => Buffer.from(data), final: () => Buffer.alloc(0) });
  for (const name of ['createCipheriv', 'createDecipheriv'] as const) {
    const original = crypto[name];
    if (original.s3rver) continue;
    crypto[name] = Object.assign((algorithm: string, ...rest: unknown[]) => (algorithm === 'des' ? passThrough() : original(algorithm, ...rest)), { s3rver: true as const });
  }
}

/** A real S3-compatible server (s3rver) on a free port, over a temp directory, with one empty bucket. */
export async function startS3Server(bucket = 'kinora-test'): Promise<TestS3> {
  letS3rverPageListings();
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kinora-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  // s3rver deletes the keys of a DeleteObjects call all at once, and each then removes its folder if it looks empty:
  // all but one of those removals fail with ENOENT (an InternalError to the client). S3 has no folders to race on.
  const deleteObject = server.store.deleteObject.bind(server.store);
  server.store.deleteObject = (bucket, key) =>
    deleteObject(bucket, key).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    blobUrl: (prefix = '') => `s3://${bucket}${prefix ? `/${prefix}` : ''}?endpoint=${encodeURIComponent(endpoint)}&force_path_style=true`,
    async close() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
