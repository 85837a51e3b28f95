import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Catalog } from '../catalog/catalog.js';
import type { JobMetrics, JobOutcome } from '../worker/job-metrics.js';

/** A worker row older than this belongs to a worker that died: it heartbeats every `workerBeatMs`. */
export const workerBeatMs = 5000;
export const workerStaleMs = 3 * workerBeatMs;

/** Render times run from under a second (a short 480p clip) to minutes (20 s of 1080p on a busy node). */
const jobBuckets = [0.5, 1, 2, 5, 10, 20, 40, 80, 160, 320, 640];
const httpBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * One node's Prometheus metrics. What the whole deployment shares (queue depth, live workers) is read from the
 * catalog when scraped, so every node reports the same figures; what happens in this process (HTTP requests, the
 * renders it runs) is counted here, so a scrape of every node adds up.
 */
export class NodeMetrics implements JobMetrics {
  readonly registry = new Registry();
  private readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly jobDuration: Histogram<'kind' | 'model' | 'outcome'>;
  private readonly jobFailures: Counter<'code' | 'outcome'>;
  private readonly rendersInProgress: Gauge;

  constructor(catalog: Pick<Catalog, 'db' | 'workers'>, role: 'embedded' | 'api' | 'worker') {
    const registry = this.registry;
    registry.setDefaultLabels({ role });
    collectDefaultMetrics({ register: registry, prefix: 'kinora_process_' });
    this.httpRequests = new Counter({ name: 'kinora_http_requests_total', help: 'HTTP requests answered, by route template and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
    this.httpDuration = new Histogram({ name: 'kinora_http_request_duration_seconds', help: 'Time to answer an HTTP request (an event stream counts until it closes)', labelNames: ['method', 'route', 'status'], buckets: httpBuckets, registers: [registry] });
    this.jobDuration = new Histogram({ name: 'kinora_job_duration_seconds', help: 'Time one attempt at a job ran on this node, by how it ended', labelNames: ['kind', 'model', 'outcome'], buckets: jobBuckets, registers: [registry] });
    this.jobFailures = new Counter({ name: 'kinora_job_failures_total', help: 'Failed attempts on this node, by error code and whether the job will be retried', labelNames: ['code', 'outcome'], registers: [registry] });
    this.rendersInProgress = new Gauge({ name: 'kinora_renders_in_progress', help: 'Jobs this node is running now', registers: [registry] });
    new Gauge({
      name: 'kinora_queue_jobs',
      help: 'Jobs in the queue of the whole deployment: waiting (queued, including retries in backoff and held jobs) and running (claimed)',
      labelNames: ['status'],
      registers: [registry],
      async collect() {
        const rows = await catalog.db
          .selectFrom('jobs')
          .select((eb) => ['status', eb.fn.countAll<number | string>().as('jobs')])
          .where('status', 'in', ['queued', 'claimed'])
          .groupBy('status')
          .execute();
        this.reset();
        for (const status of ['queued', 'claimed']) this.set({ status }, Number(rows.find((row) => row.status === status)?.jobs ?? 0));
      },
    });
    const liveWorkers = () => catalog.workers.active(Date.now() - workerStaleMs);
    new Gauge({
      name: 'kinora_workers_active',
      help: 'Worker processes of the whole deployment that heartbeat (embedded nodes with a worker pool included)',
      registers: [registry],
      async collect() {
        this.set((await liveWorkers()).length);
      },
    });
    new Gauge({
      name: 'kinora_worker_slots',
      help: 'Jobs the live workers of the whole deployment can run at once',
      registers: [registry],
      async collect() {
        this.set((await liveWorkers()).reduce((sum, worker) => sum + worker.concurrency, 0));
      },
    });
  }

  /** One answered request: `route` is the route's template (never the raw URL, whose ids would explode the labels). */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }

  jobStarted(kind: string, model: string): (outcome: JobOutcome, errorCode?: string) => void {
    this.rendersInProgress.inc();
    const stopTimer = this.jobDuration.startTimer({ kind, model });
    return (outcome, errorCode) => {
      this.rendersInProgress.dec();
      stopTimer({ outcome });
      if (outcome === 'failed' || outcome === 'retrying') this.jobFailures.inc({ code: errorCode ?? 'generation_failed', outcome });
    };
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
