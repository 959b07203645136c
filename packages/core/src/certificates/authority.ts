/**
 * A5: the bank's own certificate authority. Its private key is given by configuration like the
 * KEK (the CLI reads KINKO_CA_KEY_FILE and KINKO_CA_CERT_FILE), never stored in the database;
 * core receives it as KinkoDeps.ca. X.509 with @peculiar/x509 on Node's WebCrypto.
 */
import * as x509 from '@peculiar/x509';
import type { CaKeys, Random } from '../ports.ts';

/** ECDSA P-256 with SHA-256 signs the CA's certificates and CRLs (RFC 5758 §3.2). */
export const CA_SIGNING = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export interface CertificateAuthority extends CaKeys {
  certificate: x509.X509Certificate;
  privateKey: CryptoKey;
  /** The CA certificate, PEM and DER, as published (GET /api/v1/ca/certificate). */
  pem: string;
  der: Uint8Array;
}

const parsed = new WeakMap<CaKeys, CertificateAuthority>();

/** The configured CA with its certificate parsed once (loadCertificateAuthority's result already is). */
export function authorityOf(keys: CaKeys): CertificateAuthority {
  if ('certificate' in keys && 'pem' in keys) return keys as CertificateAuthority;
  let ca = parsed.get(keys);
  if (!ca) {
    const certificate = new x509.X509Certificate(keys.der.slice().buffer);
    ca = { ...keys, certificate, pem: pemText(certificate.toString('pem')) };
    parsed.set(keys, ca);
  }
  return ca;
}

/**
 * A positive serial of 127 random bits (CA/Browser Forum BR §7.1: at least 64 bits of CSPRNG
 * output): the first byte has its top bit clear (positive, RFC 5280 §4.1.2.2) and its next bit
 * set, so the DER integer is always 16 bytes and the hex has no leading zero.
 */
export function randomSerial(random: Random): string {
  const bytes = random.bytes(16);
  if (bytes.length !== 16) throw new Error('Random returned the wrong number of bytes');
  bytes[0] = ((bytes[0] ?? 0) & 0x3f) | 0x40;
  return Buffer.from(bytes).toString('hex');
}

/** X.509 times have whole seconds: the record keeps exactly what the certificate says. */
export function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** PEM text as files and chains want it: ending in a newline, so that blocks can be concatenated. */
export function pemText(pem: string): string {
  return pem.endsWith('\n') ? pem : `${pem}\n`;
}

export interface NewAuthority {
  /** PKCS#8 PEM of the CA's private key: the bank keeps it like the KEK (0600, never in the DB). */
  keyPem: string;
  certificatePem: string;
}

/**
 * `kinko ca init` and the demo: a new P-256 CA key and its self-signed certificate (CA:TRUE,
 * pathLen 0, keyCertSign and cRLSign, critical), valid `years` from `now`. The key pair comes
 * from WebCrypto's own generator; the serial from the injected Random.
 */
export async function createCertificateAuthority(o: {
  bankName: string;
  now: number;
  random: Random;
  years?: number;
}): Promise<NewAuthority> {
  const keys = (await crypto.subtle.generateKey(CA_SIGNING, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notBefore = new Date(wholeSeconds(o.now));
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + (o.years ?? 10));
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(o.random),
    name: [{ O: [o.bankName] }, { CN: [`${o.bankName} Client CA`] }],
    notBefore,
    notAfter,
    keys,
    signingAlgorithm: CA_SIGNING,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', keys.privateKey);
  return {
    keyPem: pemText(x509.PemConverter.encode(pkcs8, 'PRIVATE KEY')),
    certificatePem: pemText(certificate.toString('pem')),
  };
}

/**
 * Reads the configured CA: the certificate must be a CA certificate with keyCertSign, and the key
 * must be its key (a test signature checked with the certificate's public key), so a mismatched
 * pair fails when the server starts rather than at the first issuance.
 */
export async function loadCertificateAuthority(
  keyPem: string,
  certificatePem: string,
): Promise<CertificateAuthority> {
  let certificate: x509.X509Certificate;
  try {
    certificate = new x509.X509Certificate(certificatePem);
  } catch {
    throw new Error('the CA certificate is not a PEM X.509 certificate');
  }
  const basic = certificate.getExtension(x509.BasicConstraintsExtension);
  const usage = certificate.getExtension(x509.KeyUsagesExtension);
  if (!basic?.ca || !usage || (usage.usages & x509.KeyUsageFlags.keyCertSign) === 0) {
    throw new Error('the CA certificate is not a CA certificate (basicConstraints CA, keyUsage keyCertSign)');
  }
  let privateKey: CryptoKey;
  try {
    const der = x509.PemConverter.decodeFirst(keyPem);
    privateKey = await crypto.subtle.importKey('pkcs8', der, CA_SIGNING, false, ['sign']);
  } catch {
    throw new Error('the CA key is not a PKCS#8 PEM P-256 private key');
  }
  const probe = new TextEncoder().encode('kinko ca key check');
  const signature = await crypto.subtle.sign(CA_SIGNING, privateKey, probe);
  const publicKey = await certificate.publicKey.export(CA_SIGNING, ['verify']);
  if (!(await crypto.subtle.verify(CA_SIGNING, publicKey, signature, probe))) {
    throw new Error('the CA key is not the key of the CA certificate');
  }
  return {
    certificate,
    privateKey,
    pem: pemText(certificate.toString('pem')),
    der: new Uint8Array(certificate.rawData),
  };
}
