import { BMFF } from '@trustnxt/c2pa-ts/asset';
import type { TrainingAndDataMiningChoice } from '@trustnxt/c2pa-ts/manifest';
import {
  ActionAssertion,
  ActionType,
  BMFFHashAssertion,
  CAWGTrainingAndDataMiningKey,
  ClaimVersion,
  DigitalSourceType,
  ManifestStore,
  TrainingAndDataMiningAssertion,
  type Action,
} from '@trustnxt/c2pa-ts/manifest';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { VideoProvenance } from '../domain/video.js';
import { acceptMp4Brands } from './c2pa-mp4.js';
import { Es256Signer } from './es256-signer.js';
import { KinoraAssertion, type KinoraGeneration } from './kinora-assertion.js';
import { withManifestRoom } from './mp4-manifest-box.js';
import { commonName, type SigningIdentity } from './signing-identity.js';

export type TrainingMiningChoice = 'allowed' | 'notAllowed' | 'constrained';

/** What the manifest of one video says, gathered by the worker from the video record. */
export interface ManifestFacts extends Omit<KinoraGeneration, 'signed_at'> {
  /** `algorithmic`: made by a procedure, no trained model (the procedural engine); `trained`: a generative model. */
  source: 'algorithmic' | 'trained';
  softwareVersion: string;
  trainingMining: TrainingMiningChoice;
}

const sourceTypes = {
  algorithmic: DigitalSourceType.AlgorithmicMedia,
  trained: DigitalSourceType.TrainedAlgorithmicMedia,
} as const;

const operationDescriptions: Record<string, string> = {
  extend: 'extended with new frames from an earlier video',
  blend: 'blended from two earlier videos',
  recut: 'recut from an earlier video',
};

function actionsOf(facts: ManifestFacts): Action[] {
  const softwareAgent = { name: 'Kinora', version: facts.softwareVersion };
  const created: Action = { action: ActionType.C2paCreated, digitalSourceType: sourceTypes[facts.source], softwareAgent };
  const operation = operationDescriptions[facts.kind];
  if (!operation) return [created];
  return [created, { action: ActionType.C2paEdited, softwareAgent, parameters: { description: operation } }];
}

function trainingMining(choice: TrainingMiningChoice): TrainingAndDataMiningAssertion {
  const assertion = new TrainingAndDataMiningAssertion(true);
  const entry = { choice: choice as TrainingAndDataMiningChoice };
  for (const key of Object.values(CAWGTrainingAndDataMiningKey)) assertion.entries[key] = entry;
  return assertion;
}

/**
 * Embeds a signed C2PA manifest in the MP4 at `file` (rewritten in place): the actions, Kinora's generation
 * record, a training-and-data-mining assertion and a BMFF hash that binds the manifest to every other byte.
 */
export async function signMp4(file: string, facts: ManifestFacts, identity: SigningIdentity): Promise<VideoProvenance> {
  acceptMp4Brands();
  const signer = new Es256Signer(identity);
  const store = new ManifestStore();
  const manifest = store.createManifest({
    claimVersion: ClaimVersion.V2,
    assetFormat: 'video/mp4',
    instanceID: `xmp:iid:${randomUUID()}`,
    defaultHashAlgorithm: 'SHA-256',
    signer,
  });
  // The claim generator names the product that made the claim: Kinora (c2pa-ts is only the library it uses).
  if (manifest.claim) {
    manifest.claim.claimGeneratorName = 'Kinora';
    manifest.claim.claimGeneratorVersion = facts.softwareVersion;
  }
  const actions = new ActionAssertion();
  actions.actions = actionsOf(facts);
  manifest.addAssertion(actions);
  const signedAt = Math.floor(Date.now() / 1000);
  manifest.addAssertion(new KinoraAssertion(generationRecord(facts, signedAt)));
  manifest.addAssertion(trainingMining(facts.trainingMining));
  const hash = BMFFHashAssertion.createV3('jumbf manifest', 'SHA-256');
  manifest.addAssertion(hash);

  // The box is made with room for exactly the manifest's size, so c2pa-ts finds it ready and only fills it in.
  const size = store.measureSize();
  const asset = new BMFF(withManifestRoom(await fs.promises.readFile(file), size));
  await asset.ensureManifestSpace(size);
  await hash.updateWithAsset(asset);
  await manifest.sign(signer);
  await asset.writeManifestJUMBF(store.getBytes());

  const tmp = `${file}.signed`;
  await fs.promises.writeFile(tmp, await asset.getDataRange());
  await fs.promises.rename(tmp, file);
  return { c2pa: true, signer: commonName(identity.certificate.subject), signed_at: signedAt, manifest_label: manifest.label ?? '' };
}

function generationRecord(facts: ManifestFacts, signedAt: number): KinoraGeneration {
  const { video_id, model, seed, prompt_sha256, credits, kind, watermark } = facts;
  return { video_id, model, seed, prompt_sha256, credits, kind, watermark, signed_at: signedAt };
}
