import { describe, expect, it } from 'vitest';
import { openCatalog } from '../catalog/catalog.js';
import { Readiness, catalogChecks } from './readiness.js';

describe('readiness', () => {
  it('is ready when every check passes, and names each failing check with its reason otherwise', async () => {
    const passing = new Readiness([{ name: 'catalog', probe: () => Promise.resolve() }]);
    expect(await passing.report()).toEqual({ ready: true, checks: { catalog: 'ok' } });
    const failing = new Readiness([
      { name: 'catalog', probe: () => Promise.resolve() },
      { name: 'queue', probe: () => Promise.reject(new Error('connection refused')) },
    ]);
    expect(await failing.report()).toEqual({ ready: false, checks: { catalog: 'ok', queue: 'connection refused' } });
  });

  it('gives up on a check that hangs instead of hanging the probe', async () => {
    const hanging = new Readiness([{ name: 'catalog', probe: () => new Promise<void>(() => undefined) }]);
    expect(await hanging.report()).toEqual({ ready: false, checks: { catalog: 'no answer within 2000 ms' } });
  });

  it('says not ready once draining, so a load balancer stops sending work before the node stops', async () => {
    const readiness = new Readiness([{ name: 'catalog', probe: () => Promise.resolve() }]);
    readiness.drain();
    expect(await readiness.report()).toEqual({ ready: false, checks: { catalog: 'ok', shutdown: 'shutting down' } });
  });

  it('checks that the catalog answers and has no pending migration', async () => {
    const catalog = await openCatalog('sqlite::memory:');
    const readiness = new Readiness(catalogChecks(catalog));
    expect(await readiness.report()).toEqual({ ready: true, checks: { catalog: 'ok', migrations: 'ok' } });
    await catalog.close();
    expect((await readiness.report()).ready).toBe(false);
  });
});
