import type { Command } from 'commander';
import type { ControlState } from '../services/generation-control.js';
import { GenerationControl, toControlObject } from '../services/generation-control.js';
import { auditCliAction, cliActor } from './cli-audit.js';
import { withCatalog } from './keys-command.js';

interface ControlOptions {
  key?: string;
  reason?: string;
  cancelQueued?: boolean;
  dataDir?: string;
  json?: boolean;
}

function describe(state: ControlState): string {
  const lines = [state.halt ? `generation HALTED since ${new Date(state.halt.since).toISOString()} by ${state.halt.by}: ${state.halt.reason}` : 'generation running'];
  for (const k of state.suspendedKeys) lines.push(`key ${k.id} (${k.name}) suspended ${new Date(k.since).toISOString()} (${k.by}): ${k.reason}`);
  return `${lines.join('\n')}\n`;
}

function print(state: ControlState, json: boolean | undefined, cancelled?: string[]): void {
  if (json) process.stdout.write(`${JSON.stringify(toControlObject(state, cancelled), null, 2)}\n`);
  else process.stdout.write(`${cancelled?.length ? `ended ${cancelled.length} queued video(s)\n` : ''}${describe(state)}`);
}

/**
 * The kill switch straight on the catalog (the operator's machine), so it works when the API is down or swamped;
 * every API node sees the change within a second.
 */
export function registerControlCommands(program: Command): void {
  program
    .command('halt')
    .description('stop new generations at once: everywhere, or every request of one key')
    .requiredOption('--reason <text>', 'why; shown to callers refused meanwhile')
    .option('--key <id>', 'suspend only this key (key_…)')
    .option('--cancel-queued', 'also end the queued videos (all, or the key\'s) as failed with generation_halted')
    .option('--data-dir <dir>', 'data directory (KINORA_DATA_DIR)')
    .option('--json', 'print JSON')
    .action(async (options: ControlOptions) => {
      const body = { reason: options.reason, ...(options.key !== undefined && { key_id: options.key }), cancel_queued: options.cancelQueued === true };
      const { cancelled, ...state } = await withCatalog(options.dataDir, async (catalog) => {
        const outcome = await new GenerationControl({ catalog }).halt(body, cliActor());
        await auditCliAction(catalog, { action: 'halt', keyId: options.key ?? null, target: options.key ?? null, detail: { ...body, cancelled_videos: outcome.cancelled.length } });
        return outcome;
      });
      print(state, options.json, cancelled);
    });

  program
    .command('resume')
    .description('lift a halt, or one key\'s suspension')
    .option('--key <id>', 'resume only this key (key_…)')
    .option('--data-dir <dir>', 'data directory (KINORA_DATA_DIR)')
    .option('--json', 'print JSON')
    .action(async (options: ControlOptions) => {
      const body = options.key !== undefined ? { key_id: options.key } : {};
      const state = await withCatalog(options.dataDir, async (catalog) => {
        const resumed = await new GenerationControl({ catalog }).resume(body);
        await auditCliAction(catalog, { action: 'resume', keyId: options.key ?? null, target: options.key ?? null, detail: body });
        return resumed;
      });
      print(state, options.json);
    });
}
