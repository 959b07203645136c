// ---------------------------------------------------------------------------------------------
// Client certificates of the bank's CA and their 取得 codes (A5). The CA's private key is never
// here: it is given by configuration (KinkoDeps.ca), like the KEK.

/**
 * A5: the bank's CA as configuration gives it (like the Kek): its certificate, DER, and its
 * private key, a WebCrypto ECDSA P-256 signing key. `loadCertificateAuthority` makes one.
 */
export interface CaKeys {
  der: Uint8Array;
  privateKey: CryptoKey;
}

export const CERTIFICATE_STATES = ['active', 'revoked', 'superseded'] as const;
/** active; revoked (失効: PC change, loss, the bank); superseded (replaced by a renewal). */
export type CertificateState = (typeof CERTIFICATE_STATES)[number];

export const REVOCATION_REASONS = [
  'key_compromise',
  'superseded',
  'cessation_of_operation',
  'unspecified',
] as const;
/** RFC 5280 §5.3.1 CRLReason, the ones a bank's 失効 means. */
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

export interface CertificateRecord {
  /** The certificate's serial number, lowercase hex without leading zero bytes. */
  serial: string;
  contractId: string;
  userId: string;
  /** The subject DN as issued (RFC 4514 string). */
  subject: string;
  notBefore: number;
  notAfter: number;
  state: CertificateState;
  revokedAt: number | null;
  revocationReason: RevocationReason | null;
  issuedAt: number;
  /** The certificate itself (DER): public, kept so the bank can show or re-publish it. */
  der: Uint8Array;
}

/** A one-time 取得 code: only its SHA-256 is kept; the code is shown once to whoever issued it. */
export interface CertificateCodeRecord {
  id: string;
  contractId: string;
  userId: string;
  /** SHA-256 of the normalised code, hex. */
  codeHash: string;
  issuedAt: number;
  expiresAt: number;
  usedAt: number | null;
  /** A newer code for the same user replaced this one. */
  supersededAt: number | null;
}

export interface CertificatesStore {
  /** Duplicate serial → UniqueViolation. */
  insert(c: CertificateRecord): Promise<void>;
  getBySerial(serial: string): Promise<CertificateRecord | null>;
  /** The contract's certificates, newest first (issuedAt, then serial). */
  listByContract(contractId: string): Promise<CertificateRecord[]>;
  /** Revoked and superseded certificates not yet expired at `now`, for the CRL, by serial. */
  listRevoked(now: number): Promise<CertificateRecord[]>;
  /**
   * One conditional UPDATE from 'active' to `state`: true for the one caller that changed it, false
   * when it was not active (already revoked or superseded, or no such serial).
   */
  revoke(
    serial: string,
    state: 'revoked' | 'superseded',
    at: number,
    reason: RevocationReason,
  ): Promise<boolean>;
}

export interface CertificateCodesStore {
  insert(c: CertificateCodeRecord): Promise<void>;
  /** The user's newest code that is neither used nor superseded (expired or not), or null. */
  current(userId: string): Promise<CertificateCodeRecord | null>;
  /** Marks every open code of the user superseded; returns how many. */
  supersede(userId: string, at: number): Promise<number>;
  /**
   * Uses the code once: one conditional UPDATE (used_at still null and not superseded), so of any
   * number of concurrent pickups with one code, in any number of processes, exactly one gets true.
   */
  consume(id: string, at: number): Promise<boolean>;
}
