import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { idempotencyKeyTtlMs } from '../src/catalog/idempotency-repository.js';
import { apiRequest, type ApiResponse } from './helpers/api-request.js';
import { underSchemaLock } from './helpers/catalog-per-test.js';
import { freshPostgresSchema } from './helpers/catalog-urls.js';
import { startTestServer, type TestServer } from './helpers/kinora-server.js';
import { finished, sdkClient } from './helpers/video-client.js';

/**
 * `Idempotency-Key` on the routes that make a video, on both catalogs: a replay answers what the first request
 * answered, a different body is refused, concurrent replays make one video and one job, keys belong to one API key
 * and are forgotten after 24 hours. The servers run no worker, so a video stays exactly as it was created.
 */
type Backend = { server: TestServer; close: () => Promise<void> };

const backends: Record<'sqlite' | 'postgres', () => Promise<Backend>> = {
  async sqlite() {
    const server = await startTestServer({}, { workers: 0 });
    return { server, close: () => server.close() };
  },
  async postgres() {
    const schema = await freshPostgresSchema();
    const server = await underSchemaLock(() => startTestServer({ KINORA_DATABASE_URL: schema.url }, { workers: 0 }));
    return {
      server,
      async close() {
        await server.close();
        await underSchemaLock(schema.drop);
      },
    };
  },
};

type Video = { id: string; status: string };

describe.each(['sqlite', 'postgres'] as const)('Idempotency-Key on %s', (dialect) => {
  let backend: Backend;
  let server: TestServer;
  beforeAll(async () => {
    backend = await backends[dialect]();
    server = backend.server;
  });
  afterAll(async () => backend?.close());
  afterEach(() => vi.useRealTimers());

  const create = (idempotencyKey: string, body: object, key?: string): Promise<ApiResponse<Video>> =>
    apiRequest<Video>(server, 'POST', '/v1/videos', { key, body, headers: { 'idempotency-key': idempotencyKey } });

  /** The videos and jobs of one API key, counted in the catalog itself. */
  async function madeBy(keyId: string): Promise<{ videos: number; jobs: number }> {
    const { db } = server.catalog;
    const videos = await db.selectFrom('videos').select('id').where('owner_key_id', '=', keyId).execute();
    const jobs = videos.length === 0 ? [] : await db.selectFrom('jobs').select('video_id').where('video_id', 'in', videos.map((v) => v.id)).execute();
    return { videos: videos.length, jobs: jobs.length };
  }
  const adminKeyId = async (): Promise<string> => (await server.catalog.keys.findActiveBySecret(server.adminKey))!.id;

  it('a replay answers the same status and body; a different body with the key is a 409', async () => {
    const body = { prompt: 'a lighthouse at dusk', size: '854x480', seconds: '2' };
    const first = await create(`replay-${dialect}`, body);
    expect(first.status).toBe(200);
    const before = await madeBy(await adminKeyId());
    const replay = await create(`replay-${dialect}`, body);
    expect({ status: replay.status, body: replay.json }).toEqual({ status: first.status, body: first.json });

    const other = await create(`replay-${dialect}`, { ...body, prompt: 'a lighthouse at dawn' });
    expect(other.status).toBe(409);
    expect(other.headers.get('x-should-retry')).toBe('false');
    expect(other.json).toEqual({ error: { message: expect.stringContaining('different request body') as string, type: 'conflict_error', param: 'Idempotency-Key', code: 'idempotency_key_reused' } });
    expect(await madeBy(await adminKeyId())).toEqual(before);
  });

  it('20 concurrent replays of one key make exactly one video and one job, and all get it', async () => {
    const before = await madeBy(await adminKeyId());
    const body = { prompt: 'a paper boat on a pond', size: '854x480', seconds: '1' };
    const answers = await Promise.all(Array.from({ length: 20 }, () => create(`burst-${dialect}`, body)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((a) => a.json.id)).size).toBe(1);
    expect(await madeBy(await adminKeyId())).toEqual({ videos: before.videos + 1, jobs: before.jobs + 1 });
  });

  it('concurrent uses of one key with two bodies: one video; its body gets it, the other a 409', async () => {
    const before = await madeBy(await adminKeyId());
    const bodies = [{ prompt: 'a red kite over a hill' }, { prompt: 'a blue kite over a hill' }];
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => create(`race-${dialect}`, bodies[i % 2]!).then((answer) => ({ sent: i % 2, answer }))));
    const winner = answers.find((a) => a.answer.status === 200);
    expect(winner).toBeDefined();
    for (const { sent, answer } of answers) {
      if (sent === winner!.sent) expect({ status: answer.status, id: answer.json.id }).toEqual({ status: 200, id: winner!.answer.json.id });
      else expect({ status: answer.status, code: answer.json.error?.code }).toEqual({ status: 409, code: 'idempotency_key_reused' });
    }
    expect(await madeBy(await adminKeyId())).toEqual({ videos: before.videos + 1, jobs: before.jobs + 1 });
  });

  it("keys belong to one API key: another key's use of the same Idempotency-Key makes its own video", async () => {
    const other = await server.catalog.keys.create(`other-${dialect}`, ['videos:read', 'videos:write']);
    const body = { prompt: 'a windmill in a field' };
    const mine = await create(`shared-${dialect}`, body);
    const theirs = await create(`shared-${dialect}`, body, other.secret);
    expect([mine.status, theirs.status]).toEqual([200, 200]);
    expect(theirs.json.id).not.toBe(mine.json.id);
    // Each key's replay still finds its own video, never the other's.
    expect((await create(`shared-${dialect}`, body, other.secret)).json.id).toBe(theirs.json.id);
    expect((await create(`shared-${dialect}`, body)).json.id).toBe(mine.json.id);
    expect(await madeBy(other.key.id)).toEqual({ videos: 1, jobs: 1 });
  });

  it('a key is forgotten after 24 hours: the same key then makes a new video, whatever the body', async () => {
    const body = { prompt: 'a snowman in a garden' };
    const first = await create(`daily-${dialect}`, body);
    // The server runs in this process: moving Date moves the clock it reads the key's age with.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + idempotencyKeyTtlMs - 60_000 });
    expect((await create(`daily-${dialect}`, body)).json.id).toBe(first.json.id);
    vi.setSystemTime(Date.now() + 2 * 60_000);
    const later = await create(`daily-${dialect}`, body);
    expect(later.status).toBe(200);
    expect(later.json.id).not.toBe(first.json.id);
    // The key now names the new video; the old one is unchanged.
    expect((await create(`daily-${dialect}`, body)).json.id).toBe(later.json.id);
    expect((await apiRequest<Video>(server, 'GET', `/v1/videos/${first.json.id}`)).json.id).toBe(first.json.id);
    vi.setSystemTime(Date.now() + idempotencyKeyTtlMs + 60_000);
    const reused = await create(`daily-${dialect}`, { prompt: 'a snowman melting' });
    expect(reused.status).toBe(200);
    expect([first.json.id, later.json.id]).not.toContain(reused.json.id);
  });
});

describe('Idempotency-Key on the routes that make a video from another', () => {
  let server: TestServer;
  let source: Video;
  beforeAll(async () => {
    server = await startTestServer();
    const created = await apiRequest<Video>(server, 'POST', '/v1/videos', { body: { prompt: 'a fox in the snow', size: '854x480', seconds: '2' } });
    source = await finished(sdkClient(server), created.json.id);
    expect(source.status).toBe('completed');
  });
  afterAll(async () => server?.close());

  it.each([
    ['remix', () => `/v1/videos/${source.id}/remix`, { prompt: 'a fox in the rain' }, { prompt: 'a fox in the fog' }],
    ['edit', () => '/v1/videos/edits', { prompt: 'a fox at night', video: { id: 'SOURCE' } }, { prompt: 'a fox at noon', video: { id: 'SOURCE' } }],
    ['extension', () => '/v1/videos/extensions', { prompt: 'the fox runs away', seconds: '1', video: { id: 'SOURCE' } }, { prompt: 'the fox sleeps', seconds: '1', video: { id: 'SOURCE' } }],
    ['blend', () => '/v1/videos/blends', { video_a: 'SOURCE', video_b: 'SOURCE', transition_seconds: 0.5 }, { video_a: 'SOURCE', video_b: 'SOURCE', transition_seconds: 0.75 }],
    ['re-cut', () => `/v1/videos/${source.id}/recut`, { start: 0, end: 1 }, { start: 0, end: 1.5 }],
  ])('a replayed %s returns the first video; another body is a 409', async (name, route, body, otherBody) => {
    const withSource = (b: object): object => JSON.parse(JSON.stringify(b).replaceAll('SOURCE', source.id)) as object;
    const headers = { 'idempotency-key': `derived-${name}` };
    const first = await apiRequest<Video>(server, 'POST', route(), { body: withSource(body), headers });
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    const replay = await apiRequest<Video>(server, 'POST', route(), { body: withSource(body), headers });
    expect({ status: replay.status, id: replay.json.id }).toEqual({ status: 200, id: first.json.id });
    const other = await apiRequest<Video>(server, 'POST', route(), { body: withSource(otherBody), headers });
    expect({ status: other.status, code: other.json.error?.code }).toEqual({ status: 409, code: 'idempotency_key_reused' });
  });
});
