import type { BlobStore } from './blob-store.js';
import { LocalBlobStore } from './local-blob-store.js';
import { S3BlobStore } from './s3-blob-store.js';
import { parseS3Url } from './s3-blob-url.js';

/**
 * Opens the store a KINORA_BLOB_URL names: `file:///dir` (a local disk or a shared mount) or
 * `s3://bucket[/prefix]?endpoint=…` (any S3-compatible service), whose bucket is checked before the first request.
 */
export async function openBlobStore(url: string): Promise<BlobStore> {
  if (url.startsWith('file://')) return new LocalBlobStore(url.slice('file://'.length));
  if (url.startsWith('s3://')) {
    const store = new S3BlobStore(parseS3Url(url));
    try {
      await store.checkBucket();
    } catch (error) {
      store.close();
      throw error;
    }
    return store;
  }
  // Only the scheme is repeated: the rest may hold something secret.
  throw new Error(`Unsupported KINORA_BLOB_URL scheme "${url.split(':')[0]}": use file:///path/to/dir or s3://bucket?endpoint=…`);
}
