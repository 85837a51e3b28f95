import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/kinora-server.js';
import { asBrowser, sessionFrom, type BrowserSession } from './helpers/studio-session.js';
import { postJson } from './helpers/video-client.js';

/** Guest mode: a visitor without a key gets a session of their own with short videos, a few an hour. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ KINORA_GUEST: '1', KINORA_GUEST_VIDEOS_PER_HOUR: '2', KINORA_GUEST_MAX_SECONDS: '2' }, { workers: 0 });
});
afterAll(async () => server?.close());

const startGuest = async (): Promise<BrowserSession> => sessionFrom(await fetch(`${server.url}/studio/guest`, { method: 'POST' }));

const create = (guest: BrowserSession, body: Record<string, unknown>) =>
  asBrowser(server, guest, '/v1/videos', { method: 'POST', body: JSON.stringify({ prompt: 'a small boat on a lake', size: '854x480', ...body }), csrf: guest.csrf });
const errorCode = async (response: Response): Promise<string> => ((await response.json()) as { error: { code: string } }).error.code;

describe('guest mode', () => {
  it('starts a guest session that says its limits', async () => {
    const guest = await startGuest();
    expect(guest.response.status).toBe(200);
    expect(await guest.response.json()).toMatchObject({ signed_in: true, guest: true, key: { prefix: null }, limits: { max_seconds: 2, videos_per_hour: 2 } });
  });

  it('makes short videos only, a few an hour, then says when to try again', async () => {
    const guest = await startGuest();
    const tooLong = await create(guest, { seconds: '3' });
    expect(tooLong.status).toBe(400);
    expect(await errorCode(tooLong)).toBe('guest_limit');
    expect((await create(guest, {})).status).toBe(400); // the API's default length is longer than a guest's

    expect((await create(guest, { seconds: '2' })).status).toBe(200);
    expect((await create(guest, { seconds: 1 })).status).toBe(200);
    const third = await create(guest, { seconds: '1' });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(await errorCode(third)).toBe('rate_limit_exceeded');

    // Another visitor has an allowance of their own, and sees none of the first one's videos.
    const other = await startGuest();
    const list = (await (await asBrowser(server, other, '/v1/videos')).json()) as { data: unknown[] };
    expect(list.data).toEqual([]);
    expect((await create(other, { seconds: '1' })).status).toBe(200);
  });

  it('needs a key for uploads, operations and publishing', async () => {
    const guest = await startGuest();
    const form = new FormData();
    form.append('prompt', 'a kite');
    form.append('seconds', '1');
    const upload = await fetch(`${server.url}/v1/videos`, { method: 'POST', body: form, headers: { cookie: guest.cookie, 'x-kinora-csrf': guest.csrf } });
    expect(upload.status).toBe(403);
    expect(await errorCode(upload)).toBe('guest_not_allowed');
    const blend = await asBrowser(server, guest, '/v1/videos/blends', { method: 'POST', body: JSON.stringify({ video_a: 'a', video_b: 'b' }), csrf: guest.csrf });
    expect(await errorCode(blend)).toBe('guest_not_allowed');
    const { id } = (await (await create(guest, { seconds: '1' })).json()) as { id: string };
    const publish = await asBrowser(server, guest, `/v1/videos/${id}/publish`, { method: 'POST', body: '{}', csrf: guest.csrf });
    expect(publish.status).toBe(403);
  });

  it('leaves key holders unlimited', async () => {
    const { status } = await postJson(server, '/v1/videos', { prompt: 'a long voyage', size: '854x480', seconds: '8' });
    expect(status).toBe(200);
  });
});
