import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectPlays, playerDuration, signInPage, withStudio } from './helpers/studio-page.js';

/** The studio's making tools in a real browser: storyboard, re-cut, blend, and the library following renders live. */
const studio = withStudio();

/** The newest job on the Create page once there are `count` of them (each new one is put on top), held by its id. */
async function newestJob(page: Page, count: number): Promise<{ id: string; job: Locator; video: string }> {
  await expect.poll(() => page.locator('article.job').count()).toBe(count);
  const id = (await page.locator('article.job').first().getAttribute('data-video-id'))!;
  const selector = `article.job[data-video-id="${id}"]`;
  return { id, job: page.locator(selector), video: `${selector} video` };
}

describe('studio tools', () => {
  it('makes a two-shot storyboard, re-cuts it with the trim handles, and blends the two', async () => {
    const context = await studio.browser.newContext();
    const page = await context.newPage();
    await signInPage(studio.server, page);

    await page.getByLabel('Resolution').selectOption('854x480');
    await page.getByLabel('Storyboard (several shots)').check();
    await page.getByRole('textbox', { name: 'Shot 1' }).fill('a red balloon floating over a city at sunset');
    await page.locator('#shot-0-seconds').fill('1');
    await page.getByRole('textbox', { name: 'Shot 2' }).fill('a yellow kite flying over green hills');
    await page.locator('#shot-1-seconds').fill('1');
    await page.getByText('2 s in all').waitFor();
    await page.getByRole('button', { name: 'Create video' }).click();

    const { job: storyboard, video: storyboardVideo } = await newestJob(page, 1);
    await storyboard.locator('video').waitFor({ timeout: 120_000 });
    // The plan beside it has the two shots, each with its own prompt.
    const shots = storyboard.locator('.plan-facts ol li');
    expect(await shots.allTextContents()).toEqual(['a red balloon floating over a city at sunset (1 s)', 'a yellow kite flying over green hills (1 s)']);
    expect(await playerDuration(page, storyboardVideo)).toBeCloseTo(2, 1);

    // Re-cut: drag the start handle to 0.5 s (keyboard and touch set the same slider).
    await storyboard.getByText('Re-cut or blend').click();
    await storyboard.getByLabel(/^Start:/).fill('0.5');
    await storyboard.getByText('Start: 0.50 s').waitFor();
    await storyboard.getByRole('button', { name: 'Re-cut', exact: true }).click();
    const recut = await newestJob(page, 2);
    await recut.job.locator('video').waitFor({ timeout: 120_000 });
    expect(await playerDuration(page, recut.video)).toBeCloseTo(1.5, 1);

    // Blend the storyboard into the re-cut with a half-second dissolve: 2 s + 1.5 s − 0.5 s.
    await storyboard.getByLabel('Into').selectOption(recut.id);
    await storyboard.getByLabel(/^Dissolve:/).fill('0.5');
    await storyboard.getByText('Dissolve: 0.5 s').waitFor();
    await storyboard.getByRole('button', { name: 'Blend', exact: true }).click();
    const blend = await newestJob(page, 3);
    await blend.job.locator('video').waitFor({ timeout: 120_000 });
    expect(await playerDuration(page, blend.video)).toBeCloseTo(3, 1);
    await expectPlays(page, blend.video);
    await context.close();
  });

  it("shows a running video's progress in the library without opening it", async () => {
    const context = await studio.browser.newContext();
    const page = await context.newPage();
    await signInPage(studio.server, page);
    await page.getByLabel('Prompt').fill('three red foxes running through a snowy forest at dusk');
    await page.getByLabel('Resolution').selectOption('854x480');
    await page.getByLabel(/Duration/).fill('6');
    await page.getByRole('button', { name: 'Create video' }).click();
    const { id } = await newestJob(page, 1);

    await page.getByRole('link', { name: 'Library' }).click();
    const tile = page.locator(`.tile[data-video-id="${id}"]`);
    // Listed while it renders; the list itself is loaded once, so what changes comes from the tile's stream.
    await tile.locator('.tile-progress').waitFor();
    await expect.poll(() => tile.locator('.tile-progress').textContent(), { timeout: 60_000 }).toMatch(/^([1-9]\d?)%$/);
    await tile.locator('img[src*="variant=thumbnail"]').waitFor({ timeout: 120_000 });
    expect(await tile.getAttribute('aria-pressed')).toBe('false');
    expect(await tile.locator('.badge').first().textContent()).toBe('Ready');
    await context.close();
  });
});
