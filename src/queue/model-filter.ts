import type { EngineRegistry } from '../engines/registry.js';

/**
 * The model names a worker started with `--engines` takes jobs for (the queue's `models` filter): the ids and the
 * aliases of every model those engines serve, since a video keeps the name it was asked for (`sora-2` as well as
 * `kinora-1`). An engine name nothing serves is a typo, refused at start.
 */
export function modelNamesOfEngines(registry: EngineRegistry, engineNames: readonly string[]): string[] {
  const known = new Set(registry.models().map((model) => model.engine));
  const unknown = engineNames.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new Error(`Unknown engine ${unknown.join(', ')}: this build runs ${[...known].join(', ')}.`);
  return registry.names().filter((name) => engineNames.includes(registry.resolve(name)!.model.engine));
}
