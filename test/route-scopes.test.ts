import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopes, type Scope } from '../src/domain/api-key.js';
import { apiRequest } from './helpers/api-request.js';
import { repoRoot, startTestServer, type TestServer } from './helpers/kinora-server.js';

/**
 * Every route of the API and what it needs: a scope, any valid key, or nothing (public). The first test reads the
 * route files, so a route added without a line here fails it.
 */
const protectedRoutes: Array<{ method: string; path: string; needs: Scope | 'any key' }> = [
  { method: 'POST', path: '/v1/videos', needs: 'videos:write' },
  { method: 'GET', path: '/v1/videos', needs: 'videos:read' },
  { method: 'GET', path: '/v1/videos/:video_id', needs: 'videos:read' },
  { method: 'DELETE', path: '/v1/videos/:video_id', needs: 'videos:write' },
  { method: 'POST', path: '/v1/videos/:video_id/remix', needs: 'videos:write' },
  { method: 'GET', path: '/v1/videos/:video_id/content', needs: 'videos:read' },
  { method: 'GET', path: '/v1/videos/:video_id/events', needs: 'videos:read' },
  { method: 'POST', path: '/v1/videos/edits', needs: 'videos:write' },
  { method: 'POST', path: '/v1/videos/extensions', needs: 'videos:write' },
  { method: 'POST', path: '/v1/videos/blends', needs: 'videos:write' },
  { method: 'POST', path: '/v1/videos/:video_id/recut', needs: 'videos:write' },
  { method: 'POST', path: '/v1/videos/:video_id/publish', needs: 'gallery:publish' },
  { method: 'POST', path: '/v1/videos/:video_id/unpublish', needs: 'gallery:publish' },
  { method: 'POST', path: '/v1/files', needs: 'videos:write' },
  { method: 'GET', path: '/v1/files/:file_id', needs: 'videos:read' },
  { method: 'DELETE', path: '/v1/files/:file_id', needs: 'videos:write' },
  { method: 'GET', path: '/v1/models', needs: 'any key' },
  { method: 'POST', path: '/v1/artists', needs: 'admin' },
  { method: 'GET', path: '/v1/artists', needs: 'admin' },
  { method: 'GET', path: '/v1/artists/:artist_id', needs: 'admin' },
  { method: 'PATCH', path: '/v1/artists/:artist_id', needs: 'admin' },
  { method: 'DELETE', path: '/v1/artists/:artist_id', needs: 'admin' },
  { method: 'POST', path: '/v1/keys', needs: 'admin' },
  { method: 'GET', path: '/v1/keys', needs: 'admin' },
  { method: 'GET', path: '/v1/keys/:key_id', needs: 'admin' },
  { method: 'PATCH', path: '/v1/keys/:key_id', needs: 'admin' },
  { method: 'DELETE', path: '/v1/keys/:key_id', needs: 'admin' },
  { method: 'GET', path: '/v1/ledger/balance', needs: 'videos:read' },
  { method: 'POST', path: '/v1/ledger/grants', needs: 'admin' },
  { method: 'GET', path: '/v1/ledger/report', needs: 'admin' },
  { method: 'GET', path: '/v1/admin/halt', needs: 'admin' },
  { method: 'POST', path: '/v1/admin/halt', needs: 'admin' },
  { method: 'POST', path: '/v1/admin/resume', needs: 'admin' },
  { method: 'GET', path: '/v1/admin/audit', needs: 'admin' },
  { method: 'POST', path: '/v1/webhooks', needs: 'videos:write' },
  { method: 'GET', path: '/v1/webhooks', needs: 'videos:read' },
  { method: 'GET', path: '/v1/webhooks/:webhook_id', needs: 'videos:read' },
  { method: 'DELETE', path: '/v1/webhooks/:webhook_id', needs: 'videos:write' },
  { method: 'GET', path: '/v1/webhooks/:webhook_id/deliveries', needs: 'videos:read' },
];
const publicRoutes: Array<{ method: string; path: string }> = [
  { method: 'GET', path: '/v1/gallery' },
  { method: 'GET', path: '/v1/gallery/:video_id' },
  { method: 'GET', path: '/v1/gallery/:video_id/content' },
  { method: 'POST', path: '/v1/verify' },
];

/** The API routes the route files declare, as `METHOD /path`. */
function declaredRoutes(): string[] {
  const dir = path.join(repoRoot, 'src/api');
  const found: string[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const match of source.matchAll(/app\.(get|post|patch|put|delete)\(\s*'(\/v1\/[^']*)'/g)) found.push(`${match[1]!.toUpperCase()} ${match[2]}`);
  }
  return found.sort();
}

/** A concrete URL for a route: ids that exist nowhere, so nothing is changed by calling it. */
const urlOf = (route: string): string => route.replace(/:(\w+)_id/g, (_all, kind: string) => `${kind}_0000000000000000deadbeef`);

let server: TestServer;
const keyWith: Partial<Record<Scope, string>> = {};
const keyWithout: Partial<Record<Scope, string>> = {};

beforeAll(async () => {
  server = await startTestServer({}, { workers: 0 });
  for (const scope of scopes) {
    keyWith[scope] = (await server.catalog.keys.create(`only ${scope}`, [scope])).secret;
    const others = scopes.filter((s) => s !== scope && s !== 'admin');
    keyWithout[scope] = (await server.catalog.keys.create(`all but ${scope}`, others)).secret;
  }
});
afterAll(async () => server?.close());

describe('scopes on every route', () => {
  it('the table lists every API route the server declares', () => {
    expect([...protectedRoutes, ...publicRoutes].map((r) => `${r.method} ${r.path}`).sort()).toEqual(declaredRoutes());
  });

  it.each(protectedRoutes)('$method $path needs $needs', async ({ method, path: route, needs }) => {
    const url = urlOf(route);
    const body = method === 'POST' || method === 'PATCH' ? {} : undefined;
    const anonymous = await apiRequest(server, method, url, { key: null, body });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error?.code).toBe('missing_api_key');

    if (needs !== 'any key') {
      const lacking = await apiRequest(server, method, url, { key: keyWithout[needs], body });
      expect(lacking.status).toBe(403);
      expect(lacking.json.error).toMatchObject({ code: 'insufficient_scope', type: 'permission_error', message: `This API key lacks the '${needs}' scope.` });
    }

    const allowed = await apiRequest(server, method, url, { key: needs === 'any key' ? keyWith['videos:read'] : keyWith[needs], body });
    expect(allowed.status, JSON.stringify(allowed.json)).not.toBe(401);
    expect(allowed.status, JSON.stringify(allowed.json)).not.toBe(403);
  });

  it.each(publicRoutes)('$method $path is public', async ({ method, path: route }) => {
    const response = await apiRequest(server, method, urlOf(route), { key: null, body: method === 'POST' ? {} : undefined });
    expect(response.status).not.toBe(401);
    expect(response.status).not.toBe(403);
  });
});
