/**
 * The Iconify icon sets the engine draws from, parsed on first use and let go after a quiet minute. A render asks
 * for a few dozen icons in a burst and then only draws cached rasters, so there is no reason to keep ~35 MB of SVG
 * bodies (Fluent ≈20 MB, game-icons ≈13 MB parsed) alive in a server between generations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { getIconData } from '@iconify/utils';

export type IconifyJSON = Parameters<typeof getIconData>[0];
export type IconData = NonNullable<ReturnType<typeof getIconData>>;

const requireCjs = createRequire(import.meta.url);
const RELEASE_AFTER_MS = 60_000;

class IconSet {
  private data: IconifyJSON | undefined;
  private releaseTimer: NodeJS.Timeout | undefined;

  constructor(private readonly packageName: string) {}

  /** The parsed set (≈50–150 ms the first time after a release). */
  get(): IconifyJSON {
    this.data ??= JSON.parse(readFileSync(requireCjs.resolve(`${this.packageName}/icons.json`), 'utf8')) as IconifyJSON;
    if (this.releaseTimer) this.releaseTimer.refresh();
    else this.releaseTimer = setTimeout(() => this.release(), RELEASE_AFTER_MS).unref();
    return this.data;
  }

  icon(name: string): IconData | null {
    return getIconData(this.get(), name);
  }

  release(): void {
    clearTimeout(this.releaseTimer);
    this.releaseTimer = undefined;
    this.data = undefined;
  }
}

export const fluentSet = new IconSet('@iconify-json/fluent-emoji-flat');
export const gameIconSet = new IconSet('@iconify-json/game-icons');
