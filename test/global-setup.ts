import { ensureChromium } from './helpers/studio-browser.js';
import { ensureStudioBuilt } from './helpers/studio-build.js';

/**
 * Before any test file runs: the studio built from its sources (before any test server scans web/dist), and
 * Debian's Chromium for the browser tests, installed here, outside any test's time limit, when it is missing.
 */
export default function setup(): void {
  ensureStudioBuilt();
  try {
    ensureChromium();
  } catch (error) {
    // Only the browser tests need it; they fail with the launch error, the rest still run.
    console.warn(`Could not install Chromium for the browser tests: ${String(error)}`);
  }
}
