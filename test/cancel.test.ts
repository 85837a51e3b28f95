import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, waitFor, type TestServer } from './helpers/kinora-server.js';

/** DELETE of a running render stops its ffmpeg and frees the worker for the next job within a second. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, { workers: 1 });
});
afterAll(async () => server?.close());

function ffmpegChildren(): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(process.pid), 'ffmpeg'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

async function call(method: string, path: string, body?: object) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.adminKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return (await response.json()) as { id: string; status: string; progress: number; deleted?: boolean };
}

describe('cancellation', () => {
  it('stops ffmpeg at once and the next job starts', async () => {
    const long = await call('POST', '/v1/videos', { prompt: 'a train driving through a city at night', size: '1920x1080', seconds: '12' });
    const next = await call('POST', '/v1/videos', { prompt: 'a fish swimming underwater', size: '854x480', seconds: '1' });
    await waitFor(async () => {
      const video = await call('GET', `/v1/videos/${long.id}`);
      return video.status === 'in_progress' && video.progress > 0 && ffmpegChildren().length > 0 ? video : undefined;
    }, 'the long render to be encoding');
    const encoders = ffmpegChildren();

    expect(await call('DELETE', `/v1/videos/${long.id}`)).toMatchObject({ id: long.id, object: 'video.deleted', deleted: true });
    const deletedAt = Date.now();
    // The 12 s 1080p render has many seconds of work left; a bound well below that tells "killed" from "ran on",
    // with room for a loaded CI machine (a 1 s bound flaked under load).
    await waitFor(() => Promise.resolve(encoders.every((pid) => !ffmpegChildren().includes(pid)) ? true : undefined), 'ffmpeg to exit', 4000, 20);
    await waitFor(async () => ((await call('GET', `/v1/videos/${next.id}`)).status !== 'queued' ? true : undefined), 'the next job to start', 4000, 20);
    expect(Date.now() - deletedAt).toBeLessThan(4000);

    const done = await waitFor(async () => {
      const video = await call('GET', `/v1/videos/${next.id}`);
      return video.status === 'completed' ? video : undefined;
    }, 'the next job to complete');
    expect(done.progress).toBe(100);
  });
});
