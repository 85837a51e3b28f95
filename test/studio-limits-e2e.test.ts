import { describe, expect, it } from 'vitest';
import { apiRequest } from './helpers/api-request.js';
import { startTestServer } from './helpers/kinora-server.js';
import { signInPage, withStudio } from './helpers/studio-page.js';

/** The studio in a real browser when the server refuses for limits or policy: said in place, the form kept. */
const studio = withStudio();

describe('studio limits', () => {
  it("says when a key's daily quota is reached and when more frees up, then that generation is halted, keeping the form", async () => {
    const { server, browser } = studio;
    const created = await apiRequest<{ id: string; secret: string }>(server, 'POST', '/v1/keys', { body: { name: 'tiny quota', seconds_per_day: 5 } });
    expect(created.status).toBe(200);
    const key = created.json.secret;
    // 2 of the key's 5 video-seconds spent: a 4 s video no longer fits, a shorter one would.
    const first = await apiRequest(server, 'POST', '/v1/videos', { key, body: { model: 'kinora-1', prompt: 'a fox', size: '854x480', seconds: '2' } });
    expect(first.status).toBe(200);

    const page = await (await browser.newContext()).newPage();
    await signInPage(server, page, key);
    const prompt = 'a lighthouse on a cliff in a storm at night, the camera pushes in';
    await page.getByLabel('Prompt').fill(prompt);
    await page.getByLabel('Resolution').selectOption('854x480');
    await page.getByLabel(/Duration/).fill('4');
    await page.getByRole('button', { name: 'Create video' }).click();

    const note = page.locator('form.create .error-note');
    await note.waitFor();
    expect(await note.getAttribute('data-code')).toBe('daily_quota_exceeded');
    const said = await note.innerText();
    expect(said).toContain('Daily limit');
    expect(said).toContain("You've reached this key's daily limit of 5 video-seconds (3 s left today); more frees up in 24 h");
    // Nothing typed is lost, and no job appeared.
    expect(await page.getByLabel('Prompt').inputValue()).toBe(prompt);
    expect(await page.getByLabel('Resolution').inputValue()).toBe('854x480');
    expect(await page.locator('article.job').count()).toBe(0);

    // The operator halts every new generation: the same form says so, and why.
    expect((await apiRequest(server, 'POST', '/v1/admin/halt', { body: { reason: 'upgrading the render farm' } })).status).toBe(200);
    try {
      await page.getByLabel(/Duration/).fill('1');
      await page.getByRole('button', { name: 'Create video' }).click();
      await expect.poll(() => note.getAttribute('data-code')).toBe('generation_halted');
      expect(await note.innerText()).toContain('Generation paused: New generations are halted by the operator: upgrading the render farm.');
      expect(await page.getByLabel('Prompt').inputValue()).toBe(prompt);
      // Reads keep working while halted: the library lists the first video rather than going blank.
      await page.getByRole('link', { name: 'Library' }).click();
      await expect.poll(() => page.locator(`[data-video-id="${(first.json as { id: string }).id}"]`).count()).toBeGreaterThan(0);
    } finally {
      await apiRequest(server, 'POST', '/v1/admin/resume', { body: {} });
    }
  });

  it('shows a prepaid key its credits, and that a video costs more than it has', async () => {
    const server = await startTestServer({ KINORA_CREDITS_REQUIRED: '1' }, { workers: 0 });
    try {
      const created = await apiRequest<{ secret: string }>(server, 'POST', '/v1/keys', { body: { name: 'prepaid, no credits' } });
      const page = await (await studio.browser.newContext()).newPage();
      await signInPage(server, page, created.json.secret);
      const credits = page.locator('form.create .credits');
      await expect.poll(() => credits.textContent()).toBe('0 credits left on this key');

      const prompt = 'two paper boats drifting down a rainy street';
      await page.getByLabel('Prompt').fill(prompt);
      await page.getByRole('button', { name: 'Create video' }).click();
      const note = page.locator('form.create .error-note');
      await note.waitFor();
      expect(await note.getAttribute('data-code')).toBe('insufficient_quota');
      expect(await note.innerText()).toMatch(/^Out of credits: This video costs \d+ credits and this key's balance is 0 credits\./);
      expect(await page.getByLabel('Prompt').inputValue()).toBe(prompt);
    } finally {
      await server.close();
    }
  });
});
