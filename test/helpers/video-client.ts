import fs from 'node:fs';
import path from 'node:path';
import OpenAI from 'openai';
import type { Video } from 'openai/resources/videos';
import { describeVideo } from './media-check.js';
import { waitFor, type TestServer } from './kinora-server.js';

/** An SDK client for a test server, and the few things every test does with a video through it. */
export function sdkClient(server: TestServer, apiKey = server.adminKey): OpenAI {
  return new OpenAI({ baseURL: `${server.url}/v1`, apiKey, maxRetries: 0 });
}

/** Kinora's own fields on the video object, which the SDK's type leaves out. */
export type KinoraVideo = Video & {
  seed: number;
  has_audio: boolean;
  plan: { weather: string; shots: Array<{ prompt: string; seconds: number }>; subjects: Array<{ noun: string }> } | null;
  options: { audio: boolean; loop: boolean; storyboard: { shots: Array<{ prompt: string; seconds: number }>; transition: string } | null } | null;
  operation: Record<string, unknown> | null;
};

export async function finished(client: OpenAI, id: string): Promise<KinoraVideo> {
  return waitFor(async () => {
    const video = (await client.videos.retrieve(id)) as KinoraVideo;
    return video.status === 'completed' || video.status === 'failed' ? video : undefined;
  }, `video ${id} to finish`, 120_000, 200);
}

/** The MP4 as a player would see it. */
export async function downloadedVideo(client: OpenAI, server: TestServer, id: string) {
  const response = await client.videos.downloadContent(id);
  const file = path.join(server.dataDir, `${id}-download.mp4`);
  fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return describeVideo(file);
}

/** A POST with a JSON body on a route the SDK has no method for. */
export async function postJson(server: TestServer, route: string, body: unknown, apiKey = server.adminKey) {
  const response = await fetch(`${server.url}${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as KinoraVideo & { error?: { message: string; param: string | null; code: string | null } } };
}
