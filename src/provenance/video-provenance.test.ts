import { readFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWithC2paRs } from '../../test/helpers/c2pa-reader.js';
import { makeClip } from '../../test/helpers/clips.js';
import type { VideoRecord } from '../domain/video.js';
import { EngineRegistry } from '../engines/registry.js';
import { resolveMediaTools, type MediaTools } from '../media/ffmpeg-binaries.js';
import { probeClip } from '../media/ffmpeg-edit.js';
import { loadSigningIdentity, rootOf, type SigningIdentity } from './signing-identity.js';
import { VideoProvenanceStamp } from './video-provenance.js';
import { verifyMp4 } from './verify-mp4.js';

let dir: string;
let media: MediaTools;
let identity: SigningIdentity;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kinora-stamp-'));
  media = await resolveMediaTools();
  identity = await loadSigningIdentity({ dataDir: dir });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const recut: VideoRecord = {
  id: 'video_recut',
  ownerKeyId: 'key_1',
  model: 'kinora-1',
  status: 'in_progress',
  progress: 0,
  prompt: 'recut',
  seed: 3,
  size: '96x64',
  seconds: 1,
  remixedFromVideoId: null,
  inputReference: null,
  plan: null,
  options: null,
  operation: { kind: 'recut', sourceVideoId: 'video_private_source', start: 0, end: 1, extendTo: null, extendMode: 'loop' },
  error: null,
  outputs: null,
  hasAudio: true,
  attempt: 1,
  createdAt: 0,
  startedAt: 0,
  completedAt: null,
  expiresAt: null,
  publishedAt: null,
  credits: [],
  watermark: true,
  provenance: null,
};

describe('the provenance step of a job', () => {
  it('marks and signs an operation on other videos, stating the edit without naming its private source', async () => {
    const file = await makeClip(media, path.join(dir, 'recut.mp4'), { size: '96x64', seconds: 1, tone: 330 });
    const stamp = new VideoProvenanceStamp({ identity, engines: new EngineRegistry([]), media, trainingMining: 'constrained' });
    const provenance = await stamp.apply(recut, file, { workDir: dir });
    expect(provenance).toMatchObject({ c2pa: true, signer: 'Kinora video signer' });

    const bytes = await readFile(file);
    const report = await verifyMp4(bytes, rootOf(identity));
    expect(report).toMatchObject({ status: 'authentic', signed_by_this_instance: true, manifest: { label: provenance.manifest_label } });
    expect(report.manifest?.actions.map((a) => a.action)).toEqual(['c2pa.created', 'c2pa.edited']);
    expect(report.manifest?.generation).toMatchObject({ video_id: 'video_recut', kind: 'recut', watermark: true });
    expect(new Set(Object.values(report.manifest!.training_mining))).toEqual(new Set(['constrained']));
    expect(bytes.includes('video_private_source')).toBe(false);
    // Marked by the overlay pass, which keeps the sound; and c2pa-rs agrees with c2pa-ts about the signed result.
    expect(await probeClip(media, { file })).toMatchObject({ width: 96, height: 64, hasAudio: true });
    const reading = await readWithC2paRs(bytes, rootOf(identity).toString('pem'));
    expect(reading.validation_results?.activeManifest?.failure).toEqual([]);
    expect(reading.validation_state).toBe('Trusted');
  });

  it('says "trained algorithmic media" for a model another engine serves', () => {
    const engine = { name: 'comfyui', models: [{ id: 'wan-2', engine: 'comfyui', description: '', sizes: ['96x64'], maxSeconds: 4, features: { imageInput: false, remix: false, audio: false } }], generate: () => Promise.reject(new Error('unused')) };
    const stamp = new VideoProvenanceStamp({ identity, engines: new EngineRegistry([engine]), media, trainingMining: 'notAllowed' });
    expect(stamp.factsOf({ ...recut, model: 'wan-2', operation: null }).source).toBe('trained');
    expect(stamp.factsOf(recut).source).toBe('algorithmic');
  });
});
