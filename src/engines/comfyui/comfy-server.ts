import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { NonRetryableError } from '../../worker/job-errors.js';
import type { Workflow } from './workflow-template.js';

/** A server that did not answer, or answered with a fault of its own: the job may pass on another server. */
export class ServerDownError extends Error {
  constructor(server: string, reason: string) {
    super(`The ComfyUI server ${server} is unavailable: ${reason}`);
    this.name = 'ServerDownError';
  }
}

/** One file a save node wrote, as `/history` lists it. */
export interface OutputFile {
  filename: string;
  subfolder: string;
  type: string;
}

/** A finished prompt's history entry: its status and the files of its output nodes. */
export interface HistoryEntry {
  status?: { status_str?: string; completed?: boolean; messages?: Array<[string, Record<string, unknown>]> };
  outputs?: Record<string, Record<string, unknown>>;
}

/** Short calls (queue, history, submit) give up after this; a server that slow is treated as down. */
const callTimeoutMs = 15_000;
const videoExtension = /\.(mp4|webm|mov|mkv)$/i;

/**
 * One ComfyUI server, through its HTTP API (ComfyUI has no auth; the operator puts it on a private network).
 * Each failure is classified: a refusal of the workflow is final, anything else is the server's and may be retried.
 */
export class ComfyServer {
  constructor(readonly url: string) {}

  /** POST /prompt under our own `promptId`; a 400 with `node_errors` names the nodes the server refused. */
  async submit(workflow: Workflow, promptId: string, clientId: string, signal: AbortSignal): Promise<void> {
    const response = await this.call('/prompt', signal, { method: 'POST', body: JSON.stringify({ prompt: workflow, prompt_id: promptId, client_id: clientId }) });
    const body = (await response.json().catch(() => ({}))) as { prompt_id?: unknown; error?: { message?: unknown }; node_errors?: Record<string, unknown> };
    if (response.status === 400) throw new NonRetryableError(`The ComfyUI server refused the workflow: ${describeRefusal(body)}`, 'comfyui_invalid_workflow');
    if (!response.ok || body.prompt_id !== promptId) throw new ServerDownError(this.url, `POST /prompt answered ${response.status}`);
  }

  /**
   * Puts the reference image in the server's `input` folder (POST /upload/image) under `name`, where the
   * workflow's LoadImage node reads it; each server of the pool needs its own copy.
   */
  async uploadImage(file: string, mime: string, name: string, signal: AbortSignal): Promise<void> {
    const form = new FormData();
    form.set('image', new Blob([await fs.promises.readFile(file)], { type: mime }), name);
    form.set('type', 'input');
    form.set('overwrite', 'true');
    const response = await this.call('/upload/image', signal, { method: 'POST', body: form });
    const body = (await response.json().catch(() => ({}))) as { name?: unknown };
    if (!response.ok || body.name !== name) throw new ServerDownError(this.url, `POST /upload/image answered ${response.status}`);
  }

  /** How many prompts the server is running or holding, and whether `promptId` is among them. */
  async queue(signal: AbortSignal, promptId?: string): Promise<{ length: number; holds: boolean }> {
    const body = (await (await this.ok('/queue', signal)).json()) as { queue_running?: unknown[][]; queue_pending?: unknown[][] };
    const all = [...(body.queue_running ?? []), ...(body.queue_pending ?? [])];
    return { length: all.length, holds: promptId !== undefined && all.some((item) => item[1] === promptId) };
  }

  /** The history entry of `promptId`, or undefined while it is not finished (ComfyUI answers `{}` until then). */
  async history(promptId: string, signal: AbortSignal): Promise<HistoryEntry | undefined> {
    const body = (await (await this.ok(`/history/${encodeURIComponent(promptId)}`, signal)).json()) as Record<string, HistoryEntry>;
    return body[promptId];
  }

  /** Fetches one output file through /view into `file`, refusing more than `maxBytes`. */
  async download(output: OutputFile, file: string, maxBytes: number, signal: AbortSignal): Promise<void> {
    const query = new URLSearchParams({ filename: output.filename, subfolder: output.subfolder, type: output.type });
    const response = await this.ok(`/view?${query.toString()}`, signal, false);
    if (!response.body) throw new ServerDownError(this.url, 'GET /view sent no body');
    let received = 0;
    const body = Readable.fromWeb(response.body);
    body.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) body.destroy(new NonRetryableError('The ComfyUI output is larger than the limit.', 'comfyui_invalid_output'));
    });
    await pipeline(body, fs.createWriteStream(file), { signal });
  }

  /** Stops `promptId` wherever it is: interrupted if it runs, taken out of the queue if it waits. Best effort. */
  async cancel(promptId: string): Promise<void> {
    const signal = AbortSignal.timeout(callTimeoutMs);
    await Promise.allSettled([
      this.call('/interrupt', signal, { method: 'POST', body: JSON.stringify({ prompt_id: promptId }) }),
      this.call('/queue', signal, { method: 'POST', body: JSON.stringify({ delete: [promptId] }) }),
    ]);
  }

  private async ok(route: string, signal: AbortSignal, timed = true): Promise<Response> {
    const response = await this.call(route, signal, {}, timed);
    if (!response.ok) throw new ServerDownError(this.url, `GET ${route.split('?')[0]} answered ${response.status}`);
    return response;
  }

  private async call(route: string, signal: AbortSignal, init: RequestInit, timed = true): Promise<Response> {
    const signals = timed ? AbortSignal.any([signal, AbortSignal.timeout(callTimeoutMs)]) : signal;
    try {
      return await fetch(`${this.url}${route}`, { ...init, headers: typeof init.body === 'string' ? { 'content-type': 'application/json' } : {}, signal: signals });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new ServerDownError(this.url, error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error));
    }
  }
}

/** ComfyUI's 400: the top message and each refused node's class and first reason. */
function describeRefusal(body: { error?: { message?: unknown }; node_errors?: Record<string, unknown> }): string {
  const top = typeof body.error?.message === 'string' ? body.error.message : 'invalid prompt';
  const nodes = Object.entries(body.node_errors ?? {}).map(([id, value]) => {
    const node = value as { class_type?: string; errors?: Array<{ message?: string; details?: string }> };
    const first = node.errors?.[0];
    return `node ${id} (${node.class_type ?? '?'}): ${first?.message ?? 'refused'}${first?.details ? ` (${first.details})` : ''}`;
  });
  return [top, ...nodes].join('; ').slice(0, 400);
}

/** The video a finished prompt wrote: save nodes list files under `images` (SaveVideo) or `gifs` (VHS_VideoCombine). */
export function videoOutput(entry: HistoryEntry): OutputFile | undefined {
  for (const output of Object.values(entry.outputs ?? {})) {
    for (const list of [output.images, output.gifs]) {
      if (!Array.isArray(list)) continue;
      const found = (list as OutputFile[]).find((file) => typeof file?.filename === 'string' && videoExtension.test(file.filename));
      if (found) return { filename: found.filename, subfolder: found.subfolder ?? '', type: found.type ?? 'output' };
    }
  }
  return undefined;
}

/** The error ComfyUI recorded for a failed prompt (`execution_error` in the status messages). */
export function executionError(entry: HistoryEntry): string | undefined {
  if (entry.status?.status_str !== 'error') return undefined;
  const failure = entry.status.messages?.find(([event]) => event === 'execution_error')?.[1];
  const node = typeof failure?.node_type === 'string' ? ` in ${failure.node_type}` : '';
  const reason = typeof failure?.exception_message === 'string' ? failure.exception_message : 'no reason given';
  return `ComfyUI failed the workflow${node}: ${reason}`.slice(0, 400);
}
