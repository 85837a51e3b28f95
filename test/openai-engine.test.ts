/**
 * The `openai` engine against a second real Kinora as its upstream: the first instance forwards each generation of
 * `upstream:kinora-1` with a key of the second (held by the first's operator only), follows its progress, fetches the
 * MP4, then signs it and charges for it as its own. Everything goes through real HTTP and the real `openai` SDK.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import type OpenAI from 'openai';
import { NotFoundError, toFile } from 'openai';
import type { VideoSeconds, VideoSize } from 'openai/resources/videos';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMediaTools } from '../src/media/ffmpeg-binaries.js';
import { apiRequest } from './helpers/api-request.js';
import { makeClip } from './helpers/clips.js';
import { assertionData, readWithC2paRs } from './helpers/c2pa-reader.js';
import { startTestServer, waitFor, type TestServer } from './helpers/kinora-server.js';
import { finished, sdkClient, type KinoraVideo } from './helpers/video-client.js';

const model = 'upstream:kinora-1';
const size = (s: string) => s as VideoSize;
const seconds = (s: string) => s as VideoSeconds;

let upstream: TestServer;
let upstreamKey: { id: string; secret: string };
let server: TestServer;
let client: OpenAI;
/** What the first instance's client sees through the upstream's key: the upstream videos made on its behalf. */
let asForwarded: OpenAI;
/** Every line the first instance logged, at debug level. */
let logs = '';
/** Every response body the first instance's clients read, to look for the upstream key in. */
const answers: unknown[] = [];

async function make(prompt: string, options: { size?: string; seconds?: string } = {}): Promise<KinoraVideo> {
  const created = await client.videos.create({ model, prompt, size: size(options.size ?? '854x480'), seconds: seconds(options.seconds ?? '1') });
  answers.push(created);
  return created as KinoraVideo;
}

async function settled(id: string): Promise<KinoraVideo> {
  const video = await finished(client, id);
  answers.push(video);
  return video;
}

const balance = async () => (await apiRequest<{ credits: number }>(server, 'GET', '/v1/ledger/balance')).json.credits;

beforeAll(async () => {
  upstream = await startTestServer();
  const key = await apiRequest<{ id: string; secret: string }>(upstream, 'POST', '/v1/keys', { body: { name: 'first instance' } });
  upstreamKey = key.json;
  await apiRequest(upstream, 'POST', '/v1/artists', { body: { name: 'Orla Penhallow', policy: 'deny' } });
  asForwarded = sdkClient(upstream, upstreamKey.secret);
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs += chunk.toString();
      done();
    },
  });
  server = await startTestServer(
    { KINORA_UPSTREAM_URL: `${upstream.url}/v1`, KINORA_UPSTREAM_API_KEY: upstreamKey.secret, KINORA_UPSTREAM_MODELS: 'kinora-1,sora-2', KINORA_MAX_ATTEMPTS: '2' },
    { logger: pino({ level: 'debug' }, sink) },
  );
  client = sdkClient(server);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await upstream?.close();
});

describe('the openai engine, forwarding to another Kinora', () => {
  it("lists the upstream's model with the limits the upstream states", async () => {
    const models = await apiRequest<{ data: Array<Record<string, unknown>> }>(server, 'GET', '/v1/models');
    answers.push(models.json);
    const upstreamModels = await apiRequest<{ data: Array<Record<string, unknown>> }>(upstream, 'GET', '/v1/models');
    const original = upstreamModels.json.data.find((entry) => entry.id === 'kinora-1')!;
    expect(models.json.data.map((entry) => entry.id)).toEqual(['kinora-1', model, 'upstream:sora-2']);
    expect(models.json.data[1]).toMatchObject({
      sizes: original.sizes,
      max_seconds: original.max_seconds,
      // A remix would need the upstream's copy of the source video: not offered.
      features: { image_input: true, remix: false, audio: true },
    });
  });

  it("lists OpenAI's sora-2 with the lengths and sizes OpenAI takes, and refuses others at create, naming the param", async () => {
    const models = await apiRequest<{ data: Array<Record<string, unknown>> }>(server, 'GET', '/v1/models');
    expect(models.json.data.find((entry) => entry.id === 'upstream:sora-2')).toMatchObject({
      sizes: ['720x1280', '1280x720'],
      seconds: [4, 8, 12, 16, 20],
      max_seconds: 20,
    });
    const refusal = async (body: Record<string, unknown>) => {
      const response = await apiRequest(server, 'POST', '/v1/videos', { body: { model: 'upstream:sora-2', prompt: 'a quiet harbour at dawn', ...body } });
      expect(response.status).toBe(400);
      return response.json.error;
    };
    expect(await refusal({ seconds: '5', size: '1280x720' })).toMatchObject({
      type: 'invalid_request_error',
      param: 'seconds',
      // The lengths this server takes: the model's, up to KINORA_MAX_SECONDS (12 by default).
      message: "Invalid value for 'seconds': 5. Supported values for upstream:sora-2: '4', '8', '12'.",
    });
    expect(await refusal({ seconds: '10', size: '1280x720' })).toMatchObject({ param: 'seconds' });
    // 1792x1024 is sora-2-pro's alone.
    expect(await refusal({ seconds: '8', size: '1792x1024' })).toMatchObject({ param: 'size', message: expect.stringContaining('720x1280, 1280x720') as string });
    // Nothing was forwarded: the upstream made no video for any of them.
    expect((await asForwarded.videos.list()).data).toEqual([]);
  });

  it('refuses at create an edit of an uploaded clip (upstream models cannot draw over one) and an extension of a length they do not make', async () => {
    const file = path.join(server.dataDir, 'upload.mp4');
    await makeClip(await resolveMediaTools(), file, { size: '640x360', seconds: 2 });
    const send = async (route: string, fields: Record<string, string>) => {
      const form = new FormData();
      for (const [name, value] of Object.entries({ prompt: 'rain over the harbour', model: 'upstream:sora-2', ...fields })) form.set(name, value);
      form.set('video', new Blob([fs.readFileSync(file)], { type: 'video/mp4' }), 'upload.mp4');
      const response = await fetch(`${server.url}${route}`, { method: 'POST', headers: { authorization: `Bearer ${server.adminKey}` }, body: form });
      return { status: response.status, error: ((await response.json()) as { error: Record<string, unknown> }).error };
    };
    expect(await send('/v1/videos/edits', {})).toMatchObject({ status: 400, error: { param: 'model', code: 'unsupported_parameter' } });
    expect(await send('/v1/videos/extensions', { seconds: '5' })).toMatchObject({ status: 400, error: { param: 'seconds' } });
    expect((await asForwarded.videos.list()).data).toEqual([]);
  });

  it('completes a video made upstream, with progress, signed and charged by this instance', async () => {
    const before = await balance();
    const created = await make('a red kite over green hills at noon', { seconds: '2' });
    expect(created).toMatchObject({ model, status: 'queued' });
    const seen = new Set<number>();
    const done = await waitFor(async () => {
      const video = (await client.videos.retrieve(created.id)) as KinoraVideo;
      seen.add(video.progress);
      return video.status === 'completed' || video.status === 'failed' ? video : undefined;
    }, 'the forwarded video', 120_000, 100);
    answers.push(done);
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    expect([...seen].some((p) => p > 0 && p < 100)).toBe(true);

    // The upstream made exactly one video for it, from the same prompt, size and seed.
    const forwarded = (await asForwarded.videos.list()).data as KinoraVideo[];
    expect(forwarded).toHaveLength(1);
    expect(forwarded[0]).toMatchObject({ status: 'completed', model: 'kinora-1', prompt: done.prompt, size: '854x480', seconds: '2', seed: done.seed });

    const mp4 = Buffer.from(await (await client.videos.downloadContent(done.id)).arrayBuffer());
    const firstRoot = rootCertificate(server);
    const reading = await readWithC2paRs(mp4, firstRoot);
    // Signed by this instance (trusted with its root), about this instance's video, as made by a trained model.
    expect(reading.validation_state).toBe('Trusted');
    expect(assertionData(reading, 'org.kinora.generation')).toMatchObject({ video_id: done.id, model, seed: done.seed });
    expect((await readWithC2paRs(mp4, rootCertificate(upstream))).validation_state).not.toBe('Trusted');

    // 2 s at 480p: 2 credits, charged once, when the video was made.
    expect(await balance()).toBe(before - 2);
  });

  it('forwards the reference image', async () => {
    const known = new Set((await asForwarded.videos.list()).data.map((video) => video.id));
    const png = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'reference.png'));
    const created = await client.videos.create({ model, prompt: 'the picture comes alive, slow zoom', size: size('854x480'), seconds: seconds('1'), input_reference: await toFile(png, 'reference.png', { type: 'image/png' }) });
    expect((await settled(created.id)).status).toBe('completed');
    const forwarded = (await asForwarded.videos.list()).data.filter((video) => !known.has(video.id));
    expect(forwarded).toHaveLength(1);
    // The upstream stored the very image it was sent as this video's reference.
    expect(fs.readFileSync(path.join(upstream.dataDir, 'blobs', 'videos', forwarded[0]!.id, 'input.png'))).toEqual(png);
  });

  it('deletes the upstream video when the video is cancelled here', async () => {
    const known = new Set((await asForwarded.videos.list()).data.map((video) => video.id));
    const created = await make('a long parade of elephants through a city at night', { size: '1920x1080', seconds: '12' });
    const forwarded = await waitFor(async () => (await asForwarded.videos.list()).data.find((video) => !known.has(video.id)), 'the upstream video', 60_000, 100);
    await client.videos.delete(created.id);
    await waitFor(
      async () => asForwarded.videos.retrieve(forwarded.id).then(() => undefined, (error: unknown) => (error instanceof NotFoundError ? true : undefined)),
      'the upstream video to be deleted',
      30_000,
      100,
    );
  });

  it("fails with the upstream's reason when the upstream refuses the prompt", async () => {
    const video = await settled((await make('a harbour at dawn in the style of Orla Penhallow')).id);
    expect(video.status).toBe('failed');
    expect(video.error).toMatchObject({ code: 'artist_consent_denied' });
    expect(video.error!.message).toMatch(/^The upstream video service refused the video \(403\): .*Orla Penhallow/);
  });

  it('fails without retrying, and without quoting the key, when the upstream no longer takes the key', async () => {
    expect((await apiRequest(upstream, 'DELETE', `/v1/keys/${upstreamKey.id}`)).status).toBe(200);
    const video = await settled((await make('a quiet pond')).id);
    expect(video.status).toBe('failed');
    expect(video.error).toEqual({ code: 'upstream_unauthorized', message: "The upstream video service does not accept this server's key (401). Tell the operator." });
    expect((await server.catalog.videos.findLive(video.id))?.attempt).toBe(1);
  });

  it('retries when the upstream cannot be reached, then fails with a clear message', async () => {
    await upstream.close();
    const video = await settled((await make('a lighthouse in fog')).id);
    expect(video.status).toBe('failed');
    expect(video.error).toEqual({ code: 'generation_failed', message: 'The upstream video service could not be reached.' });
    // Retryable: the second (and last) attempt also ran.
    expect((await server.catalog.videos.findLive(video.id))?.attempt).toBe(2);
  });

  it('refunds what was not made, and never shows or logs the upstream key', async () => {
    // Charged: the 2 s and the 1 s videos at 480p; refunded: the cancelled and the failed ones.
    expect(await balance()).toBe(-3);
    expect(logs).toContain('serving models of an OpenAI-compatible upstream');
    expect(logs).toContain('render failed');
    for (const text of [logs, JSON.stringify(answers)]) {
      expect(text).not.toContain(upstreamKey.secret);
      expect(text).not.toContain(upstreamKey.secret.slice(-12));
    }
  });
});

/** The root certificate an instance signs under: the trust anchor for its manifests. */
function rootCertificate(instance: TestServer): string {
  const pems = fs.readFileSync(path.join(instance.dataDir, 'provenance', 'signing-cert.pem'), 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  return pems!.at(-1)!;
}
