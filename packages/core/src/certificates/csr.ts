/**
 * A5: a PKCS#10 request (RFC 2986) from the holder, whose private key never leaves the client.
 * Refused before anything is issued: malformed or oversized input, a signature that does not
 * verify with the request's own key (proof of possession), a key other than P-256 or RSA of 2048
 * to 4096 bits, a signature hash weaker than SHA-256.
 */
import * as x509 from '@peculiar/x509';
import { KinkoError } from '../errors.ts';
import { arrayBufferOf, csrDer } from './input.ts';
import { type Holder, subjectFits } from './names.ts';

export interface VerifiedRequest {
  publicKey: x509.PublicKey;
  /** RSA keys also get keyEncipherment; EC keys sign only. */
  keyType: 'ec' | 'rsa';
  subject: x509.Name;
}

const strongHashes = new Set(['SHA-256', 'SHA-384', 'SHA-512']);

function hashName(alg: Algorithm): string | undefined {
  const hash = (alg as { hash?: string | { name?: string } }).hash;
  return typeof hash === 'string' ? hash : hash?.name;
}

export async function verifyRequest(input: unknown): Promise<VerifiedRequest> {
  const der = csrDer(input);
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(arrayBufferOf(der));
  } catch {
    throw new KinkoError('certificate.csr_malformed', 'the certificate request is not a PKCS#10 request');
  }
  const alg = csr.publicKey.algorithm as { name?: string; namedCurve?: string; modulusLength?: number };
  let keyType: VerifiedRequest['keyType'];
  if (alg.name === 'ECDSA' && alg.namedCurve === 'P-256') keyType = 'ec';
  else if (
    alg.name === 'RSASSA-PKCS1-v1_5' &&
    (alg.modulusLength ?? 0) >= 2048 &&
    (alg.modulusLength ?? 0) <= 4096
  )
    keyType = 'rsa';
  else throw new KinkoError('certificate.key_unsupported');
  if (!strongHashes.has(hashName(csr.signatureAlgorithm) ?? '')) {
    throw new KinkoError(
      'certificate.csr_bad_signature',
      'the request must be signed with SHA-256 or stronger',
    );
  }
  let verified = false;
  try {
    verified = await csr.verify();
  } catch {
    verified = false;
  }
  if (!verified) throw new KinkoError('certificate.csr_bad_signature');
  return { publicKey: csr.publicKey, keyType, subject: csr.subjectName };
}

/** The request may be issued to this holder (names.ts subjectFits), or it is refused. */
export function assertSubjectFits(request: VerifiedRequest, holder: Holder): void {
  if (!subjectFits(request.subject, holder)) {
    throw new KinkoError(
      'certificate.csr_subject_mismatch',
      'the request names another contract or user; leave the subject empty or name this contract (OU) and login ID (CN)',
    );
  }
}
