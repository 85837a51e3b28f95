import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ComfyUiConfig } from '../../config.js';
import { resolveMediaTools, type MediaTools } from '../../media/ffmpeg-binaries.js';
import { NonRetryableError } from '../../worker/job-errors.js';
import { describeVideoFile } from '../describe-output.js';
import type { Engine, GenerateContext, GenerationRequest, GenerationResult } from '../engine.js';
import { executionError, ServerDownError, videoOutput, type ComfyServer, type HistoryEntry } from './comfy-server.js';
import { openComfySocket } from './comfy-socket.js';
import { ComfyPool } from './comfy-pool.js';
import { bundledTemplatesDir, fillWorkflow, frameCount, loadTemplates, modelInfo, type Workflow, type WorkflowTemplate } from './workflow-template.js';

/** How often a prompt is looked at: its fate is read from /history and /queue; the WebSocket only adds live steps. */
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
    if (request.inputVideo) throw new NonRetryableError(`Model ${request.model} cannot draw over an uploaded video.`, 'unsupported_parameter');
    const { inputImage } = request;
    if (inputImage && !template.kinora.imageInput) throw new NonRetryableError(`Model ${request.model} takes no input image.`, 'unsupported_parameter');
    if (!inputImage && template.kinora.imageInput) throw new NonRetryableError(`Model ${request.model} animates an input image: send input_reference.`, 'missing_parameter');
    // One name on every server, so the workflow is filled once and failover only uploads again.
    const image = inputImage && { ...inputImage, name: `kinora-${randomUUID()}.${inputImage.mime.split('/')[1] ?? 'png'}` };
    const workflow = fillWorkflow(template, {
      image: image?.name,
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
        if (image) await server.uploadImage(image.file, image.mime, image.name, context.signal);
        return await this.runOn(server, workflow, context);
      } catch (error) {
        if (!(error instanceof ServerDownError) || context.signal.aborted) throw error;
        // Failover: this server is out for this job (and for routing a while); the pool throws when none is left.
        lost.add(server);
        this.pool.markDown(server);
      }
    }
  }

  private async runOn(server: ComfyServer, workflow: Workflow, context: GenerateContext): Promise<GenerationResult> {
    // Our own prompt id, known before the submit returns, so the socket's first messages can be told apart.
    const promptId = randomUUID();
    const clientId = randomUUID();
    const listening = new AbortController();
    const report = monotonic(context.onProgress);
    openComfySocket(
      server.url,
      clientId,
      ({ type, data }) => {
        const { value, max } = data;
        if (type === 'progress' && data.prompt_id === promptId && typeof value === 'number' && typeof max === 'number' && max > 0) {
          report(Math.min(1, value / max) * renderShare);
        }
      },
      AbortSignal.any([context.signal, listening.signal]),
    );
    const stop = (): void => void server.cancel(promptId);
    context.signal.addEventListener('abort', stop, { once: true });
    try {
      await server.submit(workflow, promptId, clientId, context.signal);
      const entry = await this.untilFinished(server, promptId, context.signal, report);
      const failure = executionError(entry);
      if (failure) throw new NonRetryableError(failure, 'comfyui_execution_error');
      const output = videoOutput(entry);
      if (!output) throw new NonRetryableError('The ComfyUI workflow wrote no video (its save node must write .mp4 or .webm).', 'comfyui_invalid_output');
      const file = path.join(context.workDir, `comfyui${path.extname(output.filename).toLowerCase()}`);
      report(renderShare);
      await server.download(output, file, maxDownloadBytes, context.signal);
      const result = await describeVideoFile(this.media, file, context.signal, 'The ComfyUI server', 'comfyui_invalid_output');
      report(1);
      return result;
    } catch (error) {
      // A server too slow to answer may still be running the prompt: it must not render it for nobody.
      if (error instanceof ServerDownError) void server.cancel(promptId);
      throw error;
    } finally {
      listening.abort();
      context.signal.removeEventListener('abort', stop);
    }
  }

  /** Waits for the history entry; a prompt in neither the queue nor the history (the server restarted) is lost. */
  private async untilFinished(server: ComfyServer, promptId: string, signal: AbortSignal, report: (fraction: number) => void): Promise<HistoryEntry> {
    let missing = 0;
    for (;;) {
      const entry = await server.history(promptId, signal);
      if (entry) return entry;
      const { holds } = await server.queue(signal, promptId);
      missing = holds ? 0 : missing + 1;
      if (missing >= vanishedLooks) throw new ServerDownError(server.url, 'the prompt vanished from its queue');
      report(0);
      await sleep(pollMs, undefined, { signal });
    }
  }

}

/** Passes on only progress that moves forward: the socket's steps and the polling's "still running" interleave. */
function monotonic(onProgress: (fraction: number) => void): (fraction: number) => void {
  let shown = 0;
  return (fraction) => {
    if (fraction < shown) return;
    shown = fraction;
    onProgress(fraction);
  };
}

export async function createComfyUiEngine(config: ComfyUiConfig): Promise<ComfyUiEngine> {
  const directory = config.templatesDir ?? bundledTemplatesDir;
  const templates = await loadTemplates(directory);
  const served = config.models ? templates.filter((template) => config.models!.includes(template.kinora.id)) : templates;
  const unknown = config.models?.filter((id) => !templates.some((template) => template.kinora.id === id));
  if (unknown?.length) throw new Error(`KINORA_COMFYUI_MODELS names templates that ${directory} lacks: ${unknown.join(', ')}`);
  return new ComfyUiEngine(new ComfyPool(config.urls), served, await resolveMediaTools());
}
