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

  it('limits each key to 600 requests a minute and unlimited video-seconds unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ rateLimitPerMinute: 600, dailySeconds: 0 });
    expect(loadConfig({ KINORA_RATE_LIMIT_PER_MINUTE: '0', KINORA_DAILY_SECONDS: '3600' })).toMatchObject({ rateLimitPerMinute: 0, dailySeconds: 3600 });
    expect(() => loadConfig({ KINORA_RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(/KINORA_RATE_LIMIT_PER_MINUTE/);
    expect(() => loadConfig({ KINORA_DAILY_SECONDS: 'lots' })).toThrow(/KINORA_DAILY_SECONDS/);
  });

  it('serves upstream models under a prefix or a name of their own, and wants the URL, key and models together', () => {
    expect(loadConfig({}).upstream).toBeUndefined();
    const upstream = { KINORA_UPSTREAM_URL: 'https://api.openai.com/v1/', KINORA_UPSTREAM_API_KEY: 'sk-test', KINORA_UPSTREAM_MODELS: 'sora-2, pro=sora-2-pro' };
    expect(loadConfig(upstream).upstream).toEqual({
      url: 'https://api.openai.com/v1',
      apiKey: 'sk-test',
      models: [
        { local: 'upstream:sora-2', remote: 'sora-2' },
        { local: 'pro', remote: 'sora-2-pro' },
      ],
    });
    expect(loadConfig({ ...upstream, KINORA_UPSTREAM_MODEL_PREFIX: '' }).upstream?.models[0]).toEqual({ local: 'sora-2', remote: 'sora-2' });
    expect(() => loadConfig({ ...upstream, KINORA_UPSTREAM_API_KEY: undefined })).toThrow(/set all three or none/);
    expect(() => loadConfig({ ...upstream, KINORA_UPSTREAM_MODELS: 'a=' })).toThrow(/"a=" is not model or local=model/);
    expect(() => loadConfig({ ...upstream, KINORA_UPSTREAM_URL: 'ftp://x' })).toThrow(/KINORA_UPSTREAM_URL/);
  });

  it('reads a ComfyUI pool as a list of http(s) servers, with an optional template directory and model list', () => {
    expect(loadConfig({}).comfyui).toBeUndefined();
    expect(loadConfig({ KINORA_COMFYUI_URLS: 'http://gpu-1:8188/, https://gpu-2' }).comfyui).toEqual({
      urls: ['http://gpu-1:8188', 'https://gpu-2'],
      templatesDir: undefined,
      models: undefined,
    });
    const chosen = loadConfig({ KINORA_COMFYUI_URLS: 'http://gpu-1:8188', KINORA_COMFYUI_TEMPLATES: 'flows', KINORA_COMFYUI_MODELS: 'wan, ltx' }).comfyui;
    expect(chosen).toMatchObject({ templatesDir: path.resolve('flows'), models: ['wan', 'ltx'] });
    expect(() => loadConfig({ KINORA_COMFYUI_URLS: 'http://gpu-1:8188,file:///etc' })).toThrow(/"file:\/\/\/etc" is not a list of http\(s\) URLs/);
    expect(() => loadConfig({ KINORA_COMFYUI_URLS: ' , ' })).toThrow(/KINORA_COMFYUI_URLS/);
    expect(() => loadConfig({ KINORA_COMFYUI_MODELS: 'wan' })).toThrow(/need KINORA_COMFYUI_URLS/);
  });

  it('signs with the generated identity, marks nothing and refuses AI training unless told otherwise', () => {
    expect(loadConfig({}).provenance).toEqual({ signingKeyPath: undefined, signingCertPath: undefined, watermark: false, trainingMining: 'notAllowed' });
    const own = loadConfig({ KINORA_SIGNING_KEY: 'keys/k.pem', KINORA_SIGNING_CERT: '/etc/kinora/chain.pem', KINORA_WATERMARK: '1', KINORA_TRAINING_MINING: 'allowed' });
    expect(own.provenance).toEqual({ signingKeyPath: path.resolve('keys/k.pem'), signingCertPath: '/etc/kinora/chain.pem', watermark: true, trainingMining: 'allowed' });
    expect(() => loadConfig({ KINORA_TRAINING_MINING: 'maybe' })).toThrow(/KINORA_TRAINING_MINING/);
  });

  it('presigns downloads only when asked and only for an s3:// store', () => {
    expect(loadConfig({}).blobPresign).toBe(false);
    expect(loadConfig({ KINORA_BLOB_URL: 's3://outputs', KINORA_BLOB_PRESIGN: '1' }).blobPresign).toBe(true);
    expect(() => loadConfig({ KINORA_BLOB_PRESIGN: '1' })).toThrow(/KINORA_BLOB_PRESIGN=1 needs an s3:\/\/ KINORA_BLOB_URL/);
  });

  it('believes forwarded headers only from the proxies it is told of', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ KINORA_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,loopback' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', 'loopback']);
    expect(() => loadConfig({ KINORA_TRUST_PROXY: 'everyone' })).toThrow(/KINORA_TRUST_PROXY/);
  });

  it('refuses bad values with a message naming the variable', () => {
    expect(() => loadConfig({ KINORA_MAX_SECONDS: '30' })).toThrow(ConfigError);
    expect(() => loadConfig({ KINORA_PORT: 'eighty' })).toThrow(/KINORA_PORT/);
    expect(() => loadConfig({ KINORA_MODEL_ALIASES: 'sora-2' })).toThrow(/alias=model/);
  });
});
