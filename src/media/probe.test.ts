import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMediaTools, type MediaTools } from './ffmpeg-binaries.js';
import { probeMedia } from './probe.js';
import { runProcess } from './run-process.js';

describe('probeMedia', () => {
  let tools: MediaTools;
  let tmp: string;

  beforeAll(async () => {
    tools = await resolveMediaTools();
    tmp = await mkdtemp(path.join(os.tmpdir(), 'kinora-probe-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('describes an audio file', async () => {
    const wav = path.join(tmp, 'tone.wav');
    const args = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=f=440:d=0.5', '-ar', '22050'];
    await runProcess(tools.ffmpeg, [...args, wav], { timeoutMs: 30_000 });
    const info = await probeMedia(tools, wav);
    expect(info.format).toBe('wav');
    expect(info.durationSeconds).toBeCloseTo(0.5, 2);
    expect(info.streams).toEqual([{ type: 'audio', codec: 'pcm_s16le', durationSeconds: 0.5, sampleRate: 22_050, channels: 1 }]);
  });

  it('rejects a file that is not media', async () => {
    const text = path.join(tmp, 'readme.txt');
    await writeFile(text, 'hello, this is text\n');
    await expect(probeMedia(tools, text)).rejects.toThrow(/^Not a readable media file \(readme\.txt\): .+/);
  });

  it('rejects a playlist that would make ffprobe read another file', async () => {
    // An HLS playlist dressed as a video, pointing at a local file; the hls demuxer is not allowed.
    const playlist = path.join(tmp, 'upload.m3u8');
    const target = path.join(tmp, 'tone.wav');
    await writeFile(playlist, `#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\nfile://${target}\n#EXT-X-ENDLIST\n`);
    await expect(probeMedia(tools, playlist)).rejects.toThrow(
      'Not a readable media file (upload.m3u8): the hls format is not accepted',
    );
  });

  it('rejects a missing file clearly', async () => {
    await expect(probeMedia(tools, path.join(tmp, 'nope.mp4'))).rejects.toThrow(
      /Not a readable media file \(nope\.mp4\): No such file or directory/,
    );
  });

  it('treats a file name like an option or a URL as a plain file name', async () => {
    await expect(probeMedia(tools, '-version')).rejects.toThrow(/Not a readable media file \(-version\)/);
    await expect(probeMedia(tools, 'http://127.0.0.1:9/x.mp4')).rejects.toThrow(/Not a readable media file/);
  });
});
