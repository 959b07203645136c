/**
 * A5: the 取得 code (電子証明書取得 with a one-time code). The bank issues the administrator's when
 * it opens or restores (A3) a 電子証明書方式 contract; the administrator issues each user's. A code
 * is 80 random bits shown once to whoever issued it; only its SHA-256 is kept (it is random, so a
 * fast hash is enough), compared in constant time. It is used once, by its deadline
 * (config.certificateCodeTtlMs); a new code for the same user replaces the old.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../identity/actors.ts';
import { newId } from '../identity/ids.ts';
import type { CertificateCodeRecord, ContractRecord, UserRecord } from '../ports.ts';
import type { Tx } from '../use-case.ts';

/** Crockford's base32 alphabet: no I, L, O, U, so a code read aloud or typed is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_CHARS = 16; // 16 × 5 = 80 bits

/** What the issuer is shown once: the code, grouped XXXX-XXXX-XXXX-XXXX, and its deadline. */
export interface CertificateCode {
  code: string;
  expiresAt: number;
}

function normaliseCode(code: unknown): string | null {
  if (typeof code !== 'string' || code.length > 64) return null;
  const c = code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return c.length === CODE_CHARS && [...c].every((ch) => ALPHABET.includes(ch)) ? c : null;
}

function codeHash(normalised: string): string {
  return createHash('sha256').update(`kinko-certificate-code:${normalised}`).digest('hex');
}

/** Constant time over the two hashes (both 64 hex characters), so timing says nothing of the code. */
export function codeMatches(record: CertificateCodeRecord, given: unknown): boolean {
  const n = normaliseCode(given);
  const expected = Buffer.from(record.codeHash, 'utf8');
  const actual = Buffer.from(codeHash(n ?? ''), 'utf8');
  return expected.length === actual.length && timingSafeEqual(expected, actual) && n !== null;
}

function newCode(tx: Tx): string {
  let out = '';
  for (const b of tx.deps.random.bytes(CODE_CHARS)) out += ALPHABET[b & 31]; // 256 = 8 × 32: uniform
  return out.match(/.{4}/g)?.join('-') ?? out;
}

/**
 * Issues a new code for the user of a 電子証明書方式 contract in this transaction (older open codes are superseded) and
 * audits it. The code is returned to be shown once; it is in no record and no log.
 */
export async function issueCode(
  tx: Tx,
  actor: Actor,
  contract: ContractRecord,
  user: UserRecord,
  reason: 'contract_opened' | 'restored' | 'issued_by_admin',
): Promise<CertificateCode> {
  // The callers have checked that the contract is on 電子証明書方式 (A5).
  const code = newCode(tx);
  const expiresAt = tx.now + tx.deps.config.certificateCodeTtlMs;
  const superseded = await tx.store.certificateCodes.supersede(user.id, tx.now);
  await tx.store.certificateCodes.insert({
    id: newId(tx.deps.random),
    contractId: contract.id,
    userId: user.id,
    codeHash: codeHash(normaliseCode(code) ?? ''),
    issuedAt: tx.now,
    expiresAt,
    usedAt: null,
    supersededAt: null,
  });
  tx.audit({
    actor,
    action: 'certificate.code_issued',
    subject: user.id,
    contractId: contract.id,
    detail: { loginId: user.loginId, reason, expiresAt, supersededCodes: superseded },
  });
  return { code, expiresAt };
}
