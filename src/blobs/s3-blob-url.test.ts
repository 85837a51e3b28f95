import { describe, expect, it } from 'vitest';
import { describeS3Location, parseS3Url } from './s3-blob-url.js';

describe('s3:// blob URLs', () => {
  it('reads bucket, prefix, endpoint, region and path style', () => {
    const location = parseS3Url('s3://media.example/kinora/prod/?endpoint=http%3A%2F%2F10.0.0.5%3A9000&region=eu-west-3&force_path_style=true');
    expect(location).toEqual({ bucket: 'media.example', prefix: 'kinora/prod', endpoint: 'http://10.0.0.5:9000', region: 'eu-west-3', forcePathStyle: true });
    expect(describeS3Location(location)).toBe('s3://media.example/kinora/prod at http://10.0.0.5:9000');
    expect(parseS3Url('s3://outputs')).toEqual({ bucket: 'outputs', prefix: '', endpoint: undefined, region: undefined, forcePathStyle: false });
  });

  it('refuses credentials in the URL and never repeats them', () => {
    for (const url of ['s3://AKIAXXXX:hunter2@bucket', 's3://bucket?secret_access_key=hunter2', 's3://bucket?endpoint=hunter2']) {
      expect(() => parseS3Url(url)).toThrow(/credentials|query parameter/);
      try {
        parseS3Url(url);
      } catch (error) {
        expect((error as Error).message).not.toContain('hunter2');
      }
    }
  });

  it('refuses bad buckets, prefixes and options with a reason', () => {
    expect(() => parseS3Url('s3://Bad_Bucket')).toThrow(/not a valid S3 bucket name/);
    expect(() => parseS3Url('s3://bucket/a%20b')).toThrow(/unsafe/);
    expect(() => parseS3Url('s3://bucket?force_path_style=maybe')).toThrow(/force_path_style/);
    expect(() => parseS3Url('s3://bucket?endpoint=ftp://host')).toThrow(/endpoint/);
  });
});
