/**
 * The test bank's CA (A5): one P-256 CA per test process, made as `kinko ca init` makes one, so
 * every test bank can open 電子証明書方式 contracts and issue certificates.
 */
import { randomBytes } from 'node:crypto';
import { type CertificateAuthority, createCertificateAuthority, loadCertificateAuthority } from '@kinko/core';

/** A year before the test kit's T0 (2025-01-07): fake clocks either side of T0 are inside the CA. */
const CA_FROM = Date.UTC(2024, 0, 7);

let shared: Promise<CertificateAuthority> | undefined;

export function testCa(): Promise<CertificateAuthority> {
  shared ??= makeTestCa('Kinko Test Bank');
  return shared;
}

/** Another CA, for certificates the bank never issued. */
export async function makeTestCa(bankName: string): Promise<CertificateAuthority> {
  const made = await createCertificateAuthority({
    bankName,
    now: CA_FROM,
    random: { bytes: (n) => new Uint8Array(randomBytes(n)) },
  });
  return loadCertificateAuthority(made.keyPem, made.certificatePem);
}
