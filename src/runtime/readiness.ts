import { sql } from 'kysely';
import type { Catalog } from '../catalog/catalog.js';
import { pendingMigrations } from '../catalog/database.js';

/** One thing a node needs to do its work: it resolves when fine and throws (saying why) when not. */
export interface ReadinessCheck {
  name: string;
  probe: () => Promise<void>;
}

export interface ReadinessReport {
  ready: boolean;
  /** Each check: `ok`, or why it failed. */
  checks: Record<string, string>;
}

/** A check that hangs (a database behind a dead network) must not hang the load balancer's probe with it. */
const probeTimeoutMs = 2000;

/**
 * Whether this node should be sent work: every check passes and it is not shutting down. A load balancer takes a
 * node out of rotation on a 503, and a draining node says so first, so requests stop arriving before it goes.
 */
export class Readiness {
  private draining = false;

  constructor(private readonly checks: readonly ReadinessCheck[]) {}

  /** From now on the node answers not ready: it is shutting down. */
  drain(): void {
    this.draining = true;
  }

  async report(): Promise<ReadinessReport> {
    const results = await Promise.all(this.checks.map(async (check) => [check.name, await outcome(check.probe)] as const));
    const checks: Record<string, string> = Object.fromEntries(results);
    if (this.draining) checks.shutdown = 'shutting down';
    return { ready: !this.draining && results.every(([, result]) => result === 'ok'), checks };
  }
}

async function outcome(probe: () => Promise<void>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${probeTimeoutMs} ms`)), probeTimeoutMs);
  });
  try {
    await Promise.race([probe(), timeout]);
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}

/** The catalog answers, and its schema is the one this build expects. */
export function catalogChecks(catalog: Pick<Catalog, 'db' | 'dialect'>): ReadinessCheck[] {
  return [
    { name: 'catalog', probe: async () => void (await sql`select 1`.execute(catalog.db)) },
    {
      name: 'migrations',
      probe: async () => {
        const pending = await pendingMigrations(catalog.db, catalog.dialect);
        if (pending.length > 0) throw new Error(`pending: ${pending.join(', ')}`);
      },
    },
  ];
}

/** The catalog-backed queue is reachable when its table is. */
export function catalogQueueCheck(catalog: Pick<Catalog, 'db'>): ReadinessCheck {
  return { name: 'queue', probe: async () => void (await catalog.db.selectFrom('jobs').select('video_id').limit(1).execute()) };
}
