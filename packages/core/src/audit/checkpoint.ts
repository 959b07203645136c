/**
 * L1: a checkpoint is every chain's head at one moment, signed with the audit key's Ed25519
 * subkey, for the bank to keep outside the database (a WORM archive, a printout, an e-mail to
 * the auditors). `kinko audit verify --checkpoint FILE` then proves that nothing up to those
 * heads was removed or changed since, which the MACs alone cannot: whoever can write the
 * database can delete a chain's newest records and roll its head back to an older, valid one.
 */
import { KinkoError } from '../errors.ts';
import type { AuditHead, AuditKey, Store } from '../ports.ts';
import { type KinkoDeps, runUseCase } from '../use-case.ts';
import { signatureValid } from './key.ts';
import { canonicalJson } from './record.ts';

const CHECKPOINT_FORMAT = 'kinko-audit-checkpoint-v1';

export interface AuditCheckpoint {
  format: typeof CHECKPOINT_FORMAT;
  createdAt: number;
  /** The audit key's id and public key: the checkpoint verifies with the public key alone. */
  keyId: string;
  publicKey: string;
  heads: AuditHead[];
  /** Ed25519 over checkpointPayload (the other members, canonical JSON), base64url. */
  signature: string;
}

const PAGE = 1000;

/**
 * `kinko audit checkpoint`: the act is recorded first (in the bank's chain), so the checkpoint
 * covers its own record. The command line acts as the bank's own system.
 */
export async function checkpointAudit(deps: KinkoDeps): Promise<AuditCheckpoint> {
  await runUseCase(deps, async (tx) => {
    tx.audit({ actor: { kind: 'system' }, action: 'audit.checkpointed', contractId: null });
  });
  return createCheckpoint(deps.store, deps.auditKey, deps.clock.now());
}

/** Reads every head, a page at a time, and signs them. */
export async function createCheckpoint(store: Store, key: AuditKey, now: number): Promise<AuditCheckpoint> {
  const heads: AuditHead[] = [];
  let afterChain: string | undefined;
  for (;;) {
    const page = await store.audit.heads({
      limit: PAGE,
      ...(afterChain === undefined ? {} : { afterChain }),
    });
    for (const h of page) heads.push({ chain: h.chain, seq: Number(h.seq), mac: h.mac, at: Number(h.at) });
    const last = page.at(-1);
    if (!last || page.length < PAGE) break;
    afterChain = last.chain;
  }
  const unsigned = {
    format: CHECKPOINT_FORMAT,
    createdAt: now,
    keyId: key.id,
    publicKey: key.publicKey,
    heads,
  } as const;
  return { ...unsigned, signature: key.sign(checkpointPayload(unsigned)) };
}

/** The bytes the signature covers: every member but the signature, as canonical JSON. */
function checkpointPayload(cp: Omit<AuditCheckpoint, 'signature'>): Uint8Array {
  const { format, createdAt, keyId, publicKey, heads } = cp;
  return Buffer.from(canonicalJson({ format, createdAt, keyId, publicKey, heads }), 'utf8');
}

/** Why a checkpoint cannot be relied on with this key, or null when it can. */
export function checkpointProblem(cp: AuditCheckpoint, key: AuditKey): string | null {
  if (cp.publicKey !== key.publicKey || cp.keyId !== key.id) {
    return `the checkpoint was signed by another audit key (id ${cp.keyId}); this key has id ${key.id}`;
  }
  if (!signatureValid(cp.publicKey, checkpointPayload(cp), cp.signature)) {
    return 'the checkpoint signature does not verify: the file was changed after it was signed';
  }
  return null;
}

/** Reads a checkpoint file's text; every member is checked for shape before it is used. */
export function parseCheckpoint(text: string): AuditCheckpoint {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('it is not JSON');
  }
  const cp = value as Partial<AuditCheckpoint> | null;
  if (cp === null || typeof cp !== 'object') throw invalid('it is not a JSON object');
  if (cp.format !== CHECKPOINT_FORMAT) throw invalid(`format must be "${CHECKPOINT_FORMAT}"`);
  if (!Number.isSafeInteger(cp.createdAt)) throw invalid('createdAt must be a time in epoch milliseconds');
  for (const k of ['keyId', 'publicKey', 'signature'] as const) {
    if (typeof cp[k] !== 'string' || cp[k] === '') throw invalid(`${k} must be a non-empty string`);
  }
  if (!Array.isArray(cp.heads)) throw invalid('heads must be a list');
  const heads = cp.heads.map((h: Partial<AuditHead> | null, i): AuditHead => {
    const ok =
      h !== null &&
      typeof h === 'object' &&
      typeof h.chain === 'string' &&
      Number.isSafeInteger(h.seq) &&
      (h.seq ?? -1) >= 0 &&
      typeof h.mac === 'string' &&
      /^[0-9a-f]{64}$/.test(h.mac) &&
      Number.isSafeInteger(h.at);
    if (!ok) throw invalid(`heads[${i}] must have chain, seq ≥ 0, a 64-hex-digit mac and at`);
    return { chain: h.chain as string, seq: h.seq as number, mac: h.mac as string, at: h.at as number };
  });
  return {
    format: CHECKPOINT_FORMAT,
    createdAt: cp.createdAt as number,
    keyId: cp.keyId as string,
    publicKey: cp.publicKey as string,
    heads,
    signature: cp.signature as string,
  };
}

function invalid(why: string): KinkoError {
  return new KinkoError('audit.checkpoint_invalid', `not a Kinko audit checkpoint: ${why}`);
}
