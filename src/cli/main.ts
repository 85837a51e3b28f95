#!/usr/bin/env node
// First: it configures the native canvas library's allocator, which reads its options when it loads.
import '../runtime/skia-allocator.js';
import { Command } from 'commander';
import { registerArtistsCommand } from './artists-command.js';
import { registerAuditCommand } from './audit-command.js';
import { registerControlCommands } from './control-command.js';
import { registerGenerateCommand } from './generate-command.js';
import { registerKeysCommand } from './keys-command.js';
import { registerLedgerCommand } from './ledger-command.js';
import { registerPlanCommand } from './plan-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerVerifyCommand } from './verify-command.js';
import { registerVocabCommand } from './vocab-command.js';
import { registerWorkerCommand } from './worker-command.js';
import { version } from './version.js';

/** `kinora` — one binary for the server and for local use of the engine. */
const program = new Command()
  .name('kinora')
  .description('Kinora: an open text-to-video studio with an OpenAI-compatible Videos API')
  .version(version)
  .showHelpAfterError();

registerServeCommand(program);
registerWorkerCommand(program);
registerGenerateCommand(program);
registerPlanCommand(program);
registerKeysCommand(program);
registerArtistsCommand(program);
registerControlCommands(program);
registerAuditCommand(program);
registerLedgerCommand(program);
registerVocabCommand(program);
registerVerifyCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`kinora: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
