import { ComfyServer, ServerDownError } from './comfy-server.js';

/** A server that failed is left out of routing this long, then tried again. */
const downForMs = 30_000;

/**
 * The ComfyUI servers, with routing: each job goes to the healthy server with the shortest queue (asked of each
 * server when the job starts, which is also the health check), skipping servers that failed recently or that the
 * job already lost.
 */
export class ComfyPool {
  readonly servers: readonly ComfyServer[];
  private readonly downUntil = new Map<ComfyServer, number>();

  constructor(urls: readonly string[]) {
    this.servers = urls.map((url) => new ComfyServer(url));
  }

  /** The least busy reachable server, not among `excluded`; ServerDownError when none answers. */
  async leastBusy(signal: AbortSignal, excluded: ReadonlySet<ComfyServer> = new Set()): Promise<ComfyServer> {
    const now = Date.now();
    const candidates = this.servers.filter((server) => !excluded.has(server) && (this.downUntil.get(server) ?? 0) <= now);
    const lengths = await Promise.all(
      candidates.map((server) =>
        server.queue(signal).then(
          ({ length }) => length,
          (error: unknown) => {
            if (signal.aborted) throw error;
            this.markDown(server);
            return Infinity;
          },
        ),
      ),
    );
    let best: ComfyServer | undefined;
    let shortest = Infinity;
    candidates.forEach((server, index) => {
      if (lengths[index]! < shortest) [best, shortest] = [server, lengths[index]!];
    });
    if (!best) throw new ServerDownError(this.servers.map((server) => server.url).join(', '), 'no server of the pool answers');
    return best;
  }

  markDown(server: ComfyServer): void {
    this.downUntil.set(server, Date.now() + downForMs);
  }
}
