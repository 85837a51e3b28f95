import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { GenerationHalt, ControlRepository } from '../catalog/control-repository.js';
import type { Database } from '../catalog/schema.js';
import type { ApiKey } from '../domain/api-key.js';
import { ApiError } from '../domain/errors.js';
import type { Admission } from '../services/admission.js';
import type { KeyGuard } from './access-control.js';

/** How stale a node's view of the global halt may be: a CLI halt reaches every node well within a second. */
export const haltCacheMs = 500;

/**
 * The global halt as this node sees it: read from the catalog at most every `maxAgeMs`, so many nodes notice a halt
 * made anywhere (another node, the CLI) within a second without a query per request. Concurrent readers share one
 * query.
 */
export class KillSwitch {
  private cached: { halt: GenerationHalt | null; at: number } | undefined;
  private pending: Promise<GenerationHalt | null> | undefined;

  constructor(
    private readonly control: ControlRepository,
    private readonly options: { maxAgeMs?: number; clock?: () => number } = {},
  ) {}

  async current(): Promise<GenerationHalt | null> {
    const now = (this.options.clock ?? Date.now)();
    if (this.cached && now - this.cached.at < (this.options.maxAgeMs ?? haltCacheMs)) return this.cached.halt;
    this.pending ??= this.control
      .halt()
      .then((halt) => {
        this.cached = { halt, at: now };
        return halt;
      })
      .finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** Forgets the cached state: this node just changed it. */
  invalidate(): void {
    this.cached = undefined;
  }
}

export const generationHalted = (halt: GenerationHalt): ApiError =>
  new ApiError(503, `New generations are halted by the operator: ${halt.reason}`, {
    code: 'generation_halted',
    // The SDK retries a 503 at once unless told not to; a halt lasts until an operator lifts it.
    headers: { 'x-should-retry': 'false' },
  });

export const keySuspended = (key: Pick<ApiKey, 'suspension'>): ApiError =>
  new ApiError(403, `This API key is suspended: ${key.suspension?.reason ?? 'by the operator'}`, { code: 'key_suspended' });

/** While halted, every new video of every kind is refused; reads keep working. */
export function haltAdmission(killSwitch: KillSwitch): Admission {
  return {
    async check() {
      const halt = await killSwitch.current();
      if (halt) throw generationHalted(halt);
    },
  };
}

/** A suspended key can do nothing at all; its suspension is read with the key, so this costs no query. */
export const suspensionGuard: KeyGuard = (_request, key) => (key.suspension ? Promise.reject(keySuspended(key)) : Promise.resolve());

/**
 * The jobs a worker must leave queued: all of them while generation is halted, and those of suspended keys. They
 * start once the halt or the suspension is lifted (for the embedded queue's claim).
 */
export function jobsHeldByKillSwitch(eb: ExpressionBuilder<Database, 'jobs'>): Expression<SqlBool> {
  return eb.or([
    eb.exists(eb.selectFrom('generation_halt').select('generation_halt.id')),
    eb.exists(
      eb
        .selectFrom('videos')
        .innerJoin('api_keys', 'api_keys.id', 'videos.owner_key_id')
        .select('videos.id')
        .whereRef('videos.id', '=', 'jobs.video_id')
        .where('api_keys.suspended_at', 'is not', null),
    ),
  ]);
}
