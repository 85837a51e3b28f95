import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { defaultSeconds, kinoraSizes, parseSize } from '../domain/sizes.js';
import { createProceduralEngine } from '../engines/procedural/procedural-engine.js';
import { EngineRegistry } from '../engines/registry.js';
import { manifestFacts } from '../provenance/video-provenance.js';
import { signMp4 } from '../provenance/sign-mp4.js';
import { drawWatermark } from '../provenance/watermark.js';
import { resolveMediaTools } from '../media/ffmpeg-binaries.js';
import { loadSigningIdentity } from '../provenance/signing-identity.js';
import { localCredits } from './local-credits.js';
import { integerOption } from './parse-options.js';
import { progressBar } from './progress-bar.js';

interface GenerateOptions {
  output: string;
  size: string;
  seconds: number;
  seed?: number;
  model: string;
  json?: boolean;
  dataDir?: string;
}

/**
 * Renders one video in this process, with no server: the quickest way to try the engine. It still honours what the
 * server would: a prompt naming an artist who refused is refused (when this data directory has a registry), and the
 * MP4 is signed with the instance's C2PA identity, credits included.
 */
export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description('render a video from a prompt, locally, without a server')
    .argument('<prompt>', 'what the video shows')
    .option('-o, --output <file>', 'where to write the MP4', 'kinora.mp4')
    .option('--size <WxH>', `one of ${kinoraSizes.join(', ')}`, '1280x720')
    .option('--seconds <n>', 'length in seconds', integerOption('seconds', 1, 20), defaultSeconds)
    .option('--seed <n>', 'seed for a reproducible result (random if omitted)', integerOption('seed', 0, 2 ** 32 - 1))
    .option('--model <name>', 'model to use', 'kinora-1')
    .option('--json', 'print a JSON summary (with the scene plan) on stdout')
    .option('--data-dir <dir>', 'data directory whose artist registry and signing identity to use (KINORA_DATA_DIR)')
    .action(async (prompt: string, options: GenerateOptions) => {
      const config = loadConfig(process.env, { dataDir: options.dataDir });
      const served = new EngineRegistry([createProceduralEngine()], config.modelAliases).resolve(options.model);
      if (!served) throw new Error(`unknown model "${options.model}"`);
      if (!served.model.sizes.includes(options.size)) throw new Error(`size must be one of ${served.model.sizes.join(', ')}`);
      if (options.seconds > served.model.maxSeconds) throw new Error(`seconds must be at most ${served.model.maxSeconds}`);
      const credits = await localCredits(config.databaseUrl, prompt);
      const seed = options.seed ?? randomInt(2 ** 32);
      const workDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'kinora-generate-'));
      const abort = new AbortController();
      process.once('SIGINT', () => abort.abort(new Error('interrupted')));
      const bar = progressBar('rendering');
      const started = Date.now();
      try {
        const result = await served.engine.generate(
          { model: served.model.id, prompt, ...parseSize(options.size), seconds: options.seconds, seed },
          { signal: abort.signal, onProgress: (f) => bar.update(f), workDir },
        );
        const identity = await loadSigningIdentity({ keyPath: config.provenance.signingKeyPath, certPath: config.provenance.signingCertPath, dataDir: config.dataDir });
        const render = { videoId: null, model: served.model.id, seed, prompt, credits, kind: 'generate', watermark: config.provenance.watermark, engineName: served.engine.name };
        if (render.watermark) await drawWatermark(await resolveMediaTools(), result.file, workDir, abort.signal);
        await signMp4(result.file, manifestFacts(render, config.provenance.trainingMining), identity);
        await fs.promises.copyFile(result.file, options.output);
        const elapsed = (Date.now() - started) / 1000;
        bar.done(`wrote ${options.output} (${options.size}, ${options.seconds} s, seed ${seed}) in ${elapsed.toFixed(1)} s`);
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ file: path.resolve(options.output), model: served.model.id, size: options.size, seconds: options.seconds, seed, plan: result.plan ?? null }, null, 2)}\n`);
        } else if (result.plan?.unmatched.length) {
          process.stderr.write(`not understood: ${result.plan.unmatched.join(', ')}\n`);
        }
      } finally {
        await fs.promises.rm(workDir, { recursive: true, force: true });
      }
    });
}
