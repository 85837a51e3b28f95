/**
 * Regenerates docs/studio.png for README: a real server and a real browser; signs in, makes a video from the
 * prompt box and photographs the studio once the video is ready.
 *
 *   npm run screenshot
 */
import path from 'node:path';
import { startTestServer } from '../test/helpers/kinora-server.js';
import { launchChromium, type MediaElement } from '../test/helpers/studio-browser.js';
import { ensureStudioBuilt } from '../test/helpers/studio-build.js';
import { signInPage } from '../test/helpers/studio-page.js';

const output = path.resolve('docs/studio.png');
const prompt = 'two red foxes running across a snowy meadow at dusk while a grumpy owl watches';

ensureStudioBuilt();
const server = await startTestServer();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 980 }, colorScheme: 'dark' });
  await signInPage(server, page);
  await page.getByLabel('Prompt').fill(prompt);
  await page.getByRole('button', { name: 'cinematic' }).click();
  await page.getByLabel('Resolution').selectOption('1280x720');
  await page.getByLabel(/Duration/).fill('4');
  await page.getByLabel('Seed', { exact: true }).fill('5');
  await page.getByRole('button', { name: 'Create video' }).click();
  const video = page.locator('.job video');
  await video.waitFor({ timeout: 120_000 });
  // A frame from the middle of the clip rather than the poster.
  await video.evaluate(async (element: MediaElement) => {
    element.pause();
    element.currentTime = 2.5;
    await new Promise<void>((resolve) => element.addEventListener('seeked', resolve, { once: true }));
  });
  await page.screenshot({ path: output });
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
  await server.close();
}
