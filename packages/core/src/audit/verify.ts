import type { AuditVerification } from '../api.ts';
import type { Store } from '../ports.ts';
import { GENESIS_HASH, recordHash } from './chain.ts';

const PAGE = 500;

/**
 * L1: walks the chain from the first record and reports the first place it does not hold: a
 * record whose hash does not match its fields (changed), a prevHash that is not the previous
 * record's hash (changed or replaced), a gap in seq (deleted), or a head that is ahead of or
 * differs from the last record (deleted or changed tail).
 *
 * Read-only and outside a transaction so that a long walk never blocks writers: the head is
 * read first and the walk stops there, so records appended meanwhile are not mistaken for
 * tampering.
 */
export async function verifyChain(store: Store): Promise<AuditVerification> {
  const head = await store.audit.head();
  const headSeq = Number(head.seq);
  let prevSeq = 0;
  let prevHash = GENESIS_HASH;
  let count = 0;
  walk: while (prevSeq < headSeq) {
    const page = await store.audit.list({ afterSeq: prevSeq, limit: PAGE });
    if (page.length === 0) break;
    for (const r of page) {
      const seq = Number(r.seq);
      if (seq > headSeq) break walk;
      if (seq !== prevSeq + 1) {
        return broken(count, prevSeq + 1, `record ${prevSeq + 1} is missing (deleted)`);
      }
      if (r.prevHash !== prevHash) {
        return broken(count, seq, `record ${seq} does not link to record ${prevSeq}`);
      }
      if (recordHash(r.prevHash, r) !== r.hash) {
        return broken(count, seq, `record ${seq} was changed`);
      }
      prevSeq = seq;
      prevHash = r.hash;
      count++;
    }
  }
  if (prevSeq < headSeq) {
    return broken(count, prevSeq + 1, `records ${prevSeq + 1}…${headSeq} are missing (deleted tail)`);
  }
  if (prevHash !== head.hash) {
    return broken(count, prevSeq, `the head does not match record ${prevSeq}`);
  }
  return { ok: true, count };
}

function broken(count: number, brokenAt: number, reason: string): AuditVerification {
  return { ok: false, count, brokenAt, reason };
}
