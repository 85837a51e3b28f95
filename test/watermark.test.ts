/**
 * The visible corner mark: drawn only on the videos of a key that asks for it (or of every key when the server is
 * configured so), decided when the video is created and stated in its provenance. Checked in decoded pixels.
 */
import fs from 'node:fs';
import path from 'node:path';
import type OpenAI from 'openai';
import type { VideoSeconds, VideoSize } from 'openai/resources/videos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMediaTools, type MediaTools } from '../src/media/ffmpeg-binaries.js';
import { watermarkBox } from '../src/provenance/watermark.js';
import { decodeFrames, frameDiff } from './helpers/frames.js';
import { startTestServer, type TestServer } from './helpers/kinora-server.js';
import { finished, sdkClient, type KinoraVideo } from './helpers/video-client.js';

type MarkedVideo = KinoraVideo & { provenance: { watermark: boolean } | null };

const width = 854;
const height = 480;
const box = watermarkBox(width, height);

let server: TestServer;
let media: MediaTools;

/** The RGBA pixels of a rectangle of a frame. */
function crop(frame: Uint8Array, x: number, y: number, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h * 4);
  for (let row = 0; row < h; row++) out.set(frame.subarray(((y + row) * width + x) * 4, ((y + row) * width + x + w) * 4), row * w * 4);
  return out;
}

async function render(client: OpenAI): Promise<{ video: MarkedVideo; middle: Uint8Array }> {
  const created = await client.videos.create({ prompt: 'a red kite over a green meadow', size: `${width}x${height}` as VideoSize, seconds: '1' as VideoSeconds, seed: 11 } as Parameters<OpenAI['videos']['create']>[0]);
  const video = (await finished(client, created.id)) as MarkedVideo;
  expect(video.status, JSON.stringify(video.error)).toBe('completed');
  const file = path.join(server.dataDir, `${video.id}.mp4`);
  fs.writeFileSync(file, Buffer.from(await (await client.videos.downloadContent(video.id)).arrayBuffer()));
  const frames = await decodeFrames(media, file, { width, height, fps: 24 });
  return { video, middle: frames[12]! };
}

beforeAll(async () => {
  server = await startTestServer();
  media = await resolveMediaTools();
});
afterAll(async () => server?.close());

describe('the visible watermark', () => {
  it('marks the corner of the videos of a key with watermark on, and nothing else of the picture', async () => {
    const plainKey = (await server.catalog.keys.create('plain', ['videos:read', 'videos:write'])).secret;
    const markedKey = (await server.catalog.keys.create('marked', ['videos:read', 'videos:write'], { watermark: true })).secret;
    const plain = await render(sdkClient(server, plainKey));
    const marked = await render(sdkClient(server, markedKey));

    expect(plain.video.provenance?.watermark).toBe(false);
    expect(marked.video.provenance?.watermark).toBe(true);
    const corner = (frame: Uint8Array) => crop(frame, box.x, box.y, box.size, box.size);
    const elsewhere = (frame: Uint8Array) => crop(frame, 0, 0, width, box.y - 4);
    // The same request and seed draw the same picture, so any difference is the mark (plus a re-encode's noise).
    expect(frameDiff(corner(plain.middle), corner(marked.middle))).toBeGreaterThan(20);
    expect(frameDiff(elsewhere(plain.middle), elsewhere(marked.middle))).toBeLessThan(3);
  }, 180_000);

  it('is decided at creation for every key when the server says KINORA_WATERMARK=true', async () => {
    const everyone = await startTestServer({ KINORA_WATERMARK: 'true' }, { workers: 0 });
    try {
      const created = await sdkClient(everyone).videos.create({ prompt: 'a boat at sea', size: '854x480' as VideoSize, seconds: '1' as VideoSeconds });
      expect((await everyone.catalog.videos.findLive(created.id))?.watermark).toBe(true);
    } finally {
      await everyone.close();
    }
    const created = await sdkClient(server).videos.create({ prompt: 'a boat at sea', size: '854x480' as VideoSize, seconds: '1' as VideoSeconds });
    expect((await server.catalog.videos.findLive(created.id))?.watermark).toBe(false);
  });
});
