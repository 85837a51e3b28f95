import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../src/catalog/catalog.js';
import { describeVideo } from './helpers/media-check.js';
import { spawnServer, tempDataDir, waitFor, type ServerProcess } from './helpers/kinora-server.js';

/** A server killed mid-render (SIGKILL: no shutdown code runs) finishes the video once after it is started again. */
const dataDir = tempDataDir('restart');
let running: ServerProcess | undefined;
afterAll(() => {
  running?.child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function getVideo(server: ServerProcess, key: string, id: string) {
  const response = await fetch(`${server.url}/v1/videos/${id}`, { headers: { authorization: `Bearer ${key}` } });
  return (await response.json()) as { status: string; progress: number; seconds: string };
}

describe('restart recovery', () => {
  it('resumes an interrupted render after SIGKILL and completes it exactly once', async () => {
    running = await spawnServer(dataDir);
    const key = running.adminKey!;
    expect(key).toMatch(/^kin_/);
    const created = await fetch(`${running.url}/v1/videos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'a hot air balloon floating over mountains at sunrise', size: '1280x720', seconds: '6' }),
    });
    const { id } = (await created.json()) as { id: string };
    const first = running;
    await waitFor(async () => {
      const video = await getVideo(first, key, id);
      return video.status === 'in_progress' && video.progress >= 10 ? video : undefined;
    }, 'the render to be under way');

    running.child.kill('SIGKILL');
    await new Promise((resolve) => running!.child.once('exit', resolve));

    running = await spawnServer(dataDir);
    expect(running.adminKey).toBeUndefined(); // the first key is shown once, on the first start only
    const second = running;
    const done = await waitFor(async () => {
      const video = await getVideo(second, key, id);
      return video.status === 'completed' || video.status === 'failed' ? video : undefined;
    }, 'the resumed render to finish', 120_000);
    expect(done.status).toBe('completed');

    const outputs = fs.readdirSync(path.join(dataDir, 'blobs', 'videos', id)).sort();
    expect(outputs).toEqual(['preview.jpg', 'spritesheet.jpg', 'thumbnail.webp', 'video.mp4']);
    const info = await describeVideo(path.join(dataDir, 'blobs', 'videos', id, 'video.mp4'));
    expect(info.video).toMatchObject({ width: 1280, height: 720 });
    expect(Math.abs(info.duration - 6)).toBeLessThanOrEqual(1 / 24 + 0.03);

    const list = (await (await fetch(`${second.url}/v1/videos`, { headers: { authorization: `Bearer ${key}` } })).json()) as { data: unknown[] };
    expect(list.data).toHaveLength(1);
    // The job ran twice (the killed attempt and the resumed one) and was completed by the second.
    const catalog = await openCatalog(`sqlite://${path.join(dataDir, 'kinora.db')}`);
    try {
      expect(await catalog.db.selectFrom('jobs').select(['status', 'attempt']).where('video_id', '=', id).executeTakeFirst()).toEqual({ status: 'done', attempt: 2 });
    } finally {
      await catalog.close();
    }
    // Nothing of the dead attempt is left in scratch space.
    expect(fs.readdirSync(path.join(dataDir, 'tmp'))).toEqual([]);
  });
});
