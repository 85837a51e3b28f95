#!/usr/bin/env node
import { Command } from 'commander';
import { registerArtistsCommand } from './artists-command.js';
import { registerGenerateCommand } from './generate-command.js';
import { registerKeysCommand } from './keys-command.js';
import { registerPlanCommand } from './plan-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerVocabCommand } from './vocab-command.js';
import { version } from './version.js';

/** `kinora` — one binary for the server and for local use of the engine. */
const program = new Command()
  .name('kinora')
  .description('Kinora: an open text-to-video studio with an OpenAI-compatible Videos API')
  .version(version)
  .showHelpAfterError();

registerServeCommand(program);
registerGenerateCommand(program);
registerPlanCommand(program);
registerKeysCommand(program);
registerArtistsCommand(program);
registerVocabCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`kinora: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
