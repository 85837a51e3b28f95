import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { assertSafeKey, type BlobStat, type BlobStore, type ByteRange, type DownloadLink } from './blob-store.js';
import { describeS3Location, type S3Location } from './s3-blob-url.js';

// Bodies up to one part go up as a single PUT; larger ones as a multipart upload of parts this size (S3's minimum is
// 5 MiB). Either way S3 publishes the object only once it is whole, so a reader sees the old object or the new one.
const partBytes = 8 * 1024 * 1024;
const partsInFlight = 4;
// DeleteObjects takes at most this many keys a call.
const deleteBatch = 1000;

/** Blobs as objects in an S3-compatible bucket (AWS, MinIO, R2, Ceph…), optionally under a key prefix. */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;

  constructor(private readonly location: S3Location) {
    this.client = new S3Client({
      // Without these, SDK versions since 2025 add CRC32 checksums (and aws-chunked bodies) that many S3-compatible
      // servers (s3rver in our tests, older MinIO and Ceph) reject or cannot verify; TLS and SigV4 already guard
      // integrity in transit, and S3 still checks the operations that require a checksum (DeleteObjects).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      region: location.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
      endpoint: location.endpoint,
      forcePathStyle: location.forcePathStyle,
    });
  }

  /** Fails fast, with a readable reason, when the bucket is missing, unreachable or not ours to use. */
  async checkBucket(): Promise<void> {
    const where = describeS3Location(this.location);
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.location.bucket }));
    } catch (error) {
      const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
      if (status === 404) throw new Error(`Blob store ${where}: the bucket "${this.location.bucket}" does not exist; create it first`);
      if (status === 403 || status === 401) {
        throw new Error(`Blob store ${where}: access denied (${(error as Error).name}); check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY and the bucket's policy`);
      }
      throw new Error(`Blob store ${where} is not usable: ${(error as Error).message || (error as Error).name}`);
    }
  }

  private keyOf(key: string): string {
    assertSafeKey(key);
    return this.location.prefix ? `${this.location.prefix}/${key}` : key;
  }

  async put(key: string, body: Readable | Buffer): Promise<BlobStat> {
    const Key = this.keyOf(key);
    // A failed or aborted upload publishes nothing: a single PUT is sent only once its body was read whole, and the
    // parts of a multipart upload are discarded (AbortMultipartUpload) unless it completes.
    const upload = new Upload({ client: this.client, params: { Bucket: this.location.bucket, Key, Body: body }, partSize: partBytes, queueSize: partsInFlight, leavePartsOnError: false });
    let sourceError: unknown;
    if (!Buffer.isBuffer(body)) body.once('error', (error) => (sourceError = error));
    try {
      await upload.done();
    } catch (error) {
      // When the source fails, that is the news; the SDK would report instead an abort that failed after it (whose
      // orphaned parts a bucket's AbortIncompleteMultipartUpload lifecycle rule removes).
      throw sourceError ?? error;
    }
    const stat = await this.stat(key);
    if (!stat) throw new Error(`blob ${key} was uploaded but cannot be found`);
    return stat;
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    const response = await this.client.send(
      new GetObjectCommand({ Bucket: this.location.bucket, Key: this.keyOf(key), Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
    );
    // In Node the SDK's body is the HTTP response itself, a Readable.
    return response.Body as Readable;
  }

  async stat(key: string): Promise<BlobStat | undefined> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.location.bucket, Key: this.keyOf(key) }));
      return { size: head.ContentLength ?? 0 };
    } catch (error) {
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.location.bucket, Key: this.keyOf(key) }));
  }

  async deletePrefix(prefix: string): Promise<void> {
    // `videos/v1/` must not take `videos/v10/…` with it: the listing is of what lies under the folder.
    const Prefix = `${this.keyOf(prefix.replace(/\/+$/, ''))}/`;
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.location.bucket, Prefix, ContinuationToken, MaxKeys: deleteBatch }));
      const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
      if (keys.length > 0) {
        const result = await this.client.send(new DeleteObjectsCommand({ Bucket: this.location.bucket, Delete: { Objects: keys, Quiet: true } }));
        const failed = result.Errors ?? [];
        if (failed.length > 0) throw new Error(`could not delete ${failed.length} blob(s) under ${prefix}: ${failed[0]?.Code ?? 'unknown'} ${failed[0]?.Message ?? ''}`.trim());
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  /** A short-lived presigned GET, labelled so the browser or SDK saves it under the right name and type. */
  downloadUrl(key: string, link: DownloadLink): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.location.bucket,
      Key: this.keyOf(key),
      ResponseContentType: link.contentType,
      ResponseContentDisposition: `inline; filename="${link.filename}"`,
    });
    return getSignedUrl(this.client, command, { expiresIn: link.expiresInSeconds });
  }

  close(): void {
    this.client.destroy();
  }
}
