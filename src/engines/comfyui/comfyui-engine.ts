import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ComfyUiConfig } from '../../config.js';
import { resolveMediaTools, type MediaTools } from '../../media/ffmpeg-binaries.js';
import { NonRetryableError } from '../../worker/job-errors.js';
import { describeVideoFile } from '../describe-output.js';
import type { Engine, GenerateContext, GenerationRequest, GenerationResult } from '../engine.js';
import { executionError, ServerDownError, videoOutput, type ComfyServer } from './comfy-server.js';
import { ComfyPool } from './comfy-pool.js';
import { bundledTemplatesDir, fillWorkflow, frameCount, loadTemplates, modelInfo, type WorkflowTemplate } from './workflow-template.js';

/** How often a running prompt is looked at (no WebSocket client in Node 20 without a flag, so /history + /queue). */
const pollMs = 500;
/** A prompt that vanished from both the queue and the history is given this many looks before it counts as lost. */
const vanishedLooks = 3;
/** The render fills 0–90 % of the progress; the download the rest. */
const renderShare = 0.9;
const maxDownloadBytes = 2 * 1024 ** 3;

/**
 * Runs open video models (Wan, LTX-Video, HunyuanVideo…) on a pool of ComfyUI servers: the model's workflow template
 * is filled with the request, queued on the least busy server, followed until it is done, and its video fetched.
 * A server that drops mid-job is left out and the job is queued again on another one; only when every server has
 * failed does the attempt fail (retryably, so the worker tries later).
 */
export class ComfyUiEngine implements Engine {
  readonly name = 'comfyui';
  readonly models;
  private readonly byId: Map<string, WorkflowTemplate>;

  constructor(
    private readonly pool: ComfyPool,
    templates: readonly WorkflowTemplate[],
    private readonly media: MediaTools,
  ) {
    this.models = templates.map(modelInfo);
    this.byId = new Map(templates.map((template) => [modelInfo(template).id, template]));
  }

  async generate(request: GenerationRequest, context: GenerateContext): Promise<GenerationResult> {
    const template = this.byId.get(request.model);
    if (!template) throw new NonRetryableError(`Model ${request.model} is not served by the comfyui engine.`, 'model_unavailable');
    if (request.inputVideo || request.inputImage) throw new NonRetryableError(`Model ${request.model} takes a text prompt only.`, 'unsupported_parameter');
    const workflow = fillWorkflow(template, {
      prompt: request.prompt,
      width: request.width,
      height: request.height,
      frames: frameCount(template, request.seconds),
      fps: template.kinora.fps,
      seed: request.seed,
      filename_prefix: `kinora/${randomUUID()}`,
    });
    const lost = new Set<ComfyServer>();
    for (;;) {
      const server = await this.pool.leastBusy(context.signal, lost);
      try {
        return await this.runOn(server, workflow, context);
      } catch (error) {
        if (!(error instanceof ServerDownError) || context.signal.aborted) throw error;
        // Failover: this server is out for this job (and for routing a while); the pool throws when none is left.
        lost.add(server);
        this.pool.markDown(server);
      }
    }
  }

  private async runOn(server: ComfyServer, workflow: ReturnType<typeof fillWorkflow>, context: GenerateContext): Promise<GenerationResult> {
    const promptId = await server.submit(workflow, randomUUID(), context.signal);
    const stop = (): void => void server.cancel(promptId);
    context.signal.addEventListener('abort', stop, { once: true });
    try {
      const entry = await this.untilFinished(server, promptId, context);
      const failure = executionError(entry);
      if (failure) throw new NonRetryableError(failure, 'comfyui_execution_error');
      const output = videoOutput(entry);
      if (!output) throw new NonRetryableError('The ComfyUI workflow wrote no video (its save node must write .mp4 or .webm).', 'comfyui_invalid_output');
      const file = path.join(context.workDir, `comfyui${path.extname(output.filename).toLowerCase()}`);
      await server.download(output, file, maxDownloadBytes, context.signal);
      const result = await describeVideoFile(this.media, file, context.signal, 'The ComfyUI server', 'comfyui_invalid_output');
      context.onProgress(1);
      return result;
    } finally {
      context.signal.removeEventListener('abort', stop);
    }
  }

  /** Waits for the history entry; a prompt in neither the queue nor the history (the server restarted) is lost. */
  private async untilFinished(server: ComfyServer, promptId: string, context: GenerateContext): Promise<NonNullable<Awaited<ReturnType<ComfyServer['history']>>>> {
    let missing = 0;
    for (;;) {
      const entry = await server.history(promptId, context.signal);
      if (entry) return entry;
      const { holds } = await server.queue(context.signal, promptId);
      missing = holds ? 0 : missing + 1;
      if (missing >= vanishedLooks) throw new ServerDownError(server.url, 'the prompt vanished from its queue');
      // No step counts without the WebSocket; a prompt that is known and running shows as started.
      context.onProgress(0.05 * renderShare);
      await sleep(pollMs, undefined, { signal: context.signal });
    }
  }

}

export async function createComfyUiEngine(config: ComfyUiConfig): Promise<ComfyUiEngine> {
  const directory = config.templatesDir ?? bundledTemplatesDir;
  const templates = await loadTemplates(directory);
  const served = config.models ? templates.filter((template) => config.models!.includes(template.kinora.id)) : templates;
  const unknown = config.models?.filter((id) => !templates.some((template) => template.kinora.id === id));
  if (unknown?.length) throw new Error(`KINORA_COMFYUI_MODELS names templates that ${directory} lacks: ${unknown.join(', ')}`);
  return new ComfyUiEngine(new ComfyPool(config.urls), served, await resolveMediaTools());
}
