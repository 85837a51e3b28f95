import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** A worker process as it announces itself: where it runs, which models it takes jobs for, how many at once. */
export interface WorkerPresence {
  id: string;
  host: string;
  pid: number;
  models: readonly string[];
  concurrency: number;
  startedAt: number;
}

/** The live worker nodes of a deployment, as their own heartbeats in the catalog say. */
export class WorkersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Writes (or refreshes) this worker's row. */
  async beat(worker: WorkerPresence, now = Date.now()): Promise<void> {
    await this.db
      .insertInto('workers')
      .values({ id: worker.id, host: worker.host, pid: worker.pid, models: worker.models.join(','), concurrency: worker.concurrency, started_at: worker.startedAt, last_seen: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ last_seen: now }))
      .execute();
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('workers').where('id', '=', id).execute();
  }

  /** Workers heard from since `since`. */
  async active(since: number): Promise<WorkerPresence[]> {
    const rows = await this.db.selectFrom('workers').selectAll().where('last_seen', '>=', since).orderBy('started_at').execute();
    return rows.map((row) => ({ id: row.id, host: row.host, pid: row.pid, models: row.models.split(',').filter(Boolean), concurrency: row.concurrency, startedAt: row.started_at }));
  }

  /** Forgets workers not heard from since `before` (they died without saying goodbye). */
  async prune(before: number): Promise<number> {
    const result = await this.db.deleteFrom('workers').where('last_seen', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
