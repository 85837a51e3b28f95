import type { Engine, ModelInfo } from './engine.js';

/**
 * Which engine serves which model, and the public names a model answers to (its own id, or an alias such as
 * OpenAI's `sora-2`). The worker and the API both look models up here and never know engines by name.
 */
export class EngineRegistry {
  private readonly byModel = new Map<string, { engine: Engine; model: ModelInfo }>();

  constructor(
    engines: readonly Engine[],
    private readonly aliases: Readonly<Record<string, string>> = {},
  ) {
    for (const engine of engines) {
      for (const model of engine.models) {
        if (this.byModel.has(model.id)) throw new Error(`model ${model.id} is served by two engines`);
        this.byModel.set(model.id, { engine, model });
      }
    }
    for (const [alias, target] of Object.entries(aliases)) {
      if (!this.byModel.has(target)) throw new Error(`model alias ${alias} points at unknown model ${target}`);
    }
  }

  /** The model a requested name means, or undefined when nothing serves it. */
  resolve(name: string): { engine: Engine; model: ModelInfo } | undefined {
    return this.byModel.get(name) ?? this.byModel.get(this.aliases[name] ?? '');
  }

  /** Names a client may send: model ids first, then aliases (an alias spelt like a model id is that model's). */
  names(): string[] {
    return [...this.byModel.keys(), ...Object.keys(this.aliases).filter((alias) => !this.byModel.has(alias))];
  }

  /** Warms every engine that can be warmed up, together (see Engine.warmUp). */
  async warmUp(): Promise<void> {
    const engines = new Set([...this.byModel.values()].map((entry) => entry.engine));
    await Promise.all([...engines].flatMap((engine) => (engine.warmUp ? [engine.warmUp()] : [])));
  }

  models(): ModelInfo[] {
    return [...this.byModel.values()].map((entry) => entry.model);
  }
}
