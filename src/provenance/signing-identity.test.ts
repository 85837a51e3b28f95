import { BasicConstraintsExtension, ExtendedKeyUsageExtension, KeyUsageFlags, KeyUsagesExtension, type X509Certificate } from '@peculiar/x509';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existingSigningRoot, loadSigningIdentity, rootOf, SigningIdentityError } from './signing-identity.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kinora-identity-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const der = (certificate: X509Certificate): string => Buffer.from(certificate.rawData).toString('base64');

describe('the signing identity', () => {
  it('is created on first start under <dataDir>/provenance, key mode 0600, and read back the same afterwards', async () => {
    expect(existingSigningRoot({ dataDir })).toBeUndefined();
    const first = await loadSigningIdentity({ dataDir });
    expect(first.source).toBe('generated');
    expect(fs.statSync(path.join(dataDir, 'provenance', 'signing-key.pem')).mode & 0o777).toBe(0o600);
    const again = await loadSigningIdentity({ dataDir });
    expect(der(again.certificate)).toBe(der(first.certificate));
    expect(der(existingSigningRoot({ dataDir })!)).toBe(der(rootOf(first)));
  });

  it('is a CA-issued ES256 signer certificate with the key usages C2PA readers require', async () => {
    const { certificate, chain } = await loadSigningIdentity({ dataDir });
    expect(chain).toHaveLength(1);
    expect(certificate.issuer).toBe(chain[0]!.subject);
    expect(certificate.subject).not.toBe(certificate.issuer);
    expect(await certificate.verify({ publicKey: chain[0]!.publicKey, signatureOnly: true })).toBe(true);
    expect(certificate.publicKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    const keyUsage = certificate.getExtension(KeyUsagesExtension);
    expect(keyUsage?.critical).toBe(true);
    expect(keyUsage!.usages & KeyUsageFlags.digitalSignature).toBeTruthy();
    expect(certificate.getExtension(ExtendedKeyUsageExtension)?.usages).toContain('1.3.6.1.5.5.7.3.36');
    expect(certificate.getExtension(BasicConstraintsExtension)?.ca).toBe(false);
    expect(chain[0]!.getExtension(BasicConstraintsExtension)?.ca).toBe(true);
  });

  it('comes out the same for processes that start together on one data directory', async () => {
    const identities = await Promise.all([1, 2, 3, 4].map(() => loadSigningIdentity({ dataDir })));
    expect(new Set(identities.map((i) => der(i.certificate))).size).toBe(1);
    expect(fs.readdirSync(dataDir)).toEqual(['provenance']);
  });

  it("uses the operator's own key and certificate when both are configured, and refuses one without the other", async () => {
    const other = await mkdtemp(path.join(os.tmpdir(), 'kinora-identity-own-'));
    try {
      const own = await loadSigningIdentity({ dataDir: other });
      const keyPath = path.join(other, 'provenance', 'signing-key.pem');
      const certPath = path.join(other, 'provenance', 'signing-cert.pem');
      const configured = await loadSigningIdentity({ dataDir, keyPath, certPath });
      expect(configured.source).toBe('configured');
      expect(der(configured.certificate)).toBe(der(own.certificate));
      expect(fs.existsSync(path.join(dataDir, 'provenance'))).toBe(false);
      await expect(loadSigningIdentity({ dataDir, keyPath })).rejects.toThrow(SigningIdentityError);
      await expect(loadSigningIdentity({ dataDir, keyPath: certPath, certPath })).rejects.toThrow(SigningIdentityError);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
