import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMediaTools, type MediaTools } from './ffmpeg-binaries.js';
import { probeMedia } from './probe.js';
import { runProcess } from './run-process.js';
import { makeSpritesheet, makeThumbnail } from './stills.js';

describe('stills', () => {
  let tools: MediaTools;
  let tmp: string;
  let wide: string;
  let large: string;

  /** A test-pattern clip made by ffmpeg itself. */
  async function testClip(name: string, size: string, seconds: number): Promise<string> {
    const file = path.join(tmp, name);
    const args = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-f', 'lavfi', '-i', `testsrc=s=${size}:r=24:d=${seconds}`];
    await runProcess(tools.ffmpeg, [...args, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', file], {
      timeoutMs: 30_000,
    });
    return file;
  }

  beforeAll(async () => {
    tools = await resolveMediaTools();
    tmp = await mkdtemp(path.join(os.tmpdir(), 'kinora-stills-'));
    wide = await testClip('wide.mp4', '320x180', 2);
    large = await testClip('large.mp4', '720x1280', 1);
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('makes a WebP thumbnail at the video size when it is small', async () => {
    const out = path.join(tmp, 'wide.webp');
    await makeThumbnail(tools, wide, out);
    const bytes = await readFile(out);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');
    const image = (await probeMedia(tools, out)).streams[0];
    expect(image).toMatchObject({ codec: 'webp', width: 320, height: 180 });
  });

  it('fits a large thumbnail within 640 px on its long side', async () => {
    const out = path.join(tmp, 'large.webp');
    await makeThumbnail(tools, large, out);
    expect((await probeMedia(tools, out)).streams[0]).toMatchObject({ width: 360, height: 640 });
  });

  it('makes a JPEG spritesheet of the size it reports', async () => {
    const out = path.join(tmp, 'sheet.jpg');
    const sheet = await makeSpritesheet(tools, wide, out);
    expect(sheet).toEqual({ columns: 5, rows: 5, frameWidth: 160, frameHeight: 90, frames: 25 });
    const bytes = await readFile(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const image = (await probeMedia(tools, out)).streams[0];
    expect(image).toMatchObject({ codec: 'mjpeg', width: 5 * 160, height: 5 * 90 });
  });

  it('keeps the aspect of a portrait video in the spritesheet', async () => {
    const sheet = await makeSpritesheet(tools, large, path.join(tmp, 'portrait.jpg'));
    expect(sheet.frameHeight).toBe(284);
  });

  it('stops at once on abort', async () => {
    const controller = new AbortController();
    const pending = makeSpritesheet(tools, wide, path.join(tmp, 'never.jpg'), { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses a file that is not a video', async () => {
    const text = path.join(tmp, 'notes.txt');
    await writeFile(text, 'just some words\n');
    await expect(makeThumbnail(tools, text, path.join(tmp, 'notes.webp'))).rejects.toThrow(/Not a readable media file \(notes\.txt\)/);
  });
});
