import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClip } from '../../test/helpers/clips.js';
import { resolveMediaTools, type MediaTools } from '../media/ffmpeg-binaries.js';
import { runProcess } from '../media/run-process.js';
import { c2paBoxUuid, Mp4LayoutError, withManifestRoom } from './mp4-manifest-box.js';

let tools: MediaTools;
let dir: string;
beforeAll(async () => {
  tools = await resolveMediaTools();
  dir = await mkdtemp(path.join(os.tmpdir(), 'kinora-mp4-box-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** One MD5 per decoded frame and audio packet: what a player would show and play, whatever the container layout. */
async function decodedDigest(file: string): Promise<string> {
  const { stdout } = await runProcess(tools.ffmpeg, ['-v', 'error', '-i', file, '-f', 'framemd5', '-'], { timeoutMs: 60_000, maxStdoutBytes: 1 << 20 });
  return stdout;
}

const topLevelTypes = (bytes: Buffer): string[] => {
  const types: string[] = [];
  for (let at = 0; at < bytes.length; at += bytes.readUInt32BE(at)) types.push(bytes.toString('latin1', at + 4, at + 8));
  return types;
};

describe('room for a C2PA manifest in an MP4', () => {
  it.each([
    ['index at the end (mdat first)', []],
    ['index up front (faststart, as Kinora writes)', ['-movflags', '+faststart']],
  ])('inserts the box after ftyp and keeps every frame and sample in place: %s', async (_label, flags) => {
    const clip = await makeClip(tools, path.join(dir, 'clip.mp4'), { size: '64x48', seconds: 1, tone: 440 });
    const source = path.join(dir, `source-${flags.length}.mp4`);
    await runProcess(tools.ffmpeg, ['-v', 'error', '-y', '-i', clip, '-c', 'copy', ...flags, source], { timeoutMs: 60_000 });
    const original = await readFile(source);

    const withRoom = Buffer.from(withManifestRoom(original, 5000));
    const roomy = path.join(dir, `roomy-${flags.length}.mp4`);
    await writeFile(roomy, withRoom);

    expect(withRoom.length).toBe(original.length + 5000 + 45);
    const types = topLevelTypes(withRoom);
    expect(types.slice(0, 2)).toEqual(['ftyp', 'uuid']);
    const ftypSize = withRoom.readUInt32BE(0);
    expect(withRoom.subarray(ftypSize + 8, ftypSize + 24).equals(c2paBoxUuid)).toBe(true);
    // Without the chunk offsets moved, the decoder would read the wrong bytes (or fail) for every sample.
    expect(await decodedDigest(roomy)).toBe(await decodedDigest(source));
    // A second pass replaces the first box instead of adding another.
    expect(topLevelTypes(Buffer.from(withManifestRoom(withRoom, 100))).filter((t) => t === 'uuid')).toHaveLength(1);
  });

  it('refuses a file that is not an MP4', () => {
    expect(() => withManifestRoom(Buffer.from('not a video at all, just text'), 10)).toThrow(Mp4LayoutError);
  });
});
