import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium, type MediaElement } from './studio-browser.js';
import { startTestServer, type TestServer } from './kinora-server.js';

/** A real server (rendering real videos) and Debian's Chromium for one test file: started before it, closed after. */
export function withStudio(): { readonly server: TestServer; readonly browser: Browser } {
  const running = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    [running.server, running.browser] = await Promise.all([startTestServer(), launchChromium()]);
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.server?.close();
  });
  return running;
}

/** What every studio browser test does first: paste the key (the admin key unless told) once and land on Create. */
export async function signInPage(server: TestServer, page: Page, key = server.adminKey): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Create' }).waitFor();
}

/** Plays the page's video (muted, as autoplay rules allow without a click) until its clock has clearly moved. */
export async function expectPlays(page: Page, selector: string): Promise<void> {
  const video = page.locator(selector);
  await video.evaluate(async (element: MediaElement) => {
    element.muted = true;
    await element.play();
  });
  await expect.poll(() => video.evaluate((element: MediaElement) => element.currentTime), { timeout: 30_000 }).toBeGreaterThan(0.5);
  expect(await video.evaluate((element: MediaElement) => element.error)).toBeNull();
}

/** The length the browser reads from a `<video>`'s metadata, once it has loaded it. */
export async function playerDuration(page: Page, selector: string): Promise<number> {
  const video = page.locator(selector);
  await expect.poll(() => video.evaluate((element: MediaElement) => element.duration), { timeout: 30_000 }).toBeGreaterThan(0);
  return video.evaluate((element: MediaElement) => element.duration);
}
