import type { X509Certificate } from '@peculiar/x509';
import { CoseAlgorithmIdentifier, type Signer } from '@trustnxt/c2pa-ts/cose';
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import type { SigningIdentity } from './signing-identity.js';

/**
 * An ES256 signer for c2pa-ts that writes the signature as COSE requires (RFC 9053: the raw r|s pair, IEEE
 * P1363). c2pa-ts 0.9's own LocalSigner writes ECDSA signatures ASN.1 DER-encoded, which its reader accepts but
 * c2pa-rs (the reference reader) rejects as "EC signature should be in P1363 r|s format".
 */
export class Es256Signer implements Signer {
  readonly algorithm = CoseAlgorithmIdentifier.ES256;
  readonly certificate: X509Certificate;
  readonly chainCertificates: X509Certificate[];
  private readonly key: KeyObject;

  constructor(identity: SigningIdentity) {
    this.key = createPrivateKey({ key: Buffer.from(identity.privateKey), format: 'der', type: 'pkcs8' });
    this.certificate = identity.certificate;
    this.chainCertificates = identity.chain;
  }

  sign(payload: Uint8Array): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(sign('sha256', payload, { key: this.key, dsaEncoding: 'ieee-p1363' })));
  }
}
