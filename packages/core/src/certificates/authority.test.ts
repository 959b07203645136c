import { realRandom, T0 } from '@kinko/testkit';
import * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { createCertificateAuthority, loadCertificateAuthority } from './authority.ts';

describe('A5 the bank CA', () => {
  it('A5: a new CA is P-256, CA:TRUE with pathLen 0, keyCertSign and cRLSign (critical), ten years, a random positive serial', async () => {
    const made = await createCertificateAuthority({
      bankName: 'テスト信用金庫',
      now: T0,
      random: realRandom,
    });
    const ca = await loadCertificateAuthority(made.keyPem, made.certificatePem);
    const cert = ca.certificate;
    const basic = cert.getExtension(x509.BasicConstraintsExtension);
    const usage = cert.getExtension(x509.KeyUsagesExtension);
    expect([basic?.ca, basic?.pathLength, basic?.critical]).toEqual([true, 0, true]);
    expect(usage?.usages).toBe(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign);
    expect(usage?.critical).toBe(true);
    expect(cert.publicKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(cert.notAfter.getUTCFullYear() - cert.notBefore.getUTCFullYear()).toBe(10);
    expect(cert.serialNumber).toMatch(/^[4-7][0-9a-f]{31}$/i);
    expect(cert.subjectName.getField('O')).toEqual(['テスト信用金庫']);
    expect(await cert.verify({ signatureOnly: true })).toBe(true);
    expect(made.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+-----END PRIVATE KEY-----\n$/);
  });

  it("A5: a CA key that is not the certificate's, a certificate that is no CA, or garbage is refused at start", async () => {
    const a = await createCertificateAuthority({ bankName: 'A', now: T0, random: realRandom });
    const b = await createCertificateAuthority({ bankName: 'B', now: T0, random: realRandom });
    await expect(loadCertificateAuthority(a.keyPem, b.certificatePem)).rejects.toThrow(/not the key/);
    await expect(loadCertificateAuthority('junk', a.certificatePem)).rejects.toThrow(/PKCS#8/);
    await expect(loadCertificateAuthority(a.keyPem, 'junk')).rejects.toThrow(/not a PEM/);
    const leafKeys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const leaf = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: '01',
      name: 'CN=leaf',
      notBefore: new Date(T0),
      notAfter: new Date(T0 + 86_400_000),
      keys: leafKeys,
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    });
    await expect(loadCertificateAuthority(a.keyPem, leaf.toString('pem'))).rejects.toThrow(/not a CA/);
  });
});
