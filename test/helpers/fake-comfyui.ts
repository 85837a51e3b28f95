import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { resolveMediaTools } from '../../src/media/ffmpeg-binaries.js';
import { makeClip } from './clips.js';
import { tempDataDir } from './kinora-server.js';

/**
 * A ComfyUI server as its HTTP API behaves (Comfy-Org/ComfyUI server.py and execution.py, see
 * shared/context/research/anchors-serving.md §1): POST /prompt validates the graph's node classes and answers
 * `{prompt_id, number, node_errors}` or a 400 with `node_errors`; one prompt runs at a time, the rest wait in
 * `queue_pending`; GET /history/{id} is `{}` until the prompt finished, then holds its outputs in the shape the save
 * node writes (SaveVideo: `images` + `animated`; VHS_VideoCombine: `gifs`) and its status messages; GET /view serves
 * the file, a real MP4 made by ffmpeg at the size and length the workflow's latent node asked for. WS /ws?clientId=
 * sends `status` on connect, then to the prompt's client, in ComfyUI's order: execution_start, execution_cached,
 * executing + progress per sampler step, executing + executed for the save node, execution_success, and
 * `executing {node: null}` once the history entry is written (execution_interrupted when interrupted).
 */
export interface FakeComfyOptions {
  /** Prompts that other clients queued before ours: they count in /queue (and so in routing) but never run. */
  foreignPending?: number;
  /** The server goes away (every socket closed, the port shut) once our prompt has run this many steps. */
  dropAfterSteps?: number;
  /** Sampler steps of one prompt, each `stepMs` long. */
  steps?: number;
  stepMs?: number;
}

/** The node classes this fake knows: those of the bundled templates, and the VideoHelperSuite save node. */
const knownClasses = new Set([
  'UNETLoader', 'CLIPLoader', 'VAELoader', 'ModelSamplingSD3', 'CLIPTextEncode', 'EmptyHunyuanLatentVideo', 'KSampler', 'VAEDecode',
  'CreateVideo', 'SaveVideo', 'CheckpointLoaderSimple', 'LTXVConditioning', 'EmptyLTXVLatentVideo', 'LTXVScheduler', 'KSamplerSelect',
  'RandomNoise', 'CFGGuider', 'SamplerCustomAdvanced', 'VHS_VideoCombine', 'LoadImage', 'LTXVImgToVideo',
]);
const latentClasses = new Set(['EmptyHunyuanLatentVideo', 'EmptyLTXVLatentVideo', 'LTXVImgToVideo']);

type Graph = Record<string, { class_type: string; inputs: Record<string, unknown> }>;
interface QueueItem { number: number; promptId: string; prompt: Graph; clientId: string }

export interface FakeComfy {
  url: string;
  /** Every prompt that reached POST /prompt, in order. */
  received: Graph[];
  /** Images received by POST /upload/image, by name, as uploaded. */
  inputs: Map<string, Buffer>;
  /** The bodies of POST /interrupt and of POST /queue with `delete`. */
  interrupts: unknown[];
  deletes: unknown[];
  /** Prompts that ran to the end here. */
  completed: string[];
  /** The WebSocket messages sent for each prompt, in order. */
  messages: Map<string, Array<{ type: string; data: Record<string, unknown> }>>;
  close(): Promise<void>;
}

export async function startFakeComfy(options: FakeComfyOptions = {}): Promise<FakeComfy> {
  const { steps = 4, stepMs = 30 } = options;
  const tools = await resolveMediaTools();
  const outputDir = tempDataDir('comfy-output');
  const history = new Map<string, Record<string, unknown>>();
  const foreign: QueueItem[] = Array.from({ length: options.foreignPending ?? 0 }, (_, index) => ({ number: -1 - index, promptId: randomUUID(), prompt: {}, clientId: 'other' }));
  const pending: QueueItem[] = [];
  let running: QueueItem | undefined;
  let counter = 0;
  let interrupted = false;
  const state: FakeComfy = { url: '', received: [], interrupts: [], deletes: [], completed: [], messages: new Map(), inputs: new Map(), close: () => Promise.resolve() };
  const sockets = new Map<string, Duplex>();
  const frame = (json: unknown): Buffer => {
    const payload = Buffer.from(JSON.stringify(json));
    const header = payload.length < 126 ? Buffer.from([0x81, payload.length]) : Buffer.from([0x81, 126, payload.length >> 8, payload.length & 0xff]);
    return Buffer.concat([header, payload]);
  };
  const emit = (item: QueueItem, type: string, data: Record<string, unknown>) => {
    const message = { type, data: { ...data, prompt_id: item.promptId } };
    state.messages.set(item.promptId, [...(state.messages.get(item.promptId) ?? []), message]);
    sockets.get(item.clientId)?.write(frame(message));
  };

  const tuple = (item: QueueItem) => [item.number, item.promptId, item.prompt, { client_id: item.clientId }, []];
  const finish = (item: QueueItem, outputs: Record<string, unknown>, messages: unknown[], status: 'success' | 'error') => {
    // ComfyUI writes the history entry before it sends `executing {node: null}` and takes the next prompt.
    history.set(item.promptId, { prompt: tuple(item), outputs, status: { status_str: status, completed: status === 'success', messages }, meta: {} });
    emit(item, 'executing', { node: null });
    running = undefined;
    void runNext();
  };

  async function runNext(): Promise<void> {
    if (running || pending.length === 0) return;
    running = pending.shift()!;
    const item = running;
    interrupted = false;
    const messages: unknown[] = [['execution_start', { prompt_id: item.promptId, timestamp: Date.now() }]];
    emit(item, 'execution_start', { timestamp: Date.now() });
    emit(item, 'execution_cached', { nodes: [], timestamp: Date.now() });
    const sampler = Object.keys(item.prompt).find((id) => ['KSampler', 'SamplerCustomAdvanced'].includes(item.prompt[id]!.class_type)) ?? '1';
    emit(item, 'executing', { node: sampler, display_node: sampler });
    for (let step = 1; step <= steps; step++) {
      await new Promise((resolve) => setTimeout(resolve, stepMs));
      emit(item, 'progress', { value: step, max: steps, node: sampler });
      if (options.dropAfterSteps !== undefined && step >= options.dropAfterSteps) {
        for (const socket of sockets.values()) socket.destroy();
        server.closeAllConnections();
        server.close();
        return;
      }
      if (interrupted) {
        const event = { node_id: sampler, node_type: item.prompt[sampler]?.class_type, executed: [], timestamp: Date.now() };
        messages.push(['execution_interrupted', { prompt_id: item.promptId, ...event }]);
        emit(item, 'execution_interrupted', event);
        return finish(item, {}, messages, 'error');
      }
    }
    const [saveId, save] = Object.entries(item.prompt).find(([, node]) => node.class_type === 'SaveVideo' || node.class_type === 'VHS_VideoCombine')!;
    const latent = Object.values(item.prompt).find((node) => latentClasses.has(node.class_type))!.inputs;
    const fps = Number(save.class_type === 'SaveVideo' ? Object.values(item.prompt).find((node) => node.class_type === 'CreateVideo')?.inputs.fps : save.inputs.frame_rate);
    const prefix = typeof save.inputs.filename_prefix === 'string' ? save.inputs.filename_prefix : 'ComfyUI';
    const subfolder = path.dirname(prefix) === '.' ? '' : path.dirname(prefix);
    const filename = `${path.basename(prefix)}_00001_.mp4`;
    fs.mkdirSync(path.join(outputDir, subfolder), { recursive: true });
    await makeClip(tools, path.join(outputDir, subfolder, filename), { size: `${String(latent.width)}x${String(latent.height)}`, seconds: Number(latent.length) / fps, fps, colour: 'teal' });
    const file = { filename, subfolder, type: 'output' };
    const ui = save.class_type === 'SaveVideo' ? { images: [file], animated: [true] } : { gifs: [{ ...file, format: 'video/h264-mp4', frame_rate: fps }] };
    emit(item, 'executing', { node: saveId, display_node: saveId });
    emit(item, 'executed', { node: saveId, display_node: saveId, output: ui });
    messages.push(['execution_success', { prompt_id: item.promptId, timestamp: Date.now() }]);
    emit(item, 'execution_success', { timestamp: Date.now() });
    state.completed.push(item.promptId);
    finish(item, { [saveId]: ui }, messages, 'success');
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://fake');
      if (request.method === 'POST' && url.pathname.replace(/^\/api/, '') === '/upload/image') return upload(Buffer.concat(chunks), String(request.headers['content-type']), response);
      const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>) : {};
      const send = (status: number, json: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      };
      const route = `${request.method} ${url.pathname.replace(/^\/api/, '')}`;
      if (route === 'POST /prompt') {
        const prompt = body.prompt as Graph;
        state.received.push(prompt);
        // Like ComfyUI's LoadImage validation: the image must be in the input folder.
        const missingImage = Object.entries(prompt).find(([, node]) => node.class_type === 'LoadImage' && !state.inputs.has(String(node.inputs.image)));
        if (missingImage) {
          const error = { type: 'custom_validation_failed', message: 'Custom validation failed for node', details: `image - Invalid image file: ${String(missingImage[1].inputs.image)}` };
          return send(400, { error: { type: 'prompt_outputs_failed_validation', message: 'Prompt outputs failed validation', details: '', extra_info: {} }, node_errors: { [missingImage[0]]: { errors: [error], dependent_outputs: [], class_type: 'LoadImage' } } });
        }
        const unknown = Object.entries(prompt).filter(([, node]) => !knownClasses.has(node.class_type));
        if (unknown.length) {
          const [id, node] = unknown[0]!;
          return send(400, {
            error: { type: 'invalid_prompt', message: `Cannot execute because node ${node.class_type} does not exist.`, details: `Node ID '#${id}'`, extra_info: {} },
            node_errors: {},
          });
        }
        const item = { number: counter++, promptId: typeof body.prompt_id === 'string' ? body.prompt_id : randomUUID(), prompt, clientId: typeof body.client_id === 'string' ? body.client_id : '' };
        pending.push(item);
        void runNext();
        return send(200, { prompt_id: item.promptId, number: item.number, node_errors: {} });
      }
      if (route === 'GET /queue') return send(200, { queue_running: running ? [tuple(running)] : [], queue_pending: [...foreign, ...pending].map(tuple) });
      if (route === 'POST /queue') {
        if (Array.isArray(body.delete)) {
          state.deletes.push(body);
          const deleted = new Set<unknown>(body.delete);
          pending.splice(0, pending.length, ...pending.filter((item) => !deleted.has(item.promptId)));
        }
        return send(200, {});
      }
      if (route === 'POST /interrupt') {
        state.interrupts.push(body);
        if (!body.prompt_id || body.prompt_id === running?.promptId) interrupted = true;
        return send(200, {});
      }
      if (route.startsWith('GET /history/')) {
        const id = decodeURIComponent(url.pathname.split('/').pop()!);
        const entry = history.get(id);
        return send(200, entry ? { [id]: entry } : {});
      }
      if (route === 'GET /system_stats') return send(200, { system: { comfyui_version: '0.3.66-fake' }, devices: [] });
      if (route === 'GET /view') {
        const filename = url.searchParams.get('filename') ?? '';
        const subfolder = url.searchParams.get('subfolder') ?? '';
        if (!filename || filename.startsWith('/') || filename.includes('..') || subfolder.includes('..')) return send(400, {});
        const file = path.join(outputDir, subfolder, filename);
        if (url.searchParams.get('type') !== 'output' || !fs.existsSync(file)) return send(404, {});
        response.writeHead(200, { 'content-type': 'video/mp4', 'content-disposition': `filename="${filename}"` });
        fs.createReadStream(file).pipe(response);
        return;
      }
      send(404, {});
    });
  });
  /** POST /upload/image: a multipart form whose `image` part is kept under its file name (`{name, subfolder, type}`). */
  function upload(raw: Buffer, contentType: string, response: http.ServerResponse): void {
    const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
    const parts = boundary ? raw.toString('latin1').split(`--${boundary}`) : [];
    const image = parts.find((part) => part.includes('name="image"'));
    const name = image && /filename="([^"]+)"/.exec(image)?.[1];
    if (!image || !name) return void response.writeHead(400).end();
    const content = image.slice(image.indexOf('\r\n\r\n') + 4, image.lastIndexOf('\r\n'));
    state.inputs.set(name, Buffer.from(content, 'latin1'));
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name, subfolder: '', type: 'input' }));
  }

  server.on('upgrade', (request, socket) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const key = request.headers['sec-websocket-key'];
    if (url.pathname.replace(/^\/api/, '') !== '/ws' || typeof key !== 'string') return socket.destroy();
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47A5-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    const clientId = url.searchParams.get('clientId') ?? randomUUID().replaceAll('-', '');
    sockets.set(clientId, socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(clientId));
    socket.write(frame({ type: 'status', data: { status: { exec_info: { queue_remaining: pending.length + (running ? 1 : 0) } }, sid: clientId } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = async () => {
    for (const socket of sockets.values()) socket.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(outputDir, { recursive: true, force: true });
  };
  return state;
}
