import { PermissionDeniedError, type OpenAI } from 'openai';
import type { VideoSeconds, VideoSize } from 'openai/resources/videos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/kinora-server.js';
import { finished, postJson, sdkClient, type KinoraVideo } from './helpers/video-client.js';

let server: TestServer;
/** A maker's key: it may make and publish videos, but not manage the registry. */
let makerKey: string;
let maker: OpenAI;

type Credited = KinoraVideo & { credits: Array<{ artist_id: string; name: string; policy: string }> };
type ArtistJson = { id: string; object: string; name: string; aliases: string[]; style_keywords: string[]; policy: string; fee_per_second: number | null };
type ErrorJson = { error: { message: string; type: string; param: string | null; code: string | null } };

async function call(method: string, route: string, body?: unknown, apiKey = server.adminKey) {
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as ArtistJson & ErrorJson & { data: ArtistJson[] } };
}

const register = async (body: Record<string, unknown>): Promise<ArtistJson> => {
  const { status, json } = await call('POST', '/v1/artists', body);
  expect(status).toBe(200);
  return json;
};

/** What the SDK raised for a request the registry refused. */
async function refusal(request: Promise<unknown>): Promise<PermissionDeniedError> {
  const error = await request.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PermissionDeniedError);
  return error as PermissionDeniedError;
}

let monet: ArtistJson;

beforeAll(async () => {
  server = await startTestServer();
  makerKey = (await server.catalog.keys.create('maker', ['videos:read', 'videos:write', 'gallery:publish'])).secret;
  maker = sdkClient(server, makerKey);
  monet = await register({ name: 'Claude Monet', aliases: ['Monet'], policy: 'credit' });
  await register({ name: 'Banksy', policy: 'deny', style_keywords: ['girl with balloon'] });
  await register({ name: 'Joan Miró', policy: 'license', fee_per_second: 5 });
});
afterAll(async () => server?.close());

describe('the artist registry (admin API)', () => {
  it('is for admin keys only', async () => {
    for (const [method, route] of [['GET', '/v1/artists'], ['POST', '/v1/artists'], ['GET', `/v1/artists/${monet.id}`], ['PATCH', `/v1/artists/${monet.id}`], ['DELETE', `/v1/artists/${monet.id}`]] as const) {
      const { status, json } = await call(method, route, method === 'GET' || method === 'DELETE' ? undefined : { policy: 'deny' }, makerKey);
      expect(status, `${method} ${route}`).toBe(403);
      expect(json.error).toMatchObject({ type: 'permission_error', code: 'insufficient_scope' });
    }
    const anonymous = await fetch(`${server.url}/v1/artists`);
    expect(anonymous.status).toBe(401);
    expect((await call('GET', `/v1/artists/${monet.id}`)).json.policy).toBe('credit'); // nothing was changed
  });

  it('creates, lists, reads, updates and deletes an artist', async () => {
    const hokusai = await register({ name: 'Katsushika Hokusai', aliases: ['Hokusai'], style_keywords: ['great wave'], policy: 'credit' });
    expect(hokusai).toMatchObject({ object: 'artist', name: 'Katsushika Hokusai', aliases: ['Hokusai'], style_keywords: ['great wave'], policy: 'credit', fee_per_second: null });
    expect(hokusai.id).toMatch(/^artist_[0-9a-f]{24}$/);

    const list = await call('GET', '/v1/artists');
    expect(list.json).toMatchObject({ object: 'list', has_more: false });
    expect(list.json.data.map((a) => a.name)).toEqual(['Claude Monet', 'Banksy', 'Joan Miró', 'Katsushika Hokusai']);
    expect((await call('GET', `/v1/artists/${hokusai.id}`)).json).toEqual(hokusai);

    const licensed = await call('PATCH', `/v1/artists/${hokusai.id}`, { policy: 'license', fee_per_second: 2 });
    expect(licensed.json).toMatchObject({ name: 'Katsushika Hokusai', aliases: ['Hokusai'], policy: 'license', fee_per_second: 2 });
    // Leaving the licence drops its fee.
    expect((await call('PATCH', `/v1/artists/${hokusai.id}`, { policy: 'credit' })).json).toMatchObject({ policy: 'credit', fee_per_second: null });

    expect((await call('DELETE', `/v1/artists/${hokusai.id}`)).json).toEqual({ id: hokusai.id, object: 'artist.deleted', deleted: true });
    const gone = await call('GET', `/v1/artists/${hokusai.id}`);
    expect(gone.status).toBe(404);
    expect(gone.json.error).toMatchObject({ code: 'artist_not_found', param: 'artist_id' });
    expect((await call('DELETE', `/v1/artists/${hokusai.id}`)).status).toBe(404);
  });

  it.each([
    [{ policy: 'credit' }, 400, 'name', 'missing_required_parameter'],
    [{ name: 'Someone', policy: 'maybe' }, 400, 'policy', 'invalid_value'],
    [{ name: 'Someone', policy: 'license' }, 400, 'fee_per_second', 'missing_required_parameter'],
    [{ name: 'Someone', policy: 'credit', fee_per_second: 3 }, 400, 'fee_per_second', 'unsupported_parameter'],
    [{ name: 'Someone', policy: 'license', fee_per_second: 2.5 }, 400, 'fee_per_second', 'invalid_value'],
    [{ name: 'Someone', policy: 'credit', aliases: ['-'] }, 400, 'aliases[0]', 'invalid_value'],
    [{ name: 'Someone', policy: 'credit', colour: 'red' }, 400, 'colour', 'unknown_parameter'],
    // A phrase already registered, however it is written, belongs to its artist.
    [{ name: 'Oscar-Claude Monet', aliases: ['MONET'], policy: 'deny' }, 409, 'aliases', 'artist_phrase_taken'],
  ])('refuses %j with %i', async (body, status, param, code) => {
    const { status: got, json } = await call('POST', '/v1/artists', body);
    expect(got).toBe(status);
    expect(json.error).toMatchObject({ param, code });
  });
});

describe('prompt screening', () => {
  it('refuses a prompt naming a denied artist, naming them, through the SDK', async () => {
    const error = await refusal(maker.videos.create({ prompt: 'a rat stencil on a wall, Banksy’s style', size: '854x480' as VideoSize, seconds: '1' as VideoSeconds }));
    expect(error.status).toBe(403);
    expect(error.code).toBe('artist_consent_denied');
    expect(error.param).toBe('prompt');
    expect(error.message).toContain('Banksy');
    const byStyle = await refusal(maker.videos.create({ prompt: 'a girl with balloon, stencil', size: '854x480' as VideoSize, seconds: '1' as VideoSeconds }));
    expect(byStyle.message).toContain("Banksy (by the style 'girl with balloon')");
  });

  it('credits named artists on the video, keeps the credit through a remix, and shows it on the share page', async () => {
    const created = (await maker.videos.create({ prompt: 'water lilies in the style of MONET, and stars like Joan Miro', size: '854x480' as VideoSize, seconds: '1' as VideoSeconds })) as Credited;
    const miro = (await call('GET', '/v1/artists')).json.data.find((a) => a.name === 'Joan Miró')!;
    const expected = [
      { artist_id: monet.id, name: 'Claude Monet', policy: 'credit' },
      { artist_id: miro.id, name: 'Joan Miró', policy: 'license' },
    ];
    expect(created.credits).toEqual(expected);
    expect(((await maker.videos.retrieve(created.id)) as Credited).credits).toEqual(expected);
    expect((await finished(maker, created.id)).status).toBe('completed');

    // A remix naming a denied artist is refused; one that does not keeps its source's credits.
    const denied = await refusal(maker.videos.remix(created.id, { prompt: 'add a banksy rat' }));
    expect(denied.code).toBe('artist_consent_denied');
    const remix = (await maker.videos.remix(created.id, { prompt: 'make it snow' })) as Credited;
    expect(remix.credits).toEqual(expected);

    expect((await postJson(server, `/v1/videos/${created.id}/publish`, {}, makerKey)).status).toBe(200);
    const page = await (await fetch(`${server.url}/v/${created.id}`)).text();
    expect(page).toContain('<dt>Artists</dt>');
    expect(page).toContain('<li>Claude Monet</li><li>Joan Miró (licensed)</li>');
    // The public gallery names the same artists under the video object's `credits`.
    const listed = (await (await fetch(`${server.url}/v1/gallery/${created.id}`)).json()) as { credits: unknown; artwork_credits: unknown[] };
    expect(listed.credits).toEqual(expected);
    expect(Array.isArray(listed.artwork_credits)).toBe(true);
  });

  it('credits nobody for a prompt that names nobody registered', async () => {
    const created = (await maker.videos.create({ prompt: 'a chart of monetary policy on the banks of a river', size: '854x480' as VideoSize, seconds: '1' as VideoSeconds })) as Credited;
    expect(created.credits).toEqual([]);
    await maker.videos.delete(created.id);
  });

  it('screens storyboard shots, edits, extensions and blends, each refusal naming its parameter', async () => {
    const storyboard = await postJson(server, '/v1/videos', { size: '854x480', storyboard: { shots: [{ prompt: 'a calm sea', seconds: 1 }, { prompt: 'a wall by Banksy', seconds: 1 }] } }, makerKey);
    expect(storyboard.status).toBe(403);
    expect(storyboard.json.error).toMatchObject({ code: 'artist_consent_denied', param: 'storyboard.shots[1].prompt' });

    const credited = await postJson(server, '/v1/videos', { size: '854x480', storyboard: { shots: [{ prompt: 'a calm sea', seconds: 1 }, { prompt: 'haystacks, Monet', seconds: 1 }] } }, makerKey);
    expect(credited.status).toBe(200);
    expect((credited.json as unknown as Credited).credits).toEqual([{ artist_id: monet.id, name: 'Claude Monet', policy: 'credit' }]);
    await maker.videos.delete(credited.json.id);

    for (const [route, body] of [
      ['/v1/videos/edits', { prompt: 'paint it like Banksy', video: { id: 'video_000000000000000000000000' } }],
      ['/v1/videos/extensions', { prompt: 'then Banksy arrives', seconds: '1', video: { id: 'video_000000000000000000000000' } }],
      ['/v1/videos/blends', { prompt: 'banksy-esque', video_a: 'video_000000000000000000000000', video_b: 'video_000000000000000000000001' }],
    ] as const) {
      const { status, json } = await postJson(server, route, body, makerKey);
      expect(status, route).toBe(403);
      expect(json.error, route).toMatchObject({ code: 'artist_consent_denied', param: 'prompt' });
    }
  });
});
