import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/kinora-server.js';

/** Every bad request gets a clean 4xx in OpenAI's error shape, and the server keeps serving. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ KINORA_MAX_SECONDS: '10', KINORA_MAX_UPLOAD_MB: '20' }, { workers: 0 });
});
afterAll(async () => server?.close());

async function post(body: RequestInit['body'], headers: Record<string, string> = {}, path = '/v1/videos') {
  const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${server.adminKey}`, ...headers }, body });
  const json = (await response.json()) as { error: { message: string; type: string; param: string | null; code: string | null } };
  return { status: response.status, json, headers: response.headers };
}
const json = (value: unknown) => [JSON.stringify(value), { 'content-type': 'application/json' }] as const;

function expectError(result: Awaited<ReturnType<typeof post>>, status: number, param?: string) {
  expect(result.status).toBe(status);
  expect(result.headers.get('x-request-id')).toMatch(/^req_/);
  expect(result.headers.get('content-type')).toMatch(/^application\/json/);
  expect(Object.keys(result.json.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  expect(result.json.error.message.length).toBeGreaterThan(5);
  if (param !== undefined) expect(result.json.error.param).toBe(param);
}

describe('bad input', () => {
  it('malformed JSON', async () => {
    const result = await post('{"prompt": "a cat",', { 'content-type': 'application/json' });
    expectError(result, 400);
    expect(result.json.error.code).toBe('invalid_json');
  });

  it('a body that is not an object', async () => {
    expectError(await post(...json(['a cat'])), 400);
  });

  it('an unknown model names the parameter and what is available', async () => {
    const result = await post(...json({ prompt: 'a cat', model: 'dall-e-9' }));
    expectError(result, 400, 'model');
    expect(result.json.error.message).toContain('kinora-1');
  });

  it('a length above the configured maximum (11 s with a 10 s limit), and 0 s', async () => {
    const eleven = await post(...json({ prompt: 'a cat', seconds: '11' }));
    expectError(eleven, 400, 'seconds');
    expect(eleven.json.error.message).toContain("'10'");
    expectError(await post(...json({ prompt: 'a cat', seconds: '0' })), 400, 'seconds');
    expectError(await post(...json({ prompt: 'a cat', seconds: 'four' })), 400, 'seconds');
  });

  it('a size Kinora does not make lists the sizes it does', async () => {
    const result = await post(...json({ prompt: 'a cat', size: '4000x4000' }));
    expectError(result, 400, 'size');
    expect(result.json.error.message).toContain('1920x1080');
  });

  it('an empty prompt, a missing prompt and a 10 KB prompt', async () => {
    expectError(await post(...json({ prompt: '   ' })), 400, 'prompt');
    expectError(await post(...json({ size: '1280x720' })), 400, 'prompt');
    const long = await post(...json({ prompt: 'a cat '.repeat(1700) }));
    expectError(long, 400, 'prompt');
    expect(long.json.error.code).toBe('prompt_too_long');
  });

  it('parameters Kinora does not know, including ones that try to set server fields', async () => {
    const result = await post(...json({ prompt: 'a cat', status: 'completed' }));
    expectError(result, 400, 'status');
    expect(result.json.error.code).toBe('unknown_parameter');
  });

  it('an upload that is not an image', async () => {
    const form = new FormData();
    form.set('prompt', 'a cat');
    form.set('input_reference', new Blob([Buffer.from('#!/bin/sh\necho not an image\n')], { type: 'image/png' }), '../../etc/passwd');
    const result = await post(form);
    expectError(result, 400, 'input_reference');
    expect(result.json.error.code).toBe('invalid_image');
  });

  it('a Files API upload that is not an image, or has no purpose', async () => {
    const form = new FormData();
    form.set('purpose', 'vision');
    form.set('file', new Blob([Buffer.from('%PDF-1.7 not an image')], { type: 'application/pdf' }), 'doc.pdf');
    expectError(await post(form, {}, '/v1/files'), 400, 'file');
    const noPurpose = new FormData();
    noPurpose.set('file', new Blob([Buffer.from('x')]), 'x.png');
    expectError(await post(noPurpose, {}, '/v1/files'), 400, 'purpose');
  });

  it('a truncated PNG', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000100000001000806000000', 'hex');
    const form = new FormData();
    form.set('prompt', 'a cat');
    form.set('input_reference', new Blob([png], { type: 'image/png' }), 'x.png');
    expectError(await post(form), 400, 'input_reference');
  });

  it('a 50 MB upload is refused with 413', async () => {
    const form = new FormData();
    form.set('prompt', 'a cat');
    form.set('input_reference', new Blob([Buffer.alloc(50 * 1024 * 1024, 1)], { type: 'image/png' }), 'big.png');
    expectError(await post(form), 413);
  });

  it('a file_id that does not exist, and a private image URL', async () => {
    expectError(await post(...json({ prompt: 'a cat', input_reference: { file_id: 'file_123' } })), 400, 'input_reference.file_id');
    const local = await post(...json({ prompt: 'a cat', input_reference: { image_url: 'http://127.0.0.1:1/cat.png' } }));
    expectError(local, 400, 'input_reference.image_url');
    expect(local.json.error.code).toBe('url_not_allowed');
  });

  // PostgreSQL's text cannot hold U+0000 (SQLite's can): both catalogs must refuse it alike, never answer a 500.
  it('a NUL character in a path id, a query, a JSON field and a form field', async () => {
    const get = async (route: string) => {
      const response = await fetch(`${server.url}${route}`, { headers: { authorization: `Bearer ${server.adminKey}` } });
      return { status: response.status, json: (await response.json()) as Awaited<ReturnType<typeof post>>['json'], headers: response.headers };
    };
    for (const route of ['/v1/videos/video_x%00', '/v/video_x%00.mp4', '/v1/videos?after=video_%00']) {
      const result = await get(route);
      expectError(result, 400);
      expect(result.json.error.code).toBe('invalid_characters');
    }
    const inJson = await post(...json({ prompt: 'a cat\u0000 sleeping' }));
    expectError(inJson, 400, 'prompt');
    expect(inJson.json.error.code).toBe('invalid_characters');
    const form = new FormData();
    form.append('prompt', 'a cat\u0000 sleeping');
    expectError(await post(form), 400, 'prompt');
  });

  it('list parameters out of range', async () => {
    const response = await fetch(`${server.url}/v1/videos?limit=1000`, { headers: { authorization: `Bearer ${server.adminKey}` } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { param: string } }).error.param).toBe('limit');
  });

  it('no key, a malformed key, and a well-formed unknown key', async () => {
    for (const authorization of [undefined, 'Bearer nope', 'Bearer kin_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_000000']) {
      const response = await fetch(`${server.url}/v1/videos`, { headers: authorization ? { authorization } : {} });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('Bearer');
    }
  });

  it('an unknown route answers in the same error shape', async () => {
    const response = await fetch(`${server.url}/v1/nothing-here`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unknown_url');
  });

  it('is still up and serving after all of that', async () => {
    const ok = await post(...json({ prompt: 'a cat sleeping in a garden' }));
    expect(ok.status).toBe(200);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
