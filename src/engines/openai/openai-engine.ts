import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI, { toFile } from 'openai';
import type { Video, VideoCreateParams } from 'openai/resources/videos';
import type { UpstreamConfig } from '../../config.js';
import { resolveMediaTools, type MediaTools } from '../../media/ffmpeg-binaries.js';
import { NonRetryableError } from '../../worker/job-errors.js';
import { describeVideoFile } from '../describe-output.js';
import type { Engine, GenerateContext, GenerationRequest, GenerationResult } from '../engine.js';
import { upstreamFailure, upstreamVideoFailed } from './upstream-errors.js';
import { engineName, upstreamModels, type UpstreamModel } from './upstream-models.js';

/**
 * Waits between two looks at the upstream video: from 1 s, half as long again each time, up to 15 s (OpenAI suggests
 * 10–20 s), unless the upstream says how long with `openai-poll-after-ms` (a Kinora does).
 */
const poll = { firstMs: 1000, maxMs: 15_000 };
/** The upstream render fills 0–90 % of the progress; the download the rest. */
const renderShare = 0.9;
/** Far above any honest clip of at most 20 s; an upstream streaming without end is cut off. */
const maxDownloadBytes = 2 * 1024 ** 3;
/** Cleaning up after a cancel must not wait on the cancelled signal, nor for long. */
const cleanupOptions = { timeout: 10_000, maxRetries: 1 };

/**
 * Forwards generations to an OpenAI-compatible Videos API (OpenAI's Sora models, or another Kinora) with the
 * operator's key, held here only. The MP4 comes back into the work directory; the worker then signs it and settles
 * the ledger as for any engine, so the video carries this instance's provenance, not the upstream's.
 */
export class OpenAiEngine implements Engine {
  readonly name = engineName;
  readonly models;
  private readonly byLocal: Map<string, UpstreamModel>;

  constructor(
    private readonly client: OpenAI,
    private readonly apiKey: string,
    served: readonly UpstreamModel[],
    private readonly media: MediaTools,
  ) {
    this.models = served.map((model) => model.info);
    this.byLocal = new Map(served.map((model) => [model.info.id, model]));
  }

  async generate(request: GenerationRequest, context: GenerateContext): Promise<GenerationResult> {
    const model = this.byLocal.get(request.model);
    if (!model) throw new NonRetryableError(`Model ${request.model} is not served by the upstream engine.`, 'model_unavailable');
    if (request.inputVideo) throw new NonRetryableError(`Model ${request.model} cannot draw over an uploaded video.`, 'unsupported_parameter');
    const body = await this.createBody(model, request);
    const created = await this.call(context.signal, (signal) => this.client.videos.create(body, { signal }));
    try {
      await this.untilCompleted(created, context);
      const file = path.join(context.workDir, 'upstream.mp4');
      await this.download(created.id, file, context.signal);
      const result = await describeVideoFile(this.media, file, context.signal, 'The upstream video service', 'upstream_invalid_output');
      context.onProgress(1);
      return result;
    } catch (error) {
      // An upstream video Kinora will not use (cancelled, failed, or unreadable) is not left running or stored there.
      await this.client.videos.delete(created.id, cleanupOptions).catch(() => undefined);
      throw error;
    }
  }

  private async createBody(model: UpstreamModel, request: GenerationRequest): Promise<VideoCreateParams> {
    const body: Record<string, unknown> = {
      model: model.remote,
      prompt: request.prompt,
      size: `${request.width}x${request.height}`,
      seconds: String(request.seconds),
    };
    if (request.inputImage) {
      const { file, mime } = request.inputImage;
      body.input_reference = await toFile(fs.createReadStream(file), `reference.${mime.split('/')[1] ?? 'png'}`, { type: mime });
    }
    // Only a Kinora knows these; OpenAI refuses fields it does not know.
    if (model.flavour === 'kinora') {
      body.seed = request.seed;
      if (request.options?.audio !== undefined) body.audio = request.options.audio;
      if (request.options?.loop !== undefined) body.loop = request.options.loop;
    }
    return body as unknown as VideoCreateParams;
  }

  /** Looks at the upstream video until it is done, with backoff (or as often as the upstream asks), passing on its progress. */
  private async untilCompleted(created: Video, context: GenerateContext): Promise<void> {
    let video = created;
    let wait = poll.firstMs;
    for (;;) {
      if (video.status === 'completed') return;
      if (video.status === 'failed') throw upstreamVideoFailed(video.error, this.apiKey);
      context.onProgress((Math.min(100, Math.max(0, video.progress)) / 100) * renderShare);
      await sleep(wait, undefined, { signal: context.signal });
      const { data, response } = await this.call(context.signal, (signal) => this.client.videos.retrieve(created.id, { signal }).withResponse());
      video = data;
      const asked = Number(response.headers.get('openai-poll-after-ms'));
      wait = asked > 0 ? Math.min(poll.maxMs, asked) : Math.min(poll.maxMs, Math.round(wait * 1.5));
    }
  }

  private async download(id: string, file: string, signal: AbortSignal): Promise<void> {
    const response = await this.call(signal, (own) => this.client.videos.downloadContent(id, { variant: 'video' }, { signal: own }));
    if (!response.body) throw new Error('The upstream video service sent an empty video.');
    let received = 0;
    const capped = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        done(received > maxDownloadBytes ? new NonRetryableError('The upstream video is larger than 2 GiB.', 'upstream_invalid_output') : null, chunk);
      },
    });
    await pipeline(Readable.fromWeb(response.body), capped, fs.createWriteStream(file), { signal });
  }

  
  /**
   * One call to the upstream, its failure classified (and stripped of anything secret). The SDK never removes the
   * listener it adds to a request's signal, so each call gets its own signal, following the job's until it returns.
   */
  private async call<T>(jobSignal: AbortSignal, request: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const own = new AbortController();
    const follow = (): void => own.abort(jobSignal.reason);
    jobSignal.addEventListener('abort', follow, { once: true });
    if (jobSignal.aborted) follow();
    try {
      return await request(own.signal);
    } catch (error) {
      throw upstreamFailure(error, this.apiKey);
    } finally {
      jobSignal.removeEventListener('abort', follow);
    }
  }
}

/** The SDK client for the upstream: only what the operator configured (no OPENAI_* from the environment), no SDK logs. */
export function upstreamClient(config: UpstreamConfig): OpenAI {
  return new OpenAI({ baseURL: config.url, apiKey: config.apiKey, organization: null, project: null, logLevel: 'off', maxRetries: 2 });
}

/** The engine for `config`, with the limits of its models read from the upstream (or known for OpenAI's). */
export async function createOpenAiEngine(config: UpstreamConfig, onUnreachable: (error: Error) => void): Promise<OpenAiEngine> {
  const client = upstreamClient(config);
  const served = await upstreamModels(client, config, (error) => onUnreachable(upstreamFailure(error, config.apiKey)));
  return new OpenAiEngine(client, config.apiKey, served, await resolveMediaTools());
}
