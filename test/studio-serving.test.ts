import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/kinora-server.js';

/** The built studio as the server serves it: its pages under a strict CSP, its bundles cached for good. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, { workers: 0 });
});
afterAll(async () => server?.close());

describe('studio serving', () => {
  it('serves the app at each studio path with a CSP that allows no inline or foreign script', async () => {
    for (const path of ['/', '/library', '/gallery']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toMatch(/ src="\/assets\/[^"]+\.js"/);
    }
  });

  it('caches hashed bundles for good and leaves unknown paths to the API’s JSON 404', async () => {
    const html = await (await fetch(server.url)).text();
    const bundle = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const response = await fetch(`${server.url}${bundle}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect((await response.text()).length).toBeGreaterThan(1000);

    const missing = await fetch(`${server.url}/no-such-page`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('unknown_url');
  });
});
