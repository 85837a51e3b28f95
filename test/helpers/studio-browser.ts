import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium: the only browser this project drives (no browser download at install time). */
const chromiumPath = '/usr/bin/chromium';

/** Installs Debian's Chromium through apt when it is missing (tests run as root on these machines). */
export function ensureChromium(): void {
  if (fs.existsSync(chromiumPath)) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { env, stdio: 'inherit' });
}

export function launchChromium(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // No sandbox as root; no network chatter to Google's hosts, which this machine cannot reach.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/**
 * The few members of a page's <video> element that tests touch. Written out here because the server's TypeScript
 * has no DOM library; the functions that use it run inside the browser.
 */
export interface MediaElement {
  muted: boolean;
  currentTime: number;
  /** NaN until the metadata has loaded. */
  duration: number;
  error: unknown;
  play(): Promise<void>;
  pause(): void;
  addEventListener(type: string, listener: () => void, options?: { once: boolean }): void;
}
