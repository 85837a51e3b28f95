import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  PemConverter,
  SubjectKeyIdentifierExtension,
  X509CertificateGenerator,
} from '@peculiar/x509';
import { randomBytes, webcrypto } from 'node:crypto';

const es256 = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
/** id-kp-documentSigning (RFC 9336), one of the extended key usages C2PA accepts for a claim signer. */
const documentSigning = '1.3.6.1.5.5.7.3.36';
const day = 24 * 60 * 60 * 1000;

const serialNumber = (): string => `01${randomBytes(15).toString('hex')}`;

/**
 * Kinora's own signing identity: a local root CA and an ES256 end-entity certificate it issues. C2PA readers
 * (c2pa-rs among them) refuse a self-signed signer certificate and one without a critical digitalSignature key
 * usage, an acceptable extended key usage (documentSigning / emailProtection) and an authority key identifier, so
 * the signer is issued by a CA and carries all of those. The CA's private key is thrown away once it has signed:
 * nothing else is ever issued from it, and a key that is not kept cannot leak.
 */
export async function createSigningIdentity(organization = 'Kinora'): Promise<{ keyPem: string; chainPem: string }> {
  const subtle = webcrypto.subtle;
  const caKeys = await subtle.generateKey(es256, false, ['sign', 'verify']);
  const signerKeys = await subtle.generateKey(es256, true, ['sign', 'verify']);
  const notBefore = new Date(Date.now() - day);

  const caName = `CN=${organization} local provenance CA, O=${organization}`;
  const ca = await X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: caName,
    notBefore,
    notAfter: new Date(notBefore.getTime() + 20 * 365 * day),
    signingAlgorithm: es256,
    keys: caKeys,
    extensions: [
      new BasicConstraintsExtension(true, 0, true),
      new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
      await SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const signer = await X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: `CN=${organization} video signer, O=${organization}`,
    issuer: ca.subject,
    notBefore,
    notAfter: new Date(notBefore.getTime() + 10 * 365 * day),
    signingAlgorithm: es256,
    publicKey: signerKeys.publicKey,
    signingKey: caKeys.privateKey,
    extensions: [
      new BasicConstraintsExtension(false, undefined, true),
      new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
      new ExtendedKeyUsageExtension([documentSigning, ExtendedKeyUsage.emailProtection], false),
      await SubjectKeyIdentifierExtension.create(signerKeys.publicKey),
      await AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const pkcs8 = await subtle.exportKey('pkcs8', signerKeys.privateKey);
  return {
    keyPem: PemConverter.encode(pkcs8, 'PRIVATE KEY'),
    chainPem: `${signer.toString('pem')}\n${ca.toString('pem')}\n`,
  };
}
