import { describe, expect, it } from 'vitest';
import type { Engine, ModelInfo } from './engine.js';
import { createProceduralEngine } from './procedural/procedural-engine.js';
import { EngineRegistry } from './registry.js';

/** An engine that only declares a model: the registry never calls generate. */
function declaring(id: string): Engine {
  const model: ModelInfo = { id, engine: 'openai', description: id, sizes: ['1280x720'], maxSeconds: 20, features: { imageInput: true, remix: false, audio: true } };
  return { name: 'openai', models: [model], generate: () => Promise.reject(new Error('not here')) };
}

describe('EngineRegistry', () => {
  it('gives a served model precedence over an alias of the same name', () => {
    const registry = new EngineRegistry([createProceduralEngine(), declaring('sora-2')], { 'sora-2': 'kinora-1', 'sora-2-pro': 'kinora-1' });
    expect(registry.resolve('sora-2')?.model.engine).toBe('openai');
    expect(registry.resolve('sora-2-pro')?.model.id).toBe('kinora-1');
    expect(registry.names()).toEqual(['kinora-1', 'sora-2', 'sora-2-pro']);
  });

  it('refuses a model served by two engines', () => {
    expect(() => new EngineRegistry([declaring('x'), declaring('x')])).toThrow(/model x is served by two engines/);
  });
});
