import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { startKinora } from '../runtime/start-kinora.js';
import { integerOption } from './parse-options.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the API and the studio (and, unless --no-worker, the render workers) in this process')
    .option('-p, --port <port>', 'port to listen on (KINORA_PORT, default 8080; 0 picks a free port)', integerOption('port', 0, 65535))
    .option('--host <host>', 'address to listen on (KINORA_HOST, default 127.0.0.1)')
    .option('--data-dir <dir>', 'where the catalog and files live (KINORA_DATA_DIR, default ./data)')
    .option('--workers <n>', 'render jobs run at once (KINORA_WORKERS, default 1)', integerOption('workers', 0, 64))
    .option('--no-worker', 'serve the API only; render nothing in this process')
    .action(async (options: { port?: number; host?: string; dataDir?: string; workers?: number; worker: boolean }) => {
      const config = loadConfig(process.env, {
        port: options.port,
        host: options.host,
        dataDir: options.dataDir,
        workers: options.worker ? options.workers : 0,
      });
      const kinora = await startKinora(config);
      if (kinora.firstAdminKey) {
        // Printed once, straight to the terminal and never through the logger: only its hash is stored.
        process.stdout.write(
          `\nKinora created its first API key (admin). It is shown only this once; keep it safe:\n\n    ${kinora.firstAdminKey}\n\n`,
        );
      }
      process.stdout.write(`Kinora is listening on ${kinora.url}  (studio: ${kinora.url}/, API: ${kinora.url}/v1)\n`);
      const stop = (): void => {
        kinora.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
