import { z } from 'zod';
import { assertSafeKey } from './blob-store.js';

/** Where an S3 store lives, read from `s3://bucket[/prefix]?endpoint=…&region=…&force_path_style=true`. */
export interface S3Location {
  bucket: string;
  /** Prepended (with a `/`) to every key; empty for the bucket's root. */
  prefix: string;
  endpoint: string | undefined;
  region: string | undefined;
  forcePathStyle: boolean;
}

const querySchema = z.strictObject({
  endpoint: z.url({ protocol: /^https?$/ }).optional(),
  region: z.string().regex(/^[a-z0-9-]{1,64}$/).optional(),
  force_path_style: z.enum(['true', 'false', '1', '0']).optional(),
});

// S3's own naming rule (3–63 characters; lowercase letters, digits, dots and hyphens).
const bucketName = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Reads an `s3://` blob URL. Credentials never belong in it (they come from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY
 * or the SDK's default chain), and no error message repeats the URL's query or user part, so a secret pasted there by
 * mistake never reaches a log.
 */
export function parseS3Url(text: string): S3Location {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error('KINORA_BLOB_URL is not a URL: use s3://bucket[/prefix]?endpoint=https://host&region=…');
  }
  if (url.username || url.password) {
    throw new Error('KINORA_BLOB_URL must not carry credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or an AWS profile) instead');
  }
  const bucket = url.hostname;
  if (!bucketName.test(bucket)) throw new Error(`KINORA_BLOB_URL: "${bucket}" is not a valid S3 bucket name`);
  const prefix = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '');
  if (prefix) assertSafeKey(prefix);
  const query = querySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) {
    // Names only: the values may be secrets a user put there by mistake.
    const names = query.error.issues.map((issue) => (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.')));
    throw new Error(`KINORA_BLOB_URL: unsupported or invalid query parameter(s) ${names.join(', ')}; accepted: endpoint, region, force_path_style`);
  }
  const { endpoint, region, force_path_style: pathStyle } = query.data;
  return { bucket, prefix, endpoint, region, forcePathStyle: pathStyle === 'true' || pathStyle === '1' };
}

/** The URL as it may be logged: bucket, prefix and endpoint; nothing else. */
export function describeS3Location(location: S3Location): string {
  const where = `s3://${location.bucket}${location.prefix ? `/${location.prefix}` : ''}`;
  return location.endpoint ? `${where} at ${new URL(location.endpoint).origin}` : where;
}
