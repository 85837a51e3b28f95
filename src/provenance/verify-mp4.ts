import type { X509Certificate } from '@peculiar/x509';
import { BMFF } from '@trustnxt/c2pa-ts/asset';
import { CBORBox, SuperBox } from '@trustnxt/c2pa-ts/jumbf';
import { ManifestStore, ValidationResult, ValidationStatusCode, type Action, type Manifest, type ValidationStatusEntry } from '@trustnxt/c2pa-ts/manifest';
import { acceptMp4Brands } from './c2pa-mp4.js';
import type { CopyFinder, CopyOf } from './copy-finder.js';
import { kinoraAssertionLabel, type KinoraGeneration } from './kinora-assertion.js';
import { c2paBoxUuid } from './mp4-manifest-box.js';
import { commonName } from './signing-identity.js';

/**
 * - `authentic`: a valid signature over a manifest whose hash still matches every byte of the file.
 * - `altered`: signed, but the file changed after signing (its hash no longer matches, or it no longer parses); or,
 *   with a copy finder, a file without a manifest whose picture matches one of this instance's videos (`copy_of`).
 * - `invalid_signature`: the manifest's signature or signing certificate does not hold.
 * - `no_manifest`: no C2PA manifest at all (never signed, or re-encoded / remuxed since, which drops it).
 */
export type VerifyStatus = 'authentic' | 'altered' | 'invalid_signature' | 'no_manifest';

export interface ManifestSummary {
  label: string;
  signer: string;
  issuer: string | null;
  signed_at: number | null;
  claim_generator: string;
  actions: Array<{ action: string; digital_source_type: string | null; software_agent: string | null }>;
  /** Kinora's generation record, when a Kinora instance signed it. */
  generation: KinoraGeneration | null;
  training_mining: Record<string, string>;
}

export interface VerifyReport {
  status: VerifyStatus;
  /** One sentence a person can read. */
  message: string;
  has_manifest: boolean;
  signature_valid: boolean | null;
  altered: boolean | null;
  /** Whether the signer's chain ends at this instance's own root certificate (so this Kinora made the file). */
  signed_by_this_instance: boolean | null;
  manifest: ManifestSummary | null;
  /** For a file without a (readable) manifest: the video of this instance it is a copy of, by its picture. */
  copy_of: CopyOf | null;
  /** The C2PA validation codes behind the verdict. */
  validation: Array<{ code: string; success: boolean; explanation?: string | undefined }>;
}

const hashMismatch = /^assertion\.(bmffHash|dataHash|hashedURI)\.mismatch$|^assertion\.(bmffHash|dataHash)\.malformed$/;
const signatureProblem = /^(claimSignature|signingCredential)\./;

const messages: Record<VerifyStatus, string> = {
  authentic: 'Signed and unaltered: the C2PA signature is valid and the file matches what was signed.',
  altered: 'Altered: the file was changed after it was signed (its content no longer matches the signed hash).',
  invalid_signature: 'Invalid: the C2PA manifest is present but its signature, signing certificate or contents do not hold.',
  no_manifest: 'No C2PA manifest: this file carries no provenance (a re-encoded or remuxed copy loses it).',
};

function noManifest(): VerifyReport {
  return {
    status: 'no_manifest',
    message: messages.no_manifest,
    has_manifest: false,
    signature_valid: null,
    altered: null,
    signed_by_this_instance: null,
    manifest: null,
    copy_of: null,
    validation: [],
  };
}

/** Whether the bytes hold a top-level C2PA box, found without parsing the rest (which may be damaged). */
function hasC2paBox(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(c2paBoxUuid);
}

/** The file as c2pa-ts reads it; undefined when it is not an MP4 or its boxes no longer add up (cut short). */
function readableMp4(data: Uint8Array): BMFF | undefined {
  try {
    return BMFF.canRead(data) ? new BMFF(data) : undefined;
  } catch {
    return undefined;
  }
}

function cborContent<T>(box: SuperBox | undefined): T | null {
  const content = box?.contentBoxes[0];
  return content instanceof CBORBox ? (content.content as T) : null;
}

function summarize(manifest: Manifest): ManifestSummary {
  const assertions = manifest.assertions?.assertions ?? [];
  const generation = cborContent<KinoraGeneration>(assertions.find((a) => a.label === kinoraAssertionLabel)?.sourceBox);
  const tdm = cborContent<{ entries?: Record<string, { use?: string }> }>(assertions.find((a) => a.label?.endsWith('training-mining'))?.sourceBox);
  const actions: Action[] = (manifest.assertions?.getActionAssertions() ?? []).flatMap((a) => a.actions);
  const certificate: X509Certificate | undefined = manifest.signature?.signatureData.certificate;
  const claim = manifest.claim;
  return {
    label: manifest.label ?? '',
    signer: certificate ? commonName(certificate.subject) : 'unknown',
    issuer: certificate ? commonName(certificate.issuer) : null,
    signed_at: generation?.signed_at ?? null,
    claim_generator: [claim?.claimGeneratorName, claim?.claimGeneratorVersion].filter(Boolean).join(' '),
    actions: actions.map((a) => ({
      action: a.action,
      digital_source_type: a.digitalSourceType ?? null,
      software_agent: a.softwareAgent ? [a.softwareAgent.name, a.softwareAgent.version].filter(Boolean).join(' ') : null,
    })),
    generation,
    training_mining: Object.fromEntries(Object.entries(tdm?.entries ?? {}).map(([key, entry]) => [key, entry.use ?? ''])),
  };
}

/** Whether the signer's chain ends at `root` (same DER bytes), i.e. whether that root issued it. */
function chainEndsAt(manifest: Manifest, root: X509Certificate): boolean {
  const data = manifest.signature?.signatureData;
  const last = data?.chainCertificates.at(-1) ?? data?.certificate;
  return last !== undefined && Buffer.from(last.rawData).equals(Buffer.from(root.rawData));
}

function verdict(entries: ValidationStatusEntry[]): { status: VerifyStatus; signatureValid: boolean; altered: boolean } {
  const failures = entries.filter((e) => !e.success).map((e) => e.code as string);
  const altered = failures.some((code) => hashMismatch.test(code));
  const signatureValid =
    entries.some((e) => e.success && e.code === ValidationStatusCode.ClaimSignatureValidated) && !failures.some((code) => signatureProblem.test(code));
  const status = !signatureValid ? 'invalid_signature' : altered ? 'altered' : failures.length ? 'invalid_signature' : 'authentic';
  return { status, signatureValid, altered };
}

/**
 * Verification as the API and the CLI use it: against this instance's root certificate, if it has one, and, when
 * a `copies` finder is given, recognising an unsigned or unreadable file as an altered copy of one of its videos.
 */
export type Verifier = (bytes: Buffer) => Promise<VerifyReport>;
export function verifierFor(root: X509Certificate | undefined, copies?: Pick<CopyFinder, 'find'>): Verifier {
  return async (bytes) => {
    const report = await verifyMp4(bytes, root);
    if (!copies || report.manifest) return report;
    const copy = await copies.find(bytes);
    if (!copy) return report;
    const message = `Altered copy of ${copy.video_id}: its picture matches that video, but its signed manifest was removed (re-encoded, remuxed or cut).`;
    return { ...report, status: 'altered', altered: true, message, copy_of: copy };
  };
}

/**
 * Reads and validates the C2PA manifest of an MP4 (c2pa-ts: signature, certificate profile, assertion hashes and
 * the BMFF hash over the file). `root` is this instance's root certificate, to say whether it signed the file.
 */
export async function verifyMp4(bytes: Uint8Array, root?: X509Certificate): Promise<VerifyReport> {
  acceptMp4Brands();
  // A copy of its own: an upload's Buffer may be a view into a larger pooled buffer.
  const data = new Uint8Array(bytes);
  const asset = readableMp4(data);
  if (!asset) {
    if (!hasC2paBox(data)) return noManifest();
    return {
      ...noManifest(),
      status: 'altered',
      message: 'Altered: the file holds a C2PA manifest but is no longer a valid MP4 (cut or damaged after signing).',
      has_manifest: true,
      altered: true,
    };
  }
  const jumbf = asset.getManifestJUMBF();
  if (!jumbf) return noManifest();

  let store: ManifestStore | undefined;
  let result: ValidationResult;
  try {
    store = ManifestStore.read(SuperBox.fromBuffer(new Uint8Array(jumbf)));
    result = await store.validate(asset);
  } catch (error) {
    result = ValidationResult.fromError(error as Error);
  }
  const manifest = store?.getActiveManifest();
  const { status, signatureValid, altered } = verdict(result.statusEntries);
  return {
    status,
    message: messages[status],
    has_manifest: true,
    signature_valid: signatureValid,
    altered,
    signed_by_this_instance: manifest && root ? signatureValid && chainEndsAt(manifest, root) : null,
    manifest: manifest ? summarize(manifest) : null,
    copy_of: null,
    validation: result.statusEntries.map((e) => ({ code: e.code, success: e.success === true, explanation: e.explanation })),
  };
}
