import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('config', () => {
  it('has working defaults for the embedded mode', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', workers: 1, maxSeconds: 12 });
    expect(config.databaseUrl).toBe(`sqlite://${path.resolve('data', 'kinora.db')}`);
    expect(config.modelAliases['sora-2']).toBe('kinora-1');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lets flags override the environment', () => {
    expect(loadConfig({ KINORA_PORT: '9000' }, { port: 0, workers: 0 })).toMatchObject({ port: 0, workers: 0 });
  });

  it('refuses bad values with a message naming the variable', () => {
    expect(() => loadConfig({ KINORA_MAX_SECONDS: '30' })).toThrow(ConfigError);
    expect(() => loadConfig({ KINORA_PORT: 'eighty' })).toThrow(/KINORA_PORT/);
    expect(() => loadConfig({ KINORA_MODEL_ALIASES: 'sora-2' })).toThrow(/alias=model/);
  });
});
