import { describe, expect, it } from 'vitest';
import { expectPlays, signInPage, withStudio } from './helpers/studio-page.js';

/** The studio in a real browser (Debian's Chromium) against a real server that renders real videos. */
const studio = withStudio();

/**
 * Runs in the page: records each progress value the page shows, from before the job exists, and the first-frame
 * preview once it has loaded (it is gone again when the player replaces it).
 */
const recordProgress = `(() => {
  const seen = [];
  window.seenProgress = seen;
  window.previewShown = null;
  new MutationObserver(() => {
    const bar = document.querySelector('[role=progressbar]');
    const value = Number(bar && bar.getAttribute('aria-valuenow'));
    if (bar && seen[seen.length - 1] !== value) seen.push(value);
    const preview = document.querySelector('article.job img.preview-frame');
    if (preview && !preview.dataset.watched) {
      preview.dataset.watched = 'yes';
      const loaded = () => (window.previewShown = { src: preview.getAttribute('src'), width: preview.naturalWidth, height: preview.naturalHeight });
      if (preview.complete && preview.naturalWidth) loaded(); else preview.addEventListener('load', loaded);
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
})()`;

describe('studio', () => {
  it('signs in, shows a render live, plays it, publishes it, and its share page plays for anyone', async () => {
    const context = await studio.browser.newContext();
    const page = await context.newPage();
    await signInPage(studio.server, page);

    // The page keeps nothing secret: the session cookie is HttpOnly, and no copy of the key is left anywhere.
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'kinora_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(await page.content()).not.toContain(studio.server.adminKey);
    const visible = await page.evaluate<string>('JSON.stringify([document.cookie, localStorage.length, sessionStorage.length])');
    const [documentCookie, localItems, sessionItems] = JSON.parse(visible) as [string, number, number];
    expect([localItems, sessionItems]).toEqual([0, 0]);
    expect(documentCookie).not.toContain('kinora_session');
    expect(documentCookie).not.toContain(studio.server.adminKey);

    await page.evaluate(recordProgress);
    await page.getByLabel('Prompt').fill('a red balloon floating over a city at sunset, a grumpy zeppelin');
    await page.getByLabel('Resolution').selectOption('854x480');
    await page.getByLabel(/Duration/).fill('4');
    await page.getByRole('button', { name: 'Create video' }).click();

    const job = page.locator('article.job');
    await job.waitFor();
    // The plan is shown at once, with the word it could not use marked.
    await expect.poll(() => job.locator('.marked-prompt mark').allTextContents()).toContain('grumpy');
    await job.locator('video').waitFor({ timeout: 120_000 });
    const seen = await page.evaluate<number[]>('window.seenProgress');
    expect(seen.some((value) => value > 0 && value < 100)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    // The first frame was shown while the rest was drawn: a still in the video's aspect.
    const id = await job.getAttribute('data-video-id');
    const preview = await page.evaluate<{ src: string; width: number; height: number } | null>('window.previewShown');
    expect(preview).toMatchObject({ src: `/v1/videos/${id}/content?variant=preview` });
    expect(preview!.width / preview!.height).toBeCloseTo(854 / 480, 1);

    await expectPlays(page, 'article.job video');

    await job.getByRole('button', { name: 'Publish' }).click();
    await job.getByText('Published').waitFor();
    await context.close();

    const stranger = await studio.browser.newContext();
    const share = await stranger.newPage();
    const response = await share.goto(`${studio.server.url}/v/${id}`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => share.locator('.prompt').textContent()).toContain('a red balloon floating over a city at sunset');
    expect(await share.locator('meta[property="og:image"]').getAttribute('content')).toBe(`${studio.server.url}/v1/gallery/${id}/content?variant=thumbnail`);
    await expectPlays(share, 'video');
    await stranger.close();
  });

  it('works on a phone-sized screen by keyboard, and says why a prompt was refused, in place', async () => {
    const context = await studio.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(studio.server.url);
    await page.getByLabel('API key').focus();
    await page.keyboard.type(studio.server.adminKey);
    await page.keyboard.press('Enter');
    await page.getByLabel('Prompt').focus();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('form.create [role=alert]').textContent()).toContain('the prompt is empty');
    // Nothing sticks out sideways at phone width.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await context.close();
  });
});
