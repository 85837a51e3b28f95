import { InvalidArgumentError, type Command } from 'commander';
import { listAuditLog, type toAuditObject } from '../services/audit-log.js';
import { withCatalog } from './keys-command.js';
import { integerOption } from './parse-options.js';

const unitMs: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `--since 2h`, `--since 7d` (that long ago) or a date/time (`2026-11-30T05:00Z`), as Unix seconds. */
export function parseSince(value: string, now = Date.now()): number {
  const relative = /^(\d{1,6})([smhd])$/.exec(value);
  const at = relative ? now - Number(relative[1]) * unitMs[relative[2]!]! : Date.parse(value);
  if (!Number.isFinite(at)) throw new InvalidArgumentError('--since must be a duration such as 30m, 2h, 7d, or a date such as 2026-11-30T05:00Z.');
  return Math.max(0, Math.floor(at / 1000));
}

function describe(entry: ReturnType<typeof toAuditObject>): string {
  const outcome = entry.decision === 'accepted' ? 'accepted' : `refused ${entry.error_code ?? ''}`.trim();
  const about = [entry.target && `on ${entry.target}`, entry.address && `from ${entry.address}`].filter(Boolean).join(' ');
  const detail = entry.detail ? `  ${JSON.stringify(entry.detail)}` : '';
  return `${new Date(entry.created_at_ms).toISOString()}  ${entry.actor}  ${entry.action}${about ? ` ${about}` : ''}  ${outcome}${detail}`;
}

/** The audit log, newest first, straight from the catalog. */
export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description('read the audit log, newest first')
    .option('--since <when>', 'only entries since then: 30m, 2h, 7d, or a date/time', (v) => parseSince(v))
    .option('--key <id>', 'only entries of this key (key_…)')
    .option('--action <action>', 'only this action, or actions starting with it (keys., halt, POST /v1/videos)')
    .option('--limit <n>', 'how many entries', integerOption('--limit', 1, 100), 50)
    .option('--data-dir <dir>', 'data directory (KINORA_DATA_DIR)')
    .option('--json', 'print JSON')
    .action(async (options: { since?: number; key?: string; action?: string; limit: number; dataDir?: string; json?: boolean }) => {
      const query = { limit: options.limit, since: options.since, key_id: options.key, action: options.action };
      const page = await withCatalog(options.dataDir, (catalog) => listAuditLog(catalog.audit, query));
      if (options.json) process.stdout.write(`${JSON.stringify(page.data, null, 2)}\n`);
      else for (const entry of page.data) process.stdout.write(`${describe(entry)}\n`);
    });
}
