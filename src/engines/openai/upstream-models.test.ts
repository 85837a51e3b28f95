import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upstreamClient } from './openai-engine.js';
import { upstreamModels } from './upstream-models.js';

/** An upstream that lists models as OpenAI does: ids only, no limits. */
let openAiLike: http.Server;
let url: string;

beforeAll(async () => {
  openAiLike = http.createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    if (request.url !== '/v1/models') return void response.writeHead(404).end('{"error":{"message":"no"}}');
    response.end(JSON.stringify({ object: 'list', data: [{ id: 'sora-2', object: 'model', created: 0, owned_by: 'system' }, { id: 'gpt-x', object: 'model', created: 0, owned_by: 'system' }] }));
  });
  await new Promise<void>((resolve) => openAiLike.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(openAiLike.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => openAiLike.close(() => resolve())));

const config = (base: string, models: Array<{ local: string; remote: string }>) => ({ url: base, apiKey: 'sk-test', models });

describe('upstream models', () => {
  it("uses the known limits of OpenAI's models, which its listing does not state", async () => {
    const unreachable: unknown[] = [];
    const [pro] = await upstreamModels(upstreamClient(config(url, [])), config(url, [{ local: 'upstream:sora-2-pro', remote: 'sora-2-pro' }]), (e) => unreachable.push(e));
    expect(unreachable).toEqual([]);
    expect(pro).toMatchObject({ remote: 'sora-2-pro', flavour: 'openai', info: { id: 'upstream:sora-2-pro', engine: 'openai', maxSeconds: 20, secondsChoices: [4, 8, 12, 16, 20], features: { imageInput: true, remix: false, audio: true } } });
    expect(pro!.info.sizes).toContain('1920x1080');
  });

  it('still serves OpenAI models when the listing cannot be read, and refuses a model whose limits are unknown', async () => {
    const down = 'http://127.0.0.1:1/v1';
    const unreachable: unknown[] = [];
    const [sora] = await upstreamModels(upstreamClient(config(down, [])), config(down, [{ local: 'sora', remote: 'sora-2' }]), (e) => unreachable.push(e));
    expect(sora).toMatchObject({ flavour: 'openai', info: { id: 'sora', sizes: ['720x1280', '1280x720'], secondsChoices: [4, 8, 12, 16, 20] } });
    expect(unreachable).toHaveLength(1);
    await expect(upstreamModels(upstreamClient(config(url, [])), config(url, [{ local: 'x', remote: 'gpt-x' }]), () => undefined)).rejects.toThrow(/lists no model 'gpt-x' with its limits/);
  });
});
