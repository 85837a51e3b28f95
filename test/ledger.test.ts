import { RateLimitError, type OpenAI } from 'openai';
import type { VideoSeconds, VideoSize } from 'openai/resources/videos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest } from './helpers/api-request.js';
import { kinoraCli } from './helpers/kinora-cli.js';
import { startTestServer, type TestServer } from './helpers/kinora-server.js';
import { sdkClient } from './helpers/video-client.js';

/**
 * Prepaid credits through the real server (no worker: videos stay queued, so what is charged and refunded does not
 * race a render) and the SDK, then the artists' pay report through the real CLI beside it.
 */
let server: TestServer;
let maker: OpenAI;
let makerKey: string;
let makerKeyId: string;
let miroId: string;
const today = new Date().toISOString().slice(0, 10);

type Balance = { object: string; key_id: string; credits: number; prepaid: boolean };
type Report = { object: string; artists: Array<{ artist_id: string; name: string | null; videos: number; seconds: number; credits: number }>; totals: Record<string, number> };

const create = (prompt: string, seconds: string, client = maker) => client.videos.create({ prompt, size: '854x480' as VideoSize, seconds: seconds as VideoSeconds });
const balance = async (key?: string) => (await apiRequest<Balance>(server, 'GET', '/v1/ledger/balance', { key })).json;

/** What the SDK raised for a request the server refused. */
async function refusal(request: Promise<unknown>): Promise<RateLimitError> {
  const error = await request.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RateLimitError);
  return error as RateLimitError;
}

beforeAll(async () => {
  server = await startTestServer({ KINORA_CREDITS_REQUIRED: '1' }, { workers: 0 });
  const made = await server.catalog.keys.create('maker', ['videos:read', 'videos:write']);
  makerKey = made.secret;
  makerKeyId = made.key.id;
  maker = sdkClient(server, made.secret);
  const miro = await apiRequest<{ id: string }>(server, 'POST', '/v1/artists', { body: { name: 'Joan Miró', policy: 'license', fee_per_second: 3 } });
  miroId = miro.json.id;
  await apiRequest(server, 'POST', '/v1/artists', { body: { name: 'Claude Monet', policy: 'credit' } });
});
afterAll(async () => server?.close());

describe('prepaid credits over the API', () => {
  it('refuses a video its key cannot pay for with 429 insufficient_quota, records nothing, and charges once it can', async () => {
    expect(await balance(makerKey)).toEqual({ object: 'ledger.balance', key_id: makerKeyId, credits: 0, prepaid: true });
    const refused = await refusal(create('a red kite over a hill', '1'));
    expect(refused.status).toBe(429);
    expect(refused.code).toBe('insufficient_quota');
    expect(refused.headers.get('x-should-retry')).toBe('false');
    expect(refused.message).toContain("This video costs 1 credits and this key's balance is 0 credits");
    expect((await maker.videos.list()).data).toEqual([]);

    const grant = await apiRequest(server, 'POST', '/v1/ledger/grants', { body: { key_id: makerKeyId, credits: 10, memo: 'trial' } });
    expect(grant.status).toBe(200);
    expect(grant.json).toMatchObject({ object: 'ledger.transaction', kind: 'grant', video_id: null, memo: 'trial', entries: [{ account: `key:${makerKeyId}`, amount: 10 }, { account: 'kinora:grants', amount: -10 }] });

    // 2 s at the 480p class (2) plus Miró's fee (3 × 2): 8 of the 10 credits; Monet is credited, not paid.
    const licensed = await create('stars and birds in the style of Joan Miró and Claude Monet', '2');
    expect((await balance(makerKey)).credits).toBe(2);
    const plain = await create('a quiet pond', '2');
    expect((await balance(makerKey)).credits).toBe(0);
    expect((await refusal(create('one more pond', '1'))).message).toContain("costs 1 credits and this key's balance is 0 credits");

    // A video deleted before it completed is refunded exactly, once.
    await maker.videos.delete(plain.id);
    expect((await balance(makerKey)).credits).toBe(2);
    expect((await apiRequest(server, 'DELETE', `/v1/videos/${plain.id}`, { key: makerKey })).status).toBe(404);
    expect((await balance(makerKey)).credits).toBe(2);
    expect((await maker.videos.retrieve(licensed.id)).status).toBe('queued');
  });

  it('never refuses an admin key: it is charged and may go below zero', async () => {
    const admin = sdkClient(server);
    await create('a lighthouse at night', '1', admin);
    const adminBalance = await balance();
    expect(adminBalance).toMatchObject({ credits: -1, prepaid: false });
  });

  it('validates grants and reports, and keeps them to admin keys', async () => {
    const cases: Array<[unknown, number, string | null, string]> = [
      [{ key_id: 'key_missing', credits: 5 }, 404, 'key_id', 'key_not_found'],
      [{ key_id: makerKeyId, credits: 0 }, 400, 'credits', 'invalid_value'],
      [{ key_id: makerKeyId, credits: 1.5 }, 400, 'credits', 'invalid_value'],
      [{ key_id: makerKeyId }, 400, 'credits', 'missing_required_parameter'],
      [{ key_id: makerKeyId, credits: 5, colour: 'red' }, 400, 'colour', 'unknown_parameter'],
    ];
    for (const [body, status, param, code] of cases) {
      const { status: got, json } = await apiRequest(server, 'POST', '/v1/ledger/grants', { body });
      expect(got, JSON.stringify(body)).toBe(status);
      expect(json.error).toMatchObject({ param, code });
    }
    expect((await apiRequest(server, 'POST', '/v1/ledger/grants', { key: makerKey, body: { key_id: makerKeyId, credits: 5 } })).status).toBe(403);
    expect((await apiRequest(server, 'GET', '/v1/ledger/report', { key: makerKey })).status).toBe(403);
    const badDate = await apiRequest(server, 'GET', '/v1/ledger/report?from=last%20week');
    expect(badDate.status).toBe(400);
    expect(badDate.json.error).toMatchObject({ param: 'from' });
    const backwards = await apiRequest(server, 'GET', '/v1/ledger/report?from=2026-02-01&to=2026-01-01');
    expect(backwards.json.error).toMatchObject({ param: 'to' });

    // Taking credits back is an adjustment.
    const taken = await apiRequest(server, 'POST', '/v1/ledger/grants', { body: { key_id: makerKeyId, credits: -2 } });
    expect(taken.json).toMatchObject({ kind: 'adjustment', memo: null });
    expect((await balance(makerKey)).credits).toBe(0);
  });

  it("reports what each artist earned in a period", async () => {
    const { json } = await apiRequest<Report>(server, 'GET', `/v1/ledger/report?from=${today}&to=${today}`);
    expect(json).toMatchObject({ object: 'ledger.report', artists: [{ artist_id: miroId, name: 'Joan Miró', videos: 1, seconds: 2, credits: 6 }], totals: { videos: 1, seconds: 2, credits: 6 } });
    const lastYear = await apiRequest<Report>(server, 'GET', '/v1/ledger/report?from=2025-01-01&to=2025-12-31');
    expect(lastYear.json).toMatchObject({ artists: [], totals: { videos: 0, seconds: 0, credits: 0 } });
  });
});

describe('kinora ledger', () => {
  const ledger = (...args: string[]) => kinoraCli(server, 'ledger', ...args);

  it('prints the report as CSV and as JSON', async () => {
    const csv = (await ledger('report', '--from', today, '--to', today)).stdout;
    expect(csv).toBe(`artist_id,name,videos,seconds,credits\n${miroId},"Joan Miró",1,2,6\ntotal,,1,2,6\n`);
    const json = JSON.parse((await ledger('report', '--from', today, '--to', today, '--format', 'json')).stdout) as Report;
    expect(json.artists).toEqual([{ artist_id: miroId, name: 'Joan Miró', videos: 1, seconds: 2, credits: 6 }]);
    expect((await ledger('report', '--from', '2025-01-01', '--to', '2025-01-31')).stdout).toBe('artist_id,name,videos,seconds,credits\ntotal,,0,0,0\n');
  });

  it('grants credits and shows a balance', async () => {
    expect((await ledger('grant', '--key', makerKeyId, '--credits', '25', '--memo', 'top-up')).stdout).toMatch(new RegExp(`^grant ledger_[0-9a-f]{24}: 25 credits to ${makerKeyId}; balance 25\\n$`));
    expect((await ledger('balance', '--key', makerKeyId)).stdout).toBe(`${makerKeyId}  25 credits\n`);
    expect((await balance(makerKey)).credits).toBe(25);
  });

  it('refuses bad input with readable messages', async () => {
    await expect(ledger('grant', '--key', 'key_missing', '--credits', '5')).rejects.toThrow(/No API key found with id 'key_missing'/);
    await expect(ledger('grant', '--key', makerKeyId, '--credits', 'lots')).rejects.toThrow(/--credits must be a whole number/);
    await expect(ledger('report', '--format', 'xml')).rejects.toThrow(/--format must be csv or json/);
  });
});
