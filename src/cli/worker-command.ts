import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { createLogger } from '../runtime/logger.js';
import { startWorkerNode } from '../runtime/worker-node.js';
import { integerOption } from './parse-options.js';

interface WorkerCommandOptions {
  concurrency?: number;
  engines?: string;
  dataDir?: string;
  host?: string;
  metricsPort?: number;
  drainSeconds: number;
}

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('run render workers only (no API), taking jobs from the shared catalog (KINORA_DATABASE_URL) and storing outputs in the shared blob store (KINORA_BLOB_URL)')
    .option('-c, --concurrency <n>', 'render jobs run at once (KINORA_WORKERS, default 1)', integerOption('concurrency', 1, 64))
    .option('--engines <names>', 'take only jobs of the models these engines serve, comma-separated (default: every engine)')
    .option('--data-dir <dir>', 'scratch space and signing identity (KINORA_DATA_DIR, default ./data)')
    .option('--host <host>', 'address of the metrics port (KINORA_HOST, default 127.0.0.1)')
    .option('--metrics-port <port>', 'serve /healthz, /readyz and /metrics on this port (0: a free one)', integerOption('metrics-port', 0, 65535))
    .option('--drain-seconds <n>', 'on SIGTERM/SIGINT, let the renders in hand finish for this long before stopping them', integerOption('drain-seconds', 0, 3600), 25)
    .action(async (options: WorkerCommandOptions) => {
      const config = loadConfig(process.env, { dataDir: options.dataDir, host: options.host, workers: options.concurrency });
      const engines = options.engines?.split(',').map((name) => name.trim()).filter(Boolean);
      const logger = createLogger(config.logLevel);
      const node = await startWorkerNode(config, { concurrency: Math.max(1, config.workers), engines, metricsPort: options.metricsPort }, logger);
      process.stdout.write(`Kinora worker running ${Math.max(1, config.workers)} at once${node.url ? `; health and metrics on ${node.url}` : ''}\n`);
      let stopping = false;
      const stop = (): void => {
        // A second signal means now: the jobs in hand are taken up by another worker after their lease.
        if (stopping) process.exit(1);
        stopping = true;
        node.close(options.drainSeconds * 1000).then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
