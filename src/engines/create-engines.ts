import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Engine } from './engine.js';
import { createComfyUiEngine } from './comfyui/comfyui-engine.js';
import { createOpenAiEngine } from './openai/openai-engine.js';
import { createProceduralEngine } from './procedural/procedural-engine.js';
import { EngineRegistry } from './registry.js';

/**
 * The engines this configuration serves: the built-in procedural one always, and an OpenAI-compatible upstream when
 * `KINORA_UPSTREAM_*` names one, and the models of a ComfyUI pool when `KINORA_COMFYUI_URLS` names its servers.
 */
export async function createEngines(config: Readonly<Config>, logger: Logger): Promise<EngineRegistry> {
  const engines: Engine[] = [createProceduralEngine()];
  if (config.upstream) {
    // The error is already stripped of the key; the URL is the operator's own setting.
    const upstream = await createOpenAiEngine(config.upstream, (error) =>
      logger.warn({ upstream: config.upstream?.url, reason: String(error) }, 'could not list the upstream models; using the known limits of OpenAI models'),
    );
    engines.push(upstream);
    logger.info({ upstream: config.upstream.url, models: upstream.models.map((model) => model.id) }, 'serving models of an OpenAI-compatible upstream');
  }
  if (config.comfyui) {
    const comfyui = await createComfyUiEngine(config.comfyui);
    engines.push(comfyui);
    logger.info({ servers: config.comfyui.urls, models: comfyui.models.map((model) => model.id) }, 'serving open video models on a pool of ComfyUI servers');
  }
  return new EngineRegistry(engines, config.modelAliases);
}
