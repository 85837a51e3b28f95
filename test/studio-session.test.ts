import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/kinora-server.js';
import { asBrowser, cookieValue, signIn } from './helpers/studio-session.js';

/** Studio sessions over real HTTP: cookie flags, CSRF, sign-out, and that a secret never comes back. */
let server: TestServer;
beforeAll(async () => {
  // No worker: these tests are about who may do what, not about rendering.
  server = await startTestServer({}, { workers: 0 });
});
afterAll(async () => server?.close());

const createBody = JSON.stringify({ prompt: 'a red kite over the hills', size: '854x480', seconds: '1' });

describe('studio sign-in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and a readable CSRF cookie, and never answers with a secret', async () => {
    const session = await signIn(server);
    expect(session.response.status).toBe(200);
    const [sessionLine, csrfLine] = ['kinora_session', 'kinora_csrf'].map((name) => session.setCookies.find((line) => line.startsWith(`${name}=`)) ?? '');
    expect(sessionLine).toMatch(/; HttpOnly/);
    expect(sessionLine).toMatch(/; SameSite=Strict/);
    expect(sessionLine).toMatch(/; Path=\//);
    expect(sessionLine).not.toMatch(/; Secure/); // plain http here; https gets Secure
    expect(csrfLine).toMatch(/; SameSite=Strict/);
    expect(csrfLine).not.toMatch(/HttpOnly/);

    const secret = cookieValue(session.setCookies, 'kinora_session')!;
    const body = await session.response.text();
    expect(body).not.toContain(server.adminKey);
    expect(body).not.toContain(secret);
    expect(JSON.parse(body)).toMatchObject({ signed_in: true, guest: false, key: { name: 'admin' } });

    // Only a hash of the cookie's secret is stored.
    const rows = await server.catalog.db.selectFrom('sessions').selectAll().execute();
    const row = rows.find((r) => r.hash === createHash('sha256').update(secret).digest('hex'));
    expect(row).toBeDefined();
    expect(JSON.stringify(rows)).not.toContain(secret);

    const who = await asBrowser(server, session, '/studio/session');
    const described = await who.text();
    expect(JSON.parse(described)).toMatchObject({ signed_in: true, key: { name: 'admin' } });
    expect(described).not.toContain(server.adminKey);
  });

  it('refuses a wrong key, a form post and another site’s page, without setting a cookie', async () => {
    const unknown = await signIn(server, 'kin_00000000000000000000000000000000_000000');
    expect(unknown.response.status).toBe(401);
    expect(unknown.setCookies).toEqual([]);
    const form = await fetch(`${server.url}/studio/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `api_key=${server.adminKey}`,
    });
    expect(form.status).toBe(415);
    expect(form.headers.getSetCookie()).toEqual([]);
    const crossSite = await fetch(`${server.url}/studio/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ api_key: server.adminKey }),
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.getSetCookie()).toEqual([]);
    const guest = await fetch(`${server.url}/studio/guest`, { method: 'POST' });
    expect(guest.status).toBe(403); // guest mode is off unless KINORA_GUEST=1
    expect(guest.headers.getSetCookie()).toEqual([]);
  });
});

describe('the session cookie on the API', () => {
  it('reads with the cookie alone, but writes only with the CSRF token from this origin', async () => {
    const session = await signIn(server);
    expect((await asBrowser(server, session, '/v1/videos')).status).toBe(200);

    const noToken = await asBrowser(server, session, '/v1/videos', { method: 'POST', body: createBody });
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    const wrongToken = await asBrowser(server, session, '/v1/videos', { method: 'POST', body: createBody, csrf: 'x'.repeat(session.csrf.length) });
    expect(wrongToken.status).toBe(403);
    const otherSite = await asBrowser(server, session, '/v1/videos', { method: 'POST', body: createBody, csrf: session.csrf, origin: 'https://evil.example' });
    expect(otherSite.status).toBe(403);
    // A sandboxed frame or a no-referrer page sends the opaque origin "null": not this server's either.
    const opaqueOrigin = await asBrowser(server, session, '/v1/videos', { method: 'POST', body: createBody, csrf: session.csrf, origin: 'null' });
    expect(opaqueOrigin.status).toBe(403);
    expect((await server.catalog.db.selectFrom('videos').select('id').execute()).length).toBe(0);

    const created = await asBrowser(server, session, '/v1/videos', { method: 'POST', body: createBody, csrf: session.csrf, origin: server.url });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };

    const deleteWithoutToken = await asBrowser(server, session, `/v1/videos/${id}`, { method: 'DELETE' });
    expect(deleteWithoutToken.status).toBe(403);
    expect((await asBrowser(server, session, `/v1/videos/${id}`)).status).toBe(200);
    expect((await asBrowser(server, session, `/v1/videos/${id}`, { method: 'DELETE', csrf: session.csrf })).status).toBe(200);
  });

  it('lets a Bearer key through without a CSRF token, whatever cookie comes with it', async () => {
    const response = await fetch(`${server.url}/v1/videos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminKey}`, cookie: 'kinora_session=stale', 'content-type': 'application/json' },
      body: createBody,
    });
    expect(response.status).toBe(200);
  });

  it('acts with the scopes of the key it was signed in with, and sees only that key’s videos', async () => {
    const reader = await server.catalog.keys.create('reader', ['videos:read']);
    const session = await signIn(server, reader.secret);
    const write = await asBrowser(server, session, '/v1/videos', { method: 'POST', body: createBody, csrf: session.csrf });
    expect(write.status).toBe(403);
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe('insufficient_scope');

    const admin = await signIn(server);
    const { id } = (await (await asBrowser(server, admin, '/v1/videos', { method: 'POST', body: createBody, csrf: admin.csrf })).json()) as { id: string };
    for (const route of [`/v1/videos/${id}`, `/v1/videos/${id}/events`, `/v1/videos/${id}/content`]) {
      expect((await asBrowser(server, session, route)).status).toBe(404);
    }
    const list = (await (await asBrowser(server, session, '/v1/videos')).json()) as { data: unknown[] };
    expect(list.data).toEqual([]);
  });

  it('ends when the key is revoked', async () => {
    const temporary = await server.catalog.keys.create('temporary', ['videos:read']);
    const session = await signIn(server, temporary.secret);
    expect((await asBrowser(server, session, '/v1/videos')).status).toBe(200);
    await server.catalog.keys.revoke(temporary.key.id);
    expect((await asBrowser(server, session, '/v1/videos')).status).toBe(401);
  });
});

describe('sign-out', () => {
  it('needs the CSRF token, then deletes the session and clears both cookies', async () => {
    const session = await signIn(server);
    expect((await asBrowser(server, session, '/studio/session', { method: 'DELETE' })).status).toBe(403);
    expect((await asBrowser(server, session, '/v1/videos')).status).toBe(200);

    const out = await asBrowser(server, session, '/studio/session', { method: 'DELETE', csrf: session.csrf });
    expect(out.status).toBe(200);
    const cleared = out.headers.getSetCookie();
    for (const name of ['kinora_session', 'kinora_csrf']) {
      expect(cleared.find((line) => line.startsWith(`${name}=;`))).toMatch(/Expires=Thu, 01 Jan 1970/);
    }
    expect((await asBrowser(server, session, '/v1/videos')).status).toBe(401);
    expect(await (await asBrowser(server, session, '/studio/session')).json()).toMatchObject({ signed_in: false });
  });
});
