import type { Readable } from 'node:stream';

export interface BlobStat {
  size: number;
}

/** An inclusive byte range, as HTTP Range uses. */
export interface ByteRange {
  start: number;
  end: number;
}

/** How a presigned download is labelled, and how long it stays valid. */
export interface DownloadLink {
  filename: string;
  contentType: string;
  expiresInSeconds: number;
}

/**
 * Where output files live (DESIGN.md "BlobStore"). Keys are server-made paths such as `videos/<id>/video.mp4`;
 * writes are atomic, so a reader sees either the whole previous object, the whole new one, or nothing.
 */
export interface BlobStore {
  put(key: string, body: Readable | Buffer): Promise<BlobStat>;
  get(key: string, range?: ByteRange): Promise<Readable>;
  stat(key: string): Promise<BlobStat | undefined>;
  delete(key: string): Promise<void>;
  /** Removes every object under a prefix such as `videos/<id>/`. */
  deletePrefix(prefix: string): Promise<void>;
  /** Stores reachable without the API (S3) can hand out a short-lived URL that downloads one object directly. */
  downloadUrl?(key: string, link: DownloadLink): Promise<string>;
  /** Releases connections (S3's keep-alive sockets); files need nothing. */
  close?(): void;
}

const safeKey = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;

/** Keys are built by the server, never taken from a request; this check is the last guard against traversal. */
export function assertSafeKey(key: string): void {
  if (!safeKey.test(key) || key.split('/').some((part) => part === '..' || part === '.')) {
    throw new Error(`unsafe blob key: ${JSON.stringify(key)}`);
  }
}
