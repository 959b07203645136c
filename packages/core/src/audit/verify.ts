import { type AuditHead, type AuditKey, GENESIS_MAC, type Store } from '../ports.ts';
import { type AuditCheckpoint, checkpointProblem } from './checkpoint.ts';
import { macEqual } from './key.ts';
import { recordMac } from './record.ts';

const PAGE = 500;
/** A log broken everywhere (a restored backup of another bank, say) is reported in part. */
const MAX_PROBLEMS = 100;

/** Where the log's key id is kept (a public fingerprint, never the key): see prepareAuditLog. */
export const AUDIT_KEY_ID_SETTING = 'audit.key_id';

/**
 * L1: walks every chain from its first record and reports, per chain, the first place it does
 * not hold: a record whose MAC does not verify under the audit key (changed, or recomputed by
 * someone without the key), a prevMac that is not the previous record's mac, a gap in seq
 * (deleted), a head ahead of or different from the last record (deleted or changed tail), a
 * chain whose head was deleted. A chain's break does not stop the others from being read, so a
 * break in one contract's chain cannot hide an edit in another's.
 *
 * With a checkpoint (heads signed at an earlier moment and kept outside the database), it also
 * proves that no record up to each checkpointed head was removed or changed: a chain cut back
 * below its checkpoint, or a record that differs from the checkpointed mac, or a checkpointed
 * chain gone altogether. Without one, a database administrator who deletes a chain's newest
 * records and rolls its head back cannot be caught: that is what the checkpoint is for.
 *
 * Read-only and outside a transaction, so that a long walk never blocks writers: each head is
 * read before its records and the walk stops there, so records appended meanwhile are not
 * mistaken for tampering.
 */
export async function verifyAuditLog(
  store: Store,
  key: AuditKey,
  checkpoint?: AuditCheckpoint,
): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  const result = (records: number, chains: number): AuditVerification => ({
    ok: problems.length === 0,
    records,
    chains,
    problems: problems.slice(0, MAX_PROBLEMS),
    ...(checkpoint
      ? { checkpoint: { createdAt: checkpoint.createdAt, chains: checkpoint.heads.length } }
      : {}),
  });

  const keyId = await store.settings.get(AUDIT_KEY_ID_SETTING);
  if (keyId !== null && keyId !== key.id) {
    problems.push({
      chain: '*',
      seq: null,
      reason: `this log was written under another audit key (id ${keyId}); the key given has id ${key.id}`,
    });
    return result(0, 0);
  }
  if (checkpoint) {
    const wrong = checkpointProblem(checkpoint, key);
    if (wrong) {
      problems.push({ chain: '*', seq: null, reason: wrong });
      return result(0, 0);
    }
  }
  const marks = new Map(checkpoint?.heads.map((h) => [h.chain, h]));

  let records = 0;
  let chains = 0;
  let afterChain: string | undefined;
  for (;;) {
    const heads = await store.audit.heads({
      limit: PAGE,
      ...(afterChain === undefined ? {} : { afterChain }),
    });
    for (const head of heads) {
      chains++;
      const walked = await walkChain(store, key, head, marks.get(head.chain));
      records += walked.count;
      if (walked.problem) problems.push(walked.problem);
      marks.delete(head.chain);
    }
    const last = heads.at(-1);
    if (!last || heads.length < PAGE) break;
    afterChain = last.chain;
  }
  for (const [chain, mark] of marks) {
    problems.push({
      chain,
      seq: 1,
      reason: `the chain's head and records 1…${mark.seq} in the checkpoint are gone (deleted)`,
    });
  }
  for (const chain of await store.audit.headlessChains(MAX_PROBLEMS)) {
    problems.push({
      chain,
      seq: null,
      reason: "the chain's head is missing (deleted): its records cannot be vouched for",
    });
  }
  return result(records, chains);
}

async function walkChain(
  store: Store,
  key: AuditKey,
  head: AuditHead,
  mark: { seq: number; mac: string } | undefined,
): Promise<{ count: number; problem?: AuditProblem }> {
  let seq = 0;
  let prevMac = GENESIS_MAC;
  let count = 0;
  const broken = (at: number | null, reason: string) => ({
    count,
    problem: { chain: head.chain, seq: at, reason },
  });
  if (mark && head.seq < mark.seq) {
    return broken(
      head.seq + 1,
      `records ${head.seq + 1}…${mark.seq} in the checkpoint are gone (the chain was cut back)`,
    );
  }
  walk: while (seq < head.seq) {
    const page = await store.audit.chainRecords(head.chain, { afterSeq: seq, limit: PAGE });
    if (page.length === 0) break;
    for (const r of page) {
      const at = Number(r.seq);
      if (at > head.seq) break walk;
      if (at !== seq + 1) return broken(seq + 1, `record ${seq + 1} is missing (deleted)`);
      if (!macEqual(r.prevMac, prevMac)) return broken(at, `record ${at} does not link to record ${seq}`);
      if (!macEqual(recordMac(key, r), r.mac)) {
        return broken(at, `record ${at} was changed (its MAC does not verify under the audit key)`);
      }
      if (mark?.seq === at && !macEqual(mark.mac, r.mac)) {
        return broken(at, `record ${at} differs from the checkpoint (replaced)`);
      }
      seq = at;
      prevMac = r.mac;
      count++;
    }
  }
  if (seq < head.seq) return broken(seq + 1, `records ${seq + 1}…${head.seq} are missing (deleted tail)`);
  if (!macEqual(prevMac, head.mac)) return broken(seq, `the head does not match record ${seq}`);
  return { count };
}

/** A place where the log does not hold: the chain (or '*' for the whole log) and the record. */
interface AuditProblem {
  chain: string;
  seq: number | null;
  reason: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Records whose MAC and link verified. */
  records: number;
  chains: number;
  /** At most one per chain (a chain is not read past its first break), at most 100 in all. */
  problems: AuditProblem[];
  /** When verified against a checkpoint: when it was made and how many chains it vouched for. */
  checkpoint?: { createdAt: number; chains: number };
}
