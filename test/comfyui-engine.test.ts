/**
 * The `comfyui` engine in a real Kinora, driven through the `openai` SDK, against fake ComfyUI servers that speak
 * ComfyUI's HTTP API (test/helpers/fake-comfyui.ts): least-busy routing, the video fetched through /view, cancel
 * through /interrupt and /queue, a workflow the server refuses, failover when a server drops mid-job, and both output
 * shapes of video save nodes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type OpenAI from 'openai';
import { toFile } from 'openai';
import type { VideoCreateParams } from 'openai/resources/videos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledTemplatesDir } from '../src/engines/comfyui/workflow-template.js';
import { apiRequest } from './helpers/api-request.js';
import { startFakeComfy, type FakeComfy } from './helpers/fake-comfyui.js';
import { startTestServer, tempDataDir, waitFor, type TestServer } from './helpers/kinora-server.js';
import { downloadedVideo, finished, sdkClient } from './helpers/video-client.js';

const wan = 'comfyui:wan2.1-t2v-1.3b';
const create = (client: OpenAI, body: { model: string; prompt: string; size?: string; seconds?: string }) =>
  client.videos.create({ size: '832x480', seconds: '1', ...body } as VideoCreateParams);

describe('a pool of a busy and an idle ComfyUI server, with the bundled templates', () => {
  let busy: FakeComfy;
  let idle: FakeComfy;
  let server: TestServer;
  let client: OpenAI;

  beforeAll(async () => {
    busy = await startFakeComfy({ foreignPending: 3 });
    idle = await startFakeComfy({ steps: 20, stepMs: 100 });
    server = await startTestServer({ KINORA_COMFYUI_URLS: `${busy.url},${idle.url}/` });
    client = sdkClient(server);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await Promise.all([busy?.close(), idle?.close()]);
  });

  it('lists the templates as models with their limits', async () => {
    const models = await apiRequest<{ data: Array<Record<string, unknown>> }>(server, 'GET', '/v1/models');
    const wanModel = models.json.data.find((entry) => entry.id === wan);
    expect(wanModel).toMatchObject({ sizes: ['832x480', '480x832'], max_seconds: 5 });
    expect(models.json.data.map((entry) => entry.id)).toContain('comfyui:ltx-video-2b');
  });

  it('renders on the least busy server with the filled workflow and returns its MP4', async () => {
    const video = await finished(client, (await create(client, { model: wan, prompt: 'a red fox running through snow' })).id);
    expect(video).toMatchObject({ status: 'completed', progress: 100, model: wan, size: '832x480' });
    expect(busy.received).toHaveLength(0);
    expect(idle.completed).toHaveLength(1);
    const sent = idle.received[0]!;
    expect(sent['5']!.inputs.text).toBe('a red fox running through snow');
    expect(sent['7']!.inputs).toMatchObject({ width: 832, height: 480, length: 17 });
    expect(sent['8']!.inputs.seed).toBe(video.seed);
    const events = [...idle.messages.values()][0]!.map((message) => message.type);
    expect(events).toEqual(['execution_start', 'execution_cached', 'executing', ...Array<string>(20).fill('progress'), 'executing', 'executed', 'execution_success', 'executing']);
    const file = await downloadedVideo(client, server, video.id);
    expect(file.video).toMatchObject({ width: 832, height: 480 });
    expect(file.duration).toBeGreaterThan(0.9);
  });

  it('uploads the input image to the server and loads it in the image-to-video workflow', async () => {
    const png = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'reference.png'));
    const created = await client.videos.create({
      model: 'comfyui:ltx-video-2b-i2v',
      prompt: 'the picture comes alive',
      size: '768x512',
      seconds: '1',
      input_reference: await toFile(png, 'reference.png', { type: 'image/png' }),
    } as unknown as VideoCreateParams);
    const video = await finished(client, created.id);
    expect(video.status).toBe('completed');
    const sent = idle.received.at(-1)!;
    const loaded = String(sent['5']!.inputs.image);
    expect(idle.inputs.get(loaded)).toEqual(png);
    expect(sent['6']!.inputs).toMatchObject({ width: 768, height: 512, length: 25 });
  });

  it('refuses at create, naming input_reference, an image-to-video model called without an image', async () => {
    const models = await apiRequest<{ data: Array<Record<string, unknown>> }>(server, 'GET', '/v1/models');
    expect(models.json.data.find((entry) => entry.id === 'comfyui:ltx-video-2b-i2v')).toMatchObject({ features: { image_input: true, image_required: true } });
    expect(models.json.data.find((entry) => entry.id === wan)).toMatchObject({ features: { image_input: false, image_required: false } });
    const sent = idle.received.length + busy.received.length;
    const response = await apiRequest(server, 'POST', '/v1/videos', { body: { model: 'comfyui:ltx-video-2b-i2v', prompt: 'the picture comes alive', size: '768x512', seconds: '1' } });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ type: 'invalid_request_error', param: 'input_reference', code: 'missing_required_parameter' });
    expect(idle.received.length + busy.received.length).toBe(sent);
    expect((await client.videos.list()).data.filter((video) => video.model === 'comfyui:ltx-video-2b-i2v')).toHaveLength(1);
  });

  it('stops the prompt on the server when the video is cancelled', async () => {
    const video = await create(client, { model: wan, prompt: 'a slow sunset over the sea', seconds: '2' });
    // The sampler's steps arrive over the WebSocket: progress moves while the prompt runs, before anything is saved.
    const running = await waitFor(async () => {
      const seen = await client.videos.retrieve(video.id);
      return seen.status === 'in_progress' && seen.progress >= 20 ? seen : undefined;
    }, 'the sampler steps to show');
    expect(running.progress).toBeLessThan(90);
    expect(idle.completed).toHaveLength(2); // still sampling: only the earlier tests' prompts have finished
    await client.videos.delete(video.id);
    await waitFor(() => Promise.resolve(idle.interrupts.length > 0 ? true : undefined), 'POST /interrupt');
    const promptId = (idle.interrupts[0] as { prompt_id: string }).prompt_id;
    expect(typeof promptId).toBe('string');
    expect(idle.deletes).toContainEqual({ delete: [promptId] });
    expect(idle.completed).toHaveLength(2);
  });
});

describe('a pool whose first server drops mid-job, with templates of its own', () => {
  let dropping: FakeComfy;
  let healthy: FakeComfy;
  let server: TestServer;
  let client: OpenAI;
  let templates: string;

  beforeAll(async () => {
    templates = tempDataDir('templates');
    const original = JSON.parse(fs.readFileSync(path.join(bundledTemplatesDir, 'wan2.1-t2v-1.3b.json'), 'utf8')) as {
      kinora: { id: string };
      workflow: Record<string, { class_type: string; inputs: Record<string, unknown> }>;
    };
    const variant = (id: string, change: (workflow: typeof original.workflow) => void) => {
      const copy = structuredClone(original);
      copy.kinora.id = id;
      change(copy.workflow);
      fs.writeFileSync(path.join(templates, `${id}.json`), JSON.stringify(copy));
    };
    variant('wan-plain', () => undefined);
    variant('wan-vhs', (workflow) => {
      delete workflow['10'];
      workflow['11'] = { class_type: 'VHS_VideoCombine', inputs: { images: ['9', 0], frame_rate: '{{fps}}', filename_prefix: '{{filename_prefix}}', format: 'video/h264-mp4' } };
    });
    variant('wan-broken', (workflow) => {
      workflow['4']!.class_type = 'ModelSamplingNoSuchNode';
    });
    dropping = await startFakeComfy({ dropAfterSteps: 2, stepMs: 50 });
    healthy = await startFakeComfy();
    server = await startTestServer({ KINORA_COMFYUI_URLS: `${dropping.url},${healthy.url}`, KINORA_COMFYUI_TEMPLATES: templates, KINORA_COMFYUI_MODELS: 'wan-plain,wan-vhs,wan-broken',
      // One attempt: the failover must happen inside the engine, not through the worker's retry.
      KINORA_MAX_ATTEMPTS: '1',
    });
    client = sdkClient(server);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await Promise.all([dropping?.close(), healthy?.close()]);
    fs.rmSync(templates, { recursive: true, force: true });
  });

  it("fails a workflow the server refuses, at once, with ComfyUI's reason", async () => {
    const video = await finished(client, (await create(client, { model: 'comfyui:wan-broken', prompt: 'a lighthouse' })).id);
    expect(video.status).toBe('failed');
    expect(video.error).toMatchObject({ code: 'comfyui_invalid_workflow' });
    expect(video.error?.message).toContain('node ModelSamplingNoSuchNode does not exist');
    expect(dropping.received).toHaveLength(1);
    expect(healthy.received).toHaveLength(0);
  });

  it('moves a job to another server when its server drops mid-job', async () => {
    const video = await finished(client, (await create(client, { model: 'comfyui:wan-plain', prompt: 'a kite over a beach' })).id);
    expect(video.status).toBe('completed');
    expect(dropping.received).toHaveLength(2);
    expect(dropping.completed).toHaveLength(0);
    expect(healthy.completed).toHaveLength(1);
    expect((await downloadedVideo(client, server, video.id)).video).toMatchObject({ width: 832, height: 480 });
  });

  it('reads the video of a VideoHelperSuite save node (the gifs shape)', async () => {
    const video = await finished(client, (await create(client, { model: 'comfyui:wan-vhs', prompt: 'rain on a window', size: '480x832' })).id);
    expect(video.status).toBe('completed');
    expect((await downloadedVideo(client, server, video.id)).video).toMatchObject({ width: 480, height: 832 });
  });
});
