import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../src/catalog/catalog.js';
import { underSchemaLock } from './helpers/catalog-per-test.js';
import { freshPostgresSchema, postgresUrl } from './helpers/catalog-urls.js';
import { expectCompletedOnce, finishedAll, killed } from './helpers/kinora-cluster.js';
import { spawnKinora, spawnServer, tempDataDir, waitFor, type ServerProcess } from './helpers/kinora-server.js';
import { startRedisServer, type RedisServerProcess } from './helpers/redis-server-process.js';
import { startProxyFor, throughProxy, type TcpProxy } from './helpers/tcp-proxy.js';

/**
 * Redis and PostgreSQL go away mid-run and come back, while clients keep creating videos through two
 * `kinora serve --no-worker` nodes rendered by two `kinora worker` nodes. Redis is the test's own redis-server
 * (killed and started again on its port, append-only file kept); PostgreSQL is the shared one behind a TCP proxy
 * the test cuts. Every create a node accepted must complete exactly once, every refusal must be one a client
 * retries (503 with Retry-After), and the same node processes must carry on without a restart.
 */
const blobDir = tempDataDir('outage-blobs');
const dataDirs: string[] = [];
let schema: { url: string; drop: () => Promise<void> };
let catalog: Catalog;
let redis: RedisServerProcess;
let postgresProxy: TcpProxy;
const apis: ServerProcess[] = [];
const workers: ServerProcess[] = [];
let apiKey: string;

/** Longer than any answer a node gives when its backends are down takes; past it a create counts as hung. */
const answerWithinMs = 15_000;
const submitEveryMs = 400;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type Phase = 'before' | 'during' | 'after';
interface CreateOutcome {
  phase: Phase;
  status: number | 'no answer';
  retryAfter: string | null;
  body: unknown;
}

function nodeDir(label: string): string {
  const dir = tempDataDir(`outage-${label}`);
  dataDirs.push(dir);
  return dir;
}

async function create(n: number, phase: Phase): Promise<CreateOutcome> {
  try {
    const response = await fetch(`${apis[n % apis.length]!.url}/v1/videos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'kinora-1', prompt: `${['a red kite', 'two green frogs', 'a paper boat'][n % 3]} at noon, take ${n}`, size: '854x480', seconds: '1' }),
      signal: AbortSignal.timeout(answerWithinMs),
    });
    return { phase, status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() };
  } catch (error) {
    return { phase, status: 'no answer', retryAfter: null, body: String(error) };
  }
}

/**
 * Creates a video every `submitEveryMs` through both API nodes: before a backend is taken away (once a render is under
 * way), for `downMs` while it is away, and after it is back until the nodes accept creates again.
 */
async function submitAcross(backend: { takeAway: () => Promise<void>; bringBack: () => Promise<void> }, downMs: number): Promise<CreateOutcome[]> {
  const outcomes: Array<Promise<CreateOutcome>> = [];
  const answered: CreateOutcome[] = [];
  let phase: Phase = 'before';
  let submitting = true;
  const submitter = (async () => {
    for (let n = 0; submitting; n++) {
      outcomes.push(
        create(n, phase).then((outcome) => {
          answered.push(outcome);
          return outcome;
        }),
      );
      await sleep(submitEveryMs);
    }
  })();
  try {
    await aRenderUnderWay();
    await backend.takeAway();
    phase = 'during';
    await sleep(downMs);
    await backend.bringBack();
    phase = 'after';
    // The same processes take work again by themselves: no node is restarted.
    const acceptedAgain = (): boolean => answered.some((outcome) => outcome.phase === 'after' && outcome.status === 200);
    await waitFor(() => Promise.resolve(acceptedAgain() || undefined), 'a create accepted after the outage', 60_000, 100);
  } finally {
    submitting = false;
    await submitter;
  }
  return Promise.all(outcomes);
}

const accepted = (outcomes: CreateOutcome[]): string[] => outcomes.filter((outcome) => outcome.status === 200).map((outcome) => (outcome.body as { id: string }).id);

/** Every create was accepted or refused with a 503 a client retries: never a 500, never left without an answer. */
function expectAcceptedOrRetryable(outcomes: CreateOutcome[]): void {
  const refusals = outcomes.filter((outcome) => outcome.status !== 200);
  for (const refusal of refusals) {
    expect({ status: refusal.status, retryAfterSeconds: /^[1-9]\d*$/.test(refusal.retryAfter ?? '') }, JSON.stringify(refusal)).toEqual({ status: 503, retryAfterSeconds: true });
    const { error } = refusal.body as { error: Record<string, unknown> };
    expect({ ...error, message: typeof error.message }).toEqual({ message: 'string', type: 'server_error', param: null, code: 'service_unavailable' });
  }
}

async function aRenderUnderWay(): Promise<void> {
  await waitFor(async () => ((await catalog.db.selectFrom('jobs').select('video_id').where('status', '=', 'claimed').executeTakeFirst()) ? true : undefined), 'a render under way', 120_000, 20);
}

/** The very processes started at the beginning are still running, ready, and render what is created now. */
async function expectSameNodesServing(): Promise<void> {
  for (const node of [...apis, ...workers]) {
    expect(node.child.exitCode ?? node.child.signalCode, node.output()).toBeNull();
    const ready = await waitFor(async () => ((await fetch(`${node.url}/readyz`)).status === 200 ? true : undefined), `${node.url} to be ready`, 30_000, 250);
    expect(ready).toBe(true);
  }
}

beforeAll(async () => {
  schema = await freshPostgresSchema();
  catalog = await underSchemaLock(() => openCatalog(schema.url));
  [redis, postgresProxy] = await Promise.all([startRedisServer(), startProxyFor(postgresUrl, 5432)]);
  const nodeEnv = {
    KINORA_DATABASE_URL: throughProxy(schema.url, postgresProxy),
    KINORA_REDIS_URL: redis.url,
    KINORA_BLOB_URL: `file://${blobDir}`,
    KINORA_LEASE_SECONDS: '3',
    KINORA_RATE_LIMIT_PER_MINUTE: '0',
  };
  const startApi = async (label: string): Promise<void> => void apis.push(await spawnServer(nodeDir(label), nodeEnv, ['--no-worker']));
  // The first API node makes the admin key of the empty catalog; the other nodes start once it exists.
  await startApi('api-1');
  apiKey = apis[0]!.adminKey!;
  // Each node is listed as soon as it runs, so that afterAll stops it even when another one failed to start.
  const startWorker = async (label: string): Promise<void> =>
    void workers.push(await spawnKinora(['worker', '--data-dir', nodeDir(label), '--metrics-port', '0', '--drain-seconds', '5'], nodeEnv, /metrics on (http:\/\/\S+)/));
  await Promise.all([startApi('api-2'), startWorker('worker-1'), startWorker('worker-2')]);
}, 120_000);

afterAll(async () => {
  await Promise.all([...apis, ...workers].map(killed));
  await Promise.all([redis?.close(), postgresProxy?.close()]);
  await catalog?.close();
  if (schema) await underSchemaLock(schema.drop);
  for (const dir of [blobDir, ...dataDirs]) fs.rmSync(dir, { recursive: true, force: true });
});

describe('backend outages during a distributed run', () => {
  it('Redis killed mid-run and started again: every accepted create completes once, refusals are retryable', async () => {
    const outcomes = await submitAcross({ takeAway: () => redis.kill(), bringBack: () => redis.start() }, 6000);
    expectAcceptedOrRetryable(outcomes);
    const ids = accepted(outcomes);
    // While Redis is away a create is refused (the API's shared rate counters live there) or accepted (the catalog,
    // not Redis, holds the job, and dispatch follows once Redis is back): either way the client knows where it stands.
    expect(outcomes.filter((outcome) => outcome.phase === 'during').length).toBeGreaterThan(0);
    await finishedAll(catalog.db, ids);
    await expectCompletedOnce(catalog.db, blobDir, ids);
    await expectSameNodesServing();
  }, 480_000);

  it('PostgreSQL cut off mid-run and back: every accepted create completes once, refusals are retryable', async () => {
    const outcomes = await submitAcross({ takeAway: () => postgresProxy.cut(), bringBack: () => postgresProxy.restore() }, 5000);
    expectAcceptedOrRetryable(outcomes);
    // Without its catalog a node cannot record a video: it says so, and the client retries.
    expect(outcomes.filter((outcome) => outcome.phase === 'during' && outcome.status === 503).length).toBeGreaterThan(0);
    const ids = accepted(outcomes);
    await finishedAll(catalog.db, ids);
    await expectCompletedOnce(catalog.db, blobDir, ids);
    await expectSameNodesServing();
  }, 480_000);
});
