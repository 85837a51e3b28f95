import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, tempDataDir, waitFor, type TestServer } from './helpers/kinora-server.js';

/**
 * An encoder that crashes on every render (a real ffmpeg behind a wrapper that fails the encode step) must end
 * in a failed video with a readable reason, after the configured number of attempts, and nothing to download.
 */
const bin = tempDataDir('crashing-ffmpeg');
let server: TestServer;

beforeAll(async () => {
  const realFfmpeg = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
  const wrapper = path.join(bin, 'ffmpeg');
  fs.writeFileSync(wrapper, `#!/bin/sh\ncase " $* " in *" rawvideo "*) echo "Conversion failed! (simulated encoder crash)" >&2; exit 1;; esac\nexec "${realFfmpeg}" "$@"\n`, { mode: 0o755 });
  // This file runs in its own worker process, so the override reaches only this test's server and engine.
  process.env.KINORA_FFMPEG = wrapper;
  server = await startTestServer({ KINORA_MAX_ATTEMPTS: '2' });
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(bin, { recursive: true, force: true });
});

describe('a render that keeps failing', () => {
  it('is retried, then marked failed with its reason', async () => {
    const headers = { authorization: `Bearer ${server.adminKey}`, 'content-type': 'application/json' };
    const created = (await (await fetch(`${server.url}/v1/videos`, { method: 'POST', headers, body: JSON.stringify({ prompt: 'a cat', size: '854x480', seconds: '1' }) })).json()) as { id: string };
    const failed = await waitFor(async () => {
      const video = (await (await fetch(`${server.url}/v1/videos/${created.id}`, { headers })).json()) as { status: string; error: { code: string; message: string } | null };
      return video.status === 'failed' || video.status === 'completed' ? video : undefined;
    }, 'the render to fail');
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('generation_failed');
    expect(failed.error?.message).toContain('Conversion failed');
    expect(failed.error?.message).not.toContain(bin); // no local paths leak to the client

    const job = await server.catalog.db.selectFrom('jobs').select(['status', 'attempt']).where('video_id', '=', created.id).executeTakeFirst();
    expect(job).toEqual({ status: 'failed', attempt: 2 });
    const content = await fetch(`${server.url}/v1/videos/${created.id}/content`, { headers });
    expect(content.status).toBe(400);
    expect(((await content.json()) as { error: { code: string } }).error.code).toBe('video_not_ready');
  });
});
