import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { runProcess } from './run-process.js';

/**
 * Which ffmpeg and ffprobe Kinora runs. `npm install` alone must be enough, so the static builds from
 * @ffmpeg-installer/@ffprobe-installer are the baseline; but the bundled ffmpeg is a 2018 build (≈ 4.1, x264 core 157)
 * that encodes more slowly than a current one, so a newer ffmpeg on PATH that has libx264 is preferred.
 * KINORA_FFMPEG / KINORA_FFPROBE override both (a path, or a name looked up on PATH).
 */
export interface MediaTools {
  ffmpeg: string;
  ffprobe: string;
  /** As ffmpeg reports it, e.g. "5.1.9-0+deb12u1" or "N-47683-g0e8eb07980-static". */
  ffmpegVersion: string;
}

const VERSION_TIMEOUT_MS = 10_000;

/**
 * The newest FFmpeg release of each year. A git build ("N-47683-g0e8eb07980") has no release number, and its commit
 * count is not comparable across builders, so it is placed by the year in its copyright line instead.
 */
const NEWEST_RELEASE_BY_YEAR: ReadonlyArray<readonly [year: number, release: readonly number[]]> = [
  [2018, [4, 1]],
  [2019, [4, 2]],
  [2020, [4, 3]],
  [2021, [4, 4]],
  [2022, [5, 1]],
  [2023, [6, 1]],
  [2024, [7, 1]],
  [2025, [8, 0]],
];

export interface BuildVersion {
  /** The version word as printed, e.g. "6.1.1" or "N-47683-g0e8eb07980-static". */
  label: string;
  /** Comparable numbers, release-like ([5, 1, 9]); [] when the output says nothing usable. */
  rank: number[];
}

/** Reads the first lines of `ffmpeg -version` / `ffprobe -version`. */
export function parseBuildVersion(versionOutput: string): BuildVersion {
  const label = /^\S+ version (\S+)/m.exec(versionOutput)?.[1] ?? '';
  const release = /^n?(\d+)\.(\d+)(?:\.(\d+))?/.exec(label);
  if (release) return { label, rank: release.slice(1).map((part) => Number(part ?? 0)) };
  const year = Number(/Copyright \(c\) \d{4}-(\d{4})/.exec(versionOutput)?.[1] ?? 0);
  const known = NEWEST_RELEASE_BY_YEAR.filter(([y]) => y <= year).at(-1);
  return { label, rank: known ? [...known[1]] : [] };
}

function isNewer(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff > 0;
  }
  return false;
}

interface Candidate {
  file: string;
  version: BuildVersion;
}

/** Runs `<file> -version`; undefined when it cannot be run (missing, not executable, broken). */
async function inspect(file: string): Promise<Candidate | undefined> {
  try {
    const { stdout } = await runProcess(file, ['-version'], { timeoutMs: VERSION_TIMEOUT_MS, maxStdoutBytes: 1 << 20 });
    return { file, version: parseBuildVersion(stdout) };
  } catch {
    return undefined;
  }
}

async function hasLibx264(ffmpeg: string): Promise<boolean> {
  try {
    const { stdout } = await runProcess(ffmpeg, ['-hide_banner', '-encoders'], {
      timeoutMs: VERSION_TIMEOUT_MS,
      maxStdoutBytes: 1 << 20,
    });
    return /^\s*V\S*\s+libx264\s/m.test(stdout);
  } catch {
    return false;
  }
}

/** The first executable `name` on PATH, found without a shell. */
async function findOnPath(name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    try {
      await access(file, constants.X_OK);
      return file;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

const requireCjs = createRequire(import.meta.url);

/** The binary an installer package ships; undefined on a platform it has no build for (its index throws then). */
function bundledPath(packageName: string): string | undefined {
  try {
    return (requireCjs(packageName) as { path: string }).path;
  } catch {
    return undefined;
  }
}

async function pick(
  name: 'ffmpeg' | 'ffprobe',
  override: string | undefined,
  bundledPackage: string,
  env: NodeJS.ProcessEnv,
): Promise<Candidate> {
  const usable = async (file: string | undefined): Promise<Candidate | undefined> => {
    const candidate = file === undefined ? undefined : await inspect(file);
    return candidate && (name === 'ffprobe' || (await hasLibx264(candidate.file))) ? candidate : undefined;
  };
  const envVar = name === 'ffmpeg' ? 'KINORA_FFMPEG' : 'KINORA_FFPROBE';
  if (override) {
    const chosen = await usable(override);
    if (!chosen) {
      const need = name === 'ffmpeg' ? ' with the libx264 encoder' : '';
      throw new Error(`${envVar}=${override} is not a working ${name}${need}; fix or unset ${envVar}`);
    }
    return chosen;
  }
  const [system, bundled] = await Promise.all([
    findOnPath(name, env).then(usable),
    usable(bundledPath(bundledPackage)),
  ]);
  if (system && (!bundled || isNewer(system.version.rank, bundled.version.rank))) return system;
  if (bundled) return bundled;
  throw new Error(
    `No usable ${name} found${name === 'ffmpeg' ? ' (one with the libx264 encoder)' : ''}: install ffmpeg ` +
      `(e.g. apt-get install ffmpeg, brew install ffmpeg) or set ${envVar} to its path`,
  );
}

const cache = new Map<string, Promise<MediaTools>>();

/** Resolved once per set of inputs (the env vars that decide it); a failure is not cached, so a fix is picked up. */
export function resolveMediaTools(env: NodeJS.ProcessEnv = process.env): Promise<MediaTools> {
  const key = JSON.stringify([env.KINORA_FFMPEG, env.KINORA_FFPROBE, env.PATH]);
  let tools = cache.get(key);
  if (!tools) {
    tools = (async () => {
      const [ffmpeg, ffprobe] = await Promise.all([
        pick('ffmpeg', env.KINORA_FFMPEG, '@ffmpeg-installer/ffmpeg', env),
        pick('ffprobe', env.KINORA_FFPROBE, '@ffprobe-installer/ffprobe', env),
      ]);
      return { ffmpeg: ffmpeg.file, ffprobe: ffprobe.file, ffmpegVersion: ffmpeg.version.label };
    })();
    cache.set(key, tools);
    tools.catch(() => cache.delete(key));
  }
  return tools;
}
