import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { LedgerService, reportCsv, type ReportObject } from '../services/ledger-service.js';
import { withCatalog } from './keys-command.js';
import { integerOption } from './parse-options.js';

interface LedgerOptions {
  dataDir?: string;
  json?: boolean;
}

function printReport(report: ReportObject, format: string): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  process.stdout.write(reportCsv(report));
}

/** Credits and artists' pay, straight on the catalog (the operator's machine), with the server up or down. */
export function registerLedgerCommand(program: Command): void {
  const ledger = program.command('ledger').description('credit balances, grants, and what each artist earned');
  const withLedger = <T>(dataDir: string | undefined, run: (service: LedgerService) => Promise<T>): Promise<T> =>
    withCatalog(dataDir, (catalog) => run(new LedgerService({ catalog, creditsRequired: loadConfig(process.env, { dataDir }).creditsRequired })));

  ledger
    .command('grant')
    .description('give a key credits (a negative number takes credits back)')
    .requiredOption('--key <id>', 'key id (key_…)')
    .requiredOption('--credits <n>', 'whole credits', integerOption('--credits', -1_000_000_000, 1_000_000_000))
    .option('--memo <text>', 'why, for the record')
    .option('--data-dir <dir>', 'data directory (KINORA_DATA_DIR)')
    .option('--json', 'print JSON')
    .action(async (options: LedgerOptions & { key: string; credits: number; memo?: string }) => {
      const { granted, balance } = await withLedger(options.dataDir, async (service) => {
        const body = { key_id: options.key, credits: options.credits, ...(options.memo !== undefined && { memo: options.memo }) };
        return { granted: await service.grant(body), balance: await service.balance(options.key) };
      });
      if (options.json) process.stdout.write(`${JSON.stringify(granted, null, 2)}\n`);
      else process.stdout.write(`${granted.kind} ${granted.id}: ${options.credits} credits to ${options.key}; balance ${balance.credits}\n`);
    });

  ledger
    .command('balance')
    .description("a key's credit balance")
    .requiredOption('--key <id>', 'key id (key_…)')
    .option('--data-dir <dir>', 'data directory (KINORA_DATA_DIR)')
    .option('--json', 'print JSON')
    .action(async (options: LedgerOptions & { key: string }) => {
      const balance = await withLedger(options.dataDir, (service) => service.balance(options.key));
      if (options.json) process.stdout.write(`${JSON.stringify(balance, null, 2)}\n`);
      else process.stdout.write(`${balance.key_id}  ${balance.credits} credits\n`);
    });

  ledger
    .command('report')
    .description('what each licensed artist earned in a period, with totals')
    .option('--from <date>', 'first day (YYYY-MM-DD, UTC) or an exact ISO time; default: the beginning')
    .option('--to <date>', 'last day, included (YYYY-MM-DD, UTC), or an exact ISO time, excluded; default: now')
    .option('--format <format>', 'csv | json', 'csv')
    .option('--data-dir <dir>', 'data directory (KINORA_DATA_DIR)')
    .action(async (options: LedgerOptions & { from?: string; to?: string; format: string }) => {
      if (options.format !== 'csv' && options.format !== 'json') throw new Error('--format must be csv or json');
      const query = { ...(options.from !== undefined && { from: options.from }), ...(options.to !== undefined && { to: options.to }) };
      printReport(await withLedger(options.dataDir, (service) => service.report(query)), options.format);
    });
}
