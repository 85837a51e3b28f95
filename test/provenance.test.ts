/**
 * Every MP4 Kinora makes carries a signed C2PA manifest. The manifest is written by c2pa-ts inside Kinora and read
 * back here by c2pa-rs (the reference implementation, as WASM) as an independent check; `POST /v1/verify` and
 * `kinora verify` are exercised through the real server and the real CLI process.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type OpenAI from 'openai';
import type { VideoSeconds, VideoSize } from 'openai/resources/videos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../src/cli/version.js';
import { resolveMediaTools, type MediaTools } from '../src/media/ffmpeg-binaries.js';
import { runProcess } from '../src/media/run-process.js';
import type { VerifyReport } from '../src/provenance/verify-mp4.js';
import { assertionData, readWithC2paRs } from './helpers/c2pa-reader.js';
import { makeClip } from './helpers/clips.js';
import { kinoraCli } from './helpers/kinora-cli.js';
import { startTestServer, type TestServer } from './helpers/kinora-server.js';
import { finished, postJson, sdkClient, type KinoraVideo } from './helpers/video-client.js';

type SignedVideo = KinoraVideo & { credits: Array<{ artist_id: string; name: string; policy: string }>; provenance: { c2pa: true; signer: string; signed_at: number; manifest_label: string; watermark: boolean } | null };
type VerifyAnswer = VerifyReport & { object: string; error?: { message: string; type: string; param: string | null; code: string | null } };

const prompt = 'water lilies on a pond at dawn in the style of Monet';
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

let server: TestServer;
let client: OpenAI;
let media: MediaTools;
let video: SignedVideo;
let mp4: Buffer;
let monetId: string;
/** This instance's root certificate: the trust anchor a reader needs to trust its signatures. */
let rootPem: string;

async function make(seed: number): Promise<{ video: SignedVideo; mp4: Buffer }> {
  const created = await client.videos.create({ prompt, size: '854x480' as VideoSize, seconds: '1' as VideoSeconds, seed } as Parameters<OpenAI['videos']['create']>[0]);
  const done = (await finished(client, created.id)) as SignedVideo;
  expect(done.status, JSON.stringify(done.error)).toBe('completed');
  return { video: done, mp4: Buffer.from(await (await client.videos.downloadContent(done.id)).arrayBuffer()) };
}

/** `POST /v1/verify` without any key, as anyone may call it. */
async function verify(bytes: Buffer | string, filename = 'video.mp4'): Promise<{ status: number; json: VerifyAnswer }> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), filename);
  const response = await fetch(`${server.url}/v1/verify`, { method: 'POST', body: form });
  return { status: response.status, json: (await response.json()) as VerifyAnswer };
}

/** A copy with one byte of the media data flipped: the picture is damaged, the manifest untouched. */
function tamperedCopy(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const mdat = copy.lastIndexOf('mdat');
  const at = mdat + Math.floor((copy.length - mdat) / 2);
  copy[at] = (copy[at] as number) ^ 0xff;
  return copy;
}

beforeAll(async () => {
  server = await startTestServer({ KINORA_MAX_UPLOAD_MB: '2' });
  client = sdkClient(server);
  media = await resolveMediaTools();
  const monet = await postJson(server, '/v1/artists', { name: 'Claude Monet', aliases: ['Monet'], policy: 'credit' });
  monetId = (monet.json as unknown as { id: string }).id;
  ({ video, mp4 } = await make(7));
  const pems = fs.readFileSync(path.join(server.dataDir, 'provenance', 'signing-cert.pem'), 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  rootPem = pems!.at(-1)!;
}, 180_000);
afterAll(async () => server?.close());

describe('C2PA provenance of every MP4', () => {
  it('the video object says it is signed, by whom and when', () => {
    expect(video.credits).toEqual([{ artist_id: monetId, name: 'Claude Monet', policy: 'credit' }]);
    expect(video.provenance).toMatchObject({ c2pa: true, signer: 'Kinora video signer', watermark: false });
    expect(video.provenance!.manifest_label).toMatch(/^urn:c2pa:[0-9a-f-]{36}$/);
    expect(video.provenance!.signed_at).toBeGreaterThanOrEqual(video.created_at);
    expect(video.provenance!.signed_at).toBeLessThanOrEqual(video.completed_at!);
  });

  it('validates with the official reader (c2pa-rs): trusted signature, hash binding, and the assertions Kinora states', async () => {
    const reading = await readWithC2paRs(mp4, rootPem);
    expect(reading.validation_results?.activeManifest?.failure).toEqual([]);
    expect(reading.validation_state).toBe('Trusted');
    expect(reading.active_manifest).toBe(video.provenance!.manifest_label);
    const codes = reading.validation_results!.activeManifest!.success.map((s) => s.code);
    expect(codes).toEqual(expect.arrayContaining(['claimSignature.validated', 'signingCredential.trusted', 'assertion.bmffHash.match']));
    expect(reading.manifests[reading.active_manifest]?.signature_info).toMatchObject({ alg: 'Es256', common_name: 'Kinora video signer' });

    expect(assertionData(reading, 'c2pa.actions.v2')).toEqual({
      actions: [{ action: 'c2pa.created', digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicMedia', softwareAgent: { name: 'Kinora', version } }],
    });
    expect(assertionData(reading, 'org.kinora.generation')).toMatchObject({
      video_id: video.id,
      model: 'kinora-1',
      seed: 7,
      prompt_sha256: sha256(prompt),
      credits: [{ artist_id: monetId, name: 'Claude Monet' }],
      kind: 'generate',
      watermark: false,
      signed_at: video.provenance!.signed_at,
    });
    const tdm = assertionData<{ entries: Record<string, { use: string }> }>(reading, 'cawg.training-mining');
    expect(Object.keys(tdm!.entries).sort()).toEqual(['cawg.ai_generative_training', 'cawg.ai_inference', 'cawg.ai_training', 'cawg.data_mining']);
    expect(new Set(Object.values(tdm!.entries).map((e) => e.use))).toEqual(new Set(['notAllowed']));
  });

  it('a byte-tampered copy fails: c2pa-rs finds the hash mismatch, and POST /v1/verify says altered', async () => {
    const tampered = tamperedCopy(mp4);
    const reading = await readWithC2paRs(tampered, rootPem);
    expect(reading.validation_state).toBe('Invalid');
    expect(reading.validation_results!.activeManifest!.failure.map((f) => f.code)).toContain('assertion.bmffHash.mismatch');

    const { status, json } = await verify(tampered);
    expect(status).toBe(200);
    expect(json).toMatchObject({ status: 'altered', has_manifest: true, signature_valid: true, altered: true });
  });

  it('POST /v1/verify needs no key and reports the original as authentic, with its manifest summary', async () => {
    const { status, json } = await verify(mp4);
    expect(status).toBe(200);
    expect(json).toMatchObject({
      object: 'provenance.verification',
      status: 'authentic',
      has_manifest: true,
      signature_valid: true,
      altered: false,
      signed_by_this_instance: true,
      manifest: {
        label: video.provenance!.manifest_label,
        signer: 'Kinora video signer',
        issuer: 'Kinora local provenance CA',
        signed_at: video.provenance!.signed_at,
        claim_generator: `Kinora ${version}`,
        actions: [{ action: 'c2pa.created', digital_source_type: 'http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicMedia', software_agent: `Kinora ${version}` }],
        generation: { video_id: video.id, model: 'kinora-1', seed: 7, credits: [{ artist_id: monetId, name: 'Claude Monet' }] },
        training_mining: { 'cawg.ai_training': 'notAllowed' },
      },
    });
  });

  it('a re-encoded, a trimmed or a cut-short copy shows as altered (a copy of the video, by its picture), never as authentic', async () => {
    const original = path.join(server.dataDir, 'original.mp4');
    fs.writeFileSync(original, mp4);
    const reencoded = path.join(server.dataDir, 'reencoded.mp4');
    const trimmed = path.join(server.dataDir, 'trimmed.mp4');
    await runProcess(media.ffmpeg, ['-v', 'error', '-y', '-i', original, '-vf', 'scale=640:360', '-c:v', 'libx264', '-crf', '30', '-an', reencoded], { timeoutMs: 60_000 });
    await runProcess(media.ffmpeg, ['-v', 'error', '-y', '-ss', '0.2', '-i', original, '-t', '0.75', '-c:v', 'libx264', trimmed], { timeoutMs: 60_000 });
    for (const copy of [reencoded, trimmed]) {
      const { json } = await verify(fs.readFileSync(copy));
      expect(json).toMatchObject({ status: 'altered', has_manifest: false, altered: true, signature_valid: null, copy_of: { video_id: video.id } });
      expect(json.message).toContain(`Altered copy of ${video.id}`);
    }
    // Cut short: the manifest is still there, but the file no longer parses (too little is left to match the picture).
    const { json } = await verify(mp4.subarray(0, Math.floor(mp4.length * 0.8)));
    expect(json).toMatchObject({ status: 'altered', has_manifest: true, altered: true });
  });

  it('a video Kinora never made is reported as having no provenance', async () => {
    const stranger = await makeClip(media, path.join(server.dataDir, 'stranger.mp4'), { size: '854x480', seconds: 1 });
    const { json } = await verify(fs.readFileSync(stranger));
    expect(json).toMatchObject({ status: 'no_manifest', has_manifest: false, signature_valid: null, altered: null, copy_of: null });
  });

  it('the page the badges link to explains how to verify, with an upload form that needs no script', async () => {
    const page = await fetch(`${server.url}/verify`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<form method="post" action="/v1/verify" enctype="multipart/form-data">');
    expect(html).toContain(`curl -F file=@video.mp4 ${server.url}/v1/verify`);
    expect(html).not.toContain('<script');
  });

  it('POST /v1/verify answers bad input with OpenAI-style errors', async () => {
    const notMultipart = await fetch(`${server.url}/v1/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(notMultipart.status).toBe(400);
    expect(((await notMultipart.json()) as VerifyAnswer).error).toMatchObject({ type: 'invalid_request_error', param: 'file' });

    const form = new FormData();
    form.append('purpose', 'nothing');
    const noFile = await fetch(`${server.url}/v1/verify`, { method: 'POST', body: form });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as VerifyAnswer).error?.type).toBe('invalid_request_error');

    const tooLarge = await verify(Buffer.alloc(3 * 1024 * 1024));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.error?.code).toBe('request_too_large');

    const text = await verify('just some text, not a video', 'notes.txt');
    expect(text).toMatchObject({ status: 200, json: { status: 'no_manifest' } });
  });

  it('the same request signs the same picture: equal content hashes, different signatures', async () => {
    const again = await make(7);
    const first = await readWithC2paRs(mp4, rootPem);
    const second = await readWithC2paRs(again.mp4, rootPem);
    const contentHash = (reading: typeof first) => assertionData<{ hash: string }>(reading, 'c2pa.hash.bmff.v3')?.hash;
    expect(contentHash(second)).toBe(contentHash(first));
    expect(second.active_manifest).not.toBe(first.active_manifest);
    expect(again.mp4.equals(mp4)).toBe(false);
  }, 120_000);
});

describe('kinora verify', () => {
  const kinora = (...args: string[]) => kinoraCli(server, ...args);

  it('prints the same report for a signed file, and exits 2 for an altered one', async () => {
    const file = path.join(server.dataDir, 'cli.mp4');
    fs.writeFileSync(file, mp4);
    const report = JSON.parse((await kinora('verify', file, '--json')).stdout) as VerifyReport;
    expect(report).toMatchObject({ status: 'authentic', signature_valid: true, altered: false, signed_by_this_instance: true });
    expect(report.manifest?.generation?.video_id).toBe(video.id);

    const tampered = path.join(server.dataDir, 'cli-tampered.mp4');
    fs.writeFileSync(tampered, tamperedCopy(mp4));
    const failure = (await kinora('verify', tampered).catch((error: unknown) => error)) as { code: number; stdout: string };
    expect(failure.code).toBe(2);
    expect(failure.stdout).toMatch(/^status:\s+altered/m);
    expect(failure.stdout).toMatch(/^signature:\s+valid/m);
  }, 60_000);
});
