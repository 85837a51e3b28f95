import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/kinora-server.js';
import { finished, postJson, sdkClient } from './helpers/video-client.js';

/** Publishing over real HTTP: opt-in, scoped, and a published video is the only kind the public can see. */
let server: TestServer;
let videoId = '';
const prompt = 'a cat <script>alert(1)</script> sleeping on a beach at sunset';

beforeAll(async () => {
  server = await startTestServer();
  const client = sdkClient(server);
  const video = await client.videos.create({ prompt, size: '854x480' as never, seconds: '1' as never });
  videoId = (await finished(client, video.id)).id;
});
afterAll(async () => server?.close());

const publicRoutes = (id: string) => [`/v1/gallery/${id}`, `/v1/gallery/${id}/content`, `/v1/gallery/${id}/content?variant=thumbnail`, `/v/${id}`];
const statusOf = async (route: string): Promise<number> => (await fetch(`${server.url}${route}`)).status;

describe('publishing', () => {
  it('keeps a video private until its owner publishes it', async () => {
    for (const route of publicRoutes(videoId)) expect(await statusOf(route)).toBe(404);
    const list = (await (await fetch(`${server.url}/v1/gallery`)).json()) as { data: unknown[] };
    expect(list.data).toEqual([]);
  });

  it('needs the gallery:publish scope, and the video must be the caller’s and completed', async () => {
    const maker = await server.catalog.keys.create('maker', ['videos:read', 'videos:write']);
    const denied = await postJson(server, `/v1/videos/${videoId}/publish`, {}, maker.secret);
    expect(denied.status).toBe(403);

    const publisher = await server.catalog.keys.create('publisher', ['videos:read', 'gallery:publish']);
    expect((await postJson(server, `/v1/videos/${videoId}/publish`, {}, publisher.secret)).status).toBe(404);

    const admin = (await server.catalog.keys.list()).find((key) => key.name === 'admin')!;
    await server.catalog.videos.insert({
      id: 'video_unfinished', ownerKeyId: admin.id, model: 'kinora-1', prompt: 'not yet', seed: 1, size: '854x480', seconds: 1,
      remixedFromVideoId: null, inputReference: null, plan: null, options: null, operation: null, requestFingerprint: 'fp', createdAt: Date.now(),
    });
    const unfinished = await postJson(server, '/v1/videos/video_unfinished/publish', {});
    expect(unfinished.status).toBe(400);
    expect(unfinished.json.error?.code).toBe('video_not_ready');
    for (const route of publicRoutes(videoId)) expect(await statusOf(route)).toBe(404);
  });

  it('shows a published video to anyone: its facts, its content with seeking, and a share page that unfurls', async () => {
    const published = await postJson(server, `/v1/videos/${videoId}/publish`, {});
    expect(published.status).toBe(200);
    expect((published.json as unknown as { published_at: number | null }).published_at).toBeGreaterThan(0);

    const object = (await (await fetch(`${server.url}/v1/gallery/${videoId}`)).json()) as Record<string, unknown>;
    expect(object).toMatchObject({ id: videoId, prompt, model: 'kinora-1', size: '854x480', seconds: '1' });
    expect(typeof object.seed).toBe('number');
    expect(object).not.toHaveProperty('remixed_from_video_id');
    expect(object).not.toHaveProperty('operation');
    expect(JSON.stringify(object)).not.toContain('key_');

    const range = await fetch(`${server.url}/v1/gallery/${videoId}/content`, { headers: { range: 'bytes=0-99' } });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-type')).toBe('video/mp4');
    expect((await range.arrayBuffer()).byteLength).toBe(100);
    const thumbnail = await fetch(`${server.url}/v1/gallery/${videoId}/content?variant=thumbnail`);
    expect(thumbnail.headers.get('content-type')).toBe('image/webp');

    const share = await fetch(`${server.url}/v/${videoId}`);
    expect(share.status).toBe(200);
    expect(share.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await share.text();
    expect(html).toContain(`<meta property="og:image" content="${server.url}/v1/gallery/${videoId}/content?variant=thumbnail">`);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).toContain(`<video class="player" src="/v1/gallery/${videoId}/content"`);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('Provenance');
    expect(html).toContain('<a class="badge signed" href="/verify"');
    expect(html).toContain('Signed · C2PA');

    const list = (await (await fetch(`${server.url}/v1/gallery`)).json()) as { data: Array<{ id: string }> };
    expect(list.data.map((v) => v.id)).toEqual([videoId]);
  });

  it('takes a video off every public route when it is unpublished or deleted', async () => {
    const unpublished = await postJson(server, `/v1/videos/${videoId}/unpublish`, {});
    expect(unpublished.status).toBe(200);
    for (const route of publicRoutes(videoId)) expect(await statusOf(route)).toBe(404);

    expect((await postJson(server, `/v1/videos/${videoId}/publish`, {})).status).toBe(200);
    expect(await statusOf(`/v/${videoId}`)).toBe(200);
    await sdkClient(server).videos.delete(videoId);
    for (const route of publicRoutes(videoId)) expect(await statusOf(route)).toBe(404);
  });
});
