import fs from 'node:fs';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { guestSessionsPerAddressPerHour } from '../src/services/guest-policy.js';
import { startKinora, type RunningKinora } from '../src/runtime/start-kinora.js';
import { underSchemaLock } from './helpers/catalog-per-test.js';
import { freshPostgresSchema } from './helpers/catalog-urls.js';
import { tempDataDir } from './helpers/kinora-server.js';
import { deleteRedisKeys, freshRedisPrefix, redisUrl } from './helpers/redis-prefix.js';

/**
 * Two API nodes (`serve --no-worker`) on one PostgreSQL schema and one Redis, as behind a load balancer: a key's
 * requests a minute, the leak watch's windows and an address's guest sessions an hour are one budget, whichever
 * node a request reaches.
 */
const perMinute = 4;
/** A new key's requests in a minute past which the leak watch suspends it (it has no usual usage yet). */
const leakFloor = 6;
const prefix = freshRedisPrefix();
const dataDirs = [tempDataDir('shared-limits-a'), tempDataDir('shared-limits-b')];
let schema: { url: string; drop: () => Promise<void> };
const nodes: RunningKinora[] = [];
let adminKey: string;

const startNode = (dataDir: string): Promise<RunningKinora> => {
  const env = {
    KINORA_DATABASE_URL: schema.url,
    KINORA_REDIS_URL: redisUrl,
    KINORA_REDIS_PREFIX: prefix,
    KINORA_RATE_LIMIT_PER_MINUTE: String(perMinute),
    KINORA_LEAK_MIN_REQUESTS: String(leakFloor),
    KINORA_GUEST: 'true',
    KINORA_LOG_LEVEL: 'silent',
  };
  const config = loadConfig(env, { dataDir, port: 0, host: '127.0.0.1', workers: 0 });
  return startKinora(config, pino({ level: 'silent' }));
};

const listModels = (node: RunningKinora): Promise<Response> => fetch(`${node.url}/v1/models`, { headers: { authorization: `Bearer ${adminKey}` } });

beforeAll(async () => {
  schema = await freshPostgresSchema();
  // The first node migrates the fresh schema (under the lock other test files take) and makes the admin key.
  nodes.push(await underSchemaLock(() => startNode(dataDirs[0]!)));
  adminKey = nodes[0]!.firstAdminKey!;
  nodes.push(await startNode(dataDirs[1]!));
});

afterAll(async () => {
  for (const node of nodes) await node.close();
  if (schema) await underSchemaLock(schema.drop);
  await deleteRedisKeys(prefix);
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('limits shared by two API nodes through Redis', () => {
  it("refuses a key on the second node once the first has used the minute's budget, and watches it for leaks on both", async () => {
    const [a, b] = nodes as [RunningKinora, RunningKinora];
    const remaining: string[] = [];
    for (let n = 0; n < perMinute; n++) {
      const response = await listModels(a);
      expect(response.status).toBe(200);
      remaining.push(response.headers.get('x-ratelimit-remaining-requests')!);
    }
    expect(remaining).toEqual(['3', '2', '1', '0']);

    const refused = await listModels(b);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    const body = (await refused.json()) as { error: { code: string; type: string; message: string } };
    expect(body.error).toMatchObject({ code: 'rate_limit_exceeded', type: 'rate_limit_error' });
    expect((await listModels(a)).status).toBe(429);

    // The leak watch counts every request before the rate limit does: the 7th, over both nodes, passes its floor.
    const suspended = await listModels(b);
    expect(suspended.status).toBe(403);
    const refusal = (await suspended.json()) as { error: { code: string; message: string } };
    expect(refusal.error.code).toBe('key_suspended');
    expect(refusal.error.message).toMatch(new RegExp(`leak watch: ${leakFloor + 1} requests in 60 s`));
  });

  it('counts guest sessions of one address on both nodes together', async () => {
    const startGuest = (node: RunningKinora): Promise<Response> => fetch(`${node.url}/studio/guest`, { method: 'POST' });
    for (let n = 0; n < guestSessionsPerAddressPerHour; n++) expect((await startGuest(nodes[n % 2]!)).status).toBe(200);
    const refused = await startGuest(nodes[0]!);
    expect(refused.status).toBe(429);
    expect((await startGuest(nodes[1]!)).status).toBe(429);
  });
});
