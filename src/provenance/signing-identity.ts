import { X509Certificate, PemConverter } from '@peculiar/x509';
import { createPrivateKey, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createSigningIdentity } from './local-ca.js';

/**
 * The key and certificate chain that sign every MP4's C2PA manifest: the end-entity certificate first, then the
 * certificates up to (and including) its root, which is how C2PA readers expect the chain in the COSE header.
 */
export interface SigningIdentity {
  /** PKCS#8 DER of the ES256 private key. */
  privateKey: Uint8Array;
  certificate: X509Certificate;
  chain: X509Certificate[];
  /** Where it came from: `generated` (Kinora's own local CA) or `configured` (the operator's files). */
  source: 'generated' | 'configured';
}

export interface SigningIdentityPaths {
  /** `KINORA_SIGNING_KEY`: the operator's own PEM private key; with `certPath`, replaces the generated identity. */
  keyPath?: string | undefined;
  /** `KINORA_SIGNING_CERT`: PEM certificates, the signer's first and then its chain. */
  certPath?: string | undefined;
  dataDir: string;
}

export class SigningIdentityError extends Error {}

const keyFile = 'signing-key.pem';
const certFile = 'signing-cert.pem';

function readIdentity(keyPath: string, certPath: string, source: SigningIdentity['source']): SigningIdentity {
  let privateKey: Uint8Array;
  let certificates: X509Certificate[];
  try {
    const key = createPrivateKey(fs.readFileSync(keyPath));
    if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
      throw new SigningIdentityError(`${keyPath}: the signing key must be an EC P-256 key (ES256)`);
    }
    privateKey = new Uint8Array(key.export({ format: 'der', type: 'pkcs8' }));
    certificates = PemConverter.decode(fs.readFileSync(certPath, 'utf8')).map((der) => new X509Certificate(der));
  } catch (error) {
    if (error instanceof SigningIdentityError) throw error;
    throw new SigningIdentityError(`cannot read the signing identity (${keyPath}, ${certPath}): ${(error as Error).message}`);
  }
  const [certificate, ...chain] = certificates;
  if (!certificate) throw new SigningIdentityError(`${certPath}: no certificate in it`);
  return { privateKey, certificate, chain, source };
}

/**
 * Generates the identity into a folder of its own and renames the folder into place, so that several processes
 * starting at once on one data directory end up with the same identity: the first rename wins, the others find
 * the folder taken and read it.
 */
async function generateInto(dir: string): Promise<void> {
  const { keyPem, chainPem } = await createSigningIdentity();
  const staging = `${dir}.${randomUUID()}.tmp`;
  await fs.promises.mkdir(staging, { recursive: true, mode: 0o700 });
  try {
    await fs.promises.writeFile(path.join(staging, keyFile), keyPem, { mode: 0o600 });
    await fs.promises.writeFile(path.join(staging, certFile), chainPem, { mode: 0o644 });
    await fs.promises.rename(staging, dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true });
  }
}

/**
 * The operator's key and certificate when both are configured; otherwise Kinora's own, created on first start
 * under `<dataDir>/provenance/` (key file mode 0600). Processes that share the data directory, or that are given
 * the same two files, sign as the same identity.
 */
export async function loadSigningIdentity(paths: SigningIdentityPaths): Promise<SigningIdentity> {
  if (paths.keyPath !== undefined || paths.certPath !== undefined) {
    if (paths.keyPath === undefined || paths.certPath === undefined) {
      throw new SigningIdentityError('KINORA_SIGNING_KEY and KINORA_SIGNING_CERT go together: set both or neither');
    }
    return readIdentity(paths.keyPath, paths.certPath, 'configured');
  }
  const dir = path.join(paths.dataDir, 'provenance');
  if (!fs.existsSync(path.join(dir, keyFile))) {
    await fs.promises.mkdir(paths.dataDir, { recursive: true });
    await generateInto(dir);
  }
  return readIdentity(path.join(dir, keyFile), path.join(dir, certFile), 'generated');
}

/** The certificate the chain ends at: what a reader must trust to trust this signer. */
export const rootOf = (identity: SigningIdentity): X509Certificate => identity.chain.at(-1) ?? identity.certificate;

/**
 * The root of the identity this instance signs with, if it has one yet, without creating any: for a process that
 * only verifies (`kinora verify`), so that it can say whether this instance signed a file.
 */
export function existingSigningRoot(paths: SigningIdentityPaths): X509Certificate | undefined {
  const certPath = paths.certPath ?? path.join(paths.dataDir, 'provenance', certFile);
  if (!fs.existsSync(certPath)) return undefined;
  return PemConverter.decode(fs.readFileSync(certPath, 'utf8')).map((der) => new X509Certificate(der)).at(-1);
}

/** A name as a reader shows it: the common name of a distinguished name, else the whole name. */
export function commonName(distinguishedName: string): string {
  return /(?:^|,\s*)CN=([^,]+)/.exec(distinguishedName)?.[1] ?? distinguishedName;
}
