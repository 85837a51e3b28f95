import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBuildVersion, resolveMediaTools } from './ffmpeg-binaries.js';

const bundledFfmpeg = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;

describe('parseBuildVersion', () => {
  it('reads release numbers', () => {
    expect(parseBuildVersion('ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026 the FFmpeg developers')).toEqual({
      label: '5.1.9-0+deb12u1',
      rank: [5, 1, 9],
    });
    expect(parseBuildVersion('ffmpeg version n7.0 Copyright (c) 2000-2024').rank).toEqual([7, 0, 0]);
    expect(parseBuildVersion('ffprobe version 4.4.2-0ubuntu0.22.04.1 Copyright (c) 2007-2021').rank).toEqual([4, 4, 2]);
  });

  it('places a git build by the year of its copyright line', () => {
    const bundled = 'ffmpeg version N-47683-g0e8eb07980-static https://johnvansickle.com/ffmpeg/  Copyright (c) 2000-2018';
    expect(parseBuildVersion(bundled)).toEqual({ label: 'N-47683-g0e8eb07980-static', rank: [4, 1] });
    expect(parseBuildVersion('ffprobe version N-66595-gc2b38619c0-static  Copyright (c) 2007-2023').rank).toEqual([6, 1]);
    expect(parseBuildVersion('ffmpeg version 2031-01-01-git-abc Copyright (c) 2000-2031').rank).toEqual([8, 0]);
  });

  it('gives no rank to output it cannot read', () => {
    expect(parseBuildVersion('something else')).toEqual({ label: '', rank: [] });
  });
});

/** A stand-in `ffmpeg` (a node script) that prints the given version and, optionally, a libx264 encoder. */
async function fakeFfmpeg(dir: string, versionLine: string, withX264: boolean): Promise<string> {
  await mkdir(dir);
  const encoders = withX264 ? ' V....D libx264              libx264 H.264' : ' V....D mpeg4                MPEG-4 part 2';
  const file = path.join(dir, 'ffmpeg');
  const body = `process.stdout.write(process.argv.includes('-version') ? ${JSON.stringify(versionLine + '\n')} : ${JSON.stringify(encoders + '\n')});`;
  await writeFile(file, `#!${process.execPath}\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

describe('resolveMediaTools', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'kinora-tools-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('finds a working ffmpeg and ffprobe and caches the answer', async () => {
    const tools = await resolveMediaTools();
    expect(tools.ffmpeg).toBeTruthy();
    expect(tools.ffprobe).toBeTruthy();
    expect(tools.ffmpegVersion).not.toBe('');
    expect(resolveMediaTools()).toBe(resolveMediaTools());
  });

  it('prefers a newer ffmpeg with libx264 on PATH over the bundled 2018 build', async () => {
    const dir = path.join(tmp, 'new');
    const fake = await fakeFfmpeg(dir, 'ffmpeg version 6.1.1 Copyright (c) 2000-2023', true);
    const tools = await resolveMediaTools({ PATH: dir });
    expect(tools.ffmpeg).toBe(fake);
    expect(tools.ffmpegVersion).toBe('6.1.1');
  });

  it('keeps the bundled build over an older or libx264-less ffmpeg on PATH', async () => {
    const old = path.join(tmp, 'old');
    await fakeFfmpeg(old, 'ffmpeg version 3.4.8 Copyright (c) 2000-2020', true);
    expect((await resolveMediaTools({ PATH: old })).ffmpeg).toBe(bundledFfmpeg);
    const noX264 = path.join(tmp, 'nox264');
    await fakeFfmpeg(noX264, 'ffmpeg version 7.1 Copyright (c) 2000-2024', false);
    expect((await resolveMediaTools({ PATH: noX264 })).ffmpeg).toBe(bundledFfmpeg);
  });

  it('uses KINORA_FFMPEG as given and says so when it does not work', async () => {
    const dir = path.join(tmp, 'override');
    const fake = await fakeFfmpeg(dir, 'ffmpeg version 2.8 Copyright (c) 2000-2015', true);
    expect((await resolveMediaTools({ PATH: '', KINORA_FFMPEG: fake })).ffmpeg).toBe(fake);
    await expect(resolveMediaTools({ PATH: '', KINORA_FFMPEG: path.join(tmp, 'missing') })).rejects.toThrow(
      /KINORA_FFMPEG=.*missing is not a working ffmpeg with the libx264 encoder/,
    );
  });
});
