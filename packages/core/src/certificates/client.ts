/**
 * A5, the holder's side of 電子証明書取得 (`kinko cert request`; the web page later): a new key pair
 * made where it will live, and the PKCS#10 request the bank signs. The private key is returned to
 * the caller to keep (PKCS#8 PEM); it is never sent anywhere.
 */
import * as x509 from '@peculiar/x509';
import { pemText } from './authority.ts';
import type { Holder } from './names.ts';

const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export interface CertificateRequest {
  csrPem: string;
  privateKeyPem: string;
}

/** A P-256 key pair and a request naming the holder (the bank sets the full subject anyway). */
export async function makeCertificateRequest(holder: Holder): Promise<CertificateRequest> {
  const keys = (await crypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const name: x509.JsonName = [{ OU: [holder.contractNumber] }, { CN: [holder.loginId] }];
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({ name, keys, signingAlgorithm: EC });
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', keys.privateKey);
  return {
    csrPem: pemText(csr.toString('pem')),
    privateKeyPem: pemText(x509.PemConverter.encode(pkcs8, 'PRIVATE KEY')),
  };
}
