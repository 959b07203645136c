/**
 * L1, migration: until migration 0006 the log was one global chain of SHA-256 hashes that
 * anyone could recompute, under one head row that every audited transaction locked. Its records
 * are moved, in their order, into the keyed per-contract chains, once, in one transaction, by
 * the first process that starts with the audit key (prepareAuditLog). The old chain is verified
 * on the way and what was found is itself recorded (audit.migrated), so the move is on the
 * record: nothing of the old log is dropped without a trace, and an old break stays visible.
 */
import { createHash } from 'node:crypto';
import type { LegacyAuditRecord } from '../ports.ts';
import type { KinkoDeps } from '../use-case.ts';
import { type AuditEntry, appendEntries } from './chain.ts';
import { canonicalJson } from './record.ts';
import { AUDIT_KEY_ID_SETTING } from './verify.ts';

const PAGE = 1000;
const LEGACY_GENESIS = '0'.repeat(64);

/** The old record hash, kept only to check the old chain while it is migrated. */
export function legacyRecordHash(prevHash: string, r: Omit<LegacyAuditRecord, 'prevHash' | 'hash'>): string {
  const fields = [
    Number(r.seq),
    Number(r.at),
    r.actorType,
    r.actorId,
    r.contractId,
    r.action,
    r.subject,
    r.outcome,
    r.detail,
  ];
  return createHash('sha256').update(prevHash).update(JSON.stringify(fields)).digest('hex');
}

export interface AuditPreparation {
  /** Records moved from the old log (0 when there was none left). */
  migrated: number;
  /** Where the old chain did not hold, if it did not. */
  legacyBroken?: { seq: number; reason: string };
}

/**
 * Run by every process at start-up, before it serves (the CLI's runtime): refuses an audit key
 * that is not the one the log was written under (its records would never verify), records the
 * key's public id on first use, and migrates the old log if any is left. Two processes starting
 * at once: the old head is locked, so one migrates and the other then finds nothing.
 */
export function prepareAuditLog(deps: KinkoDeps): Promise<AuditPreparation> {
  const key = deps.auditKey;
  return deps.store.transaction(async (store) => {
    const keyId = await store.settings.get(AUDIT_KEY_ID_SETTING);
    if (keyId !== null && keyId !== key.id) {
      throw new Error(
        `the audit key given (id ${key.id}) is not the one this audit log was written under (id ${keyId})`,
      );
    }
    if (keyId === null) await store.settings.put(AUDIT_KEY_ID_SETTING, key.id);
    const head = await store.audit.legacy.head();
    if (!head) return { migrated: 0 };

    let prevHash = LEGACY_GENESIS;
    let prevSeq = 0;
    let legacyBroken: AuditPreparation['legacyBroken'];
    const noteBreak = (seq: number, reason: string) => {
      legacyBroken ??= { seq, reason };
    };
    let migrated = 0;
    for (;;) {
      const page = await store.audit.legacy.page({ afterSeq: prevSeq, limit: PAGE });
      const entries: AuditEntry[] = [];
      for (const r of page) {
        if (r.seq > head.seq) break;
        if (r.seq !== prevSeq + 1) noteBreak(prevSeq + 1, `record ${prevSeq + 1} is missing`);
        else if (r.prevHash !== prevHash)
          noteBreak(r.seq, `record ${r.seq} does not link to record ${prevSeq}`);
        else if (legacyRecordHash(r.prevHash, r) !== r.hash) noteBreak(r.seq, `record ${r.seq} was changed`);
        prevSeq = r.seq;
        prevHash = r.hash;
        const { seq: _seq, prevHash: _prev, hash: _hash, ...entry } = r;
        entries.push(entry);
      }
      await appendEntries(store, key, entries);
      migrated += entries.length;
      if (page.length < PAGE || entries.length < page.length) break;
    }
    if (prevSeq < head.seq) noteBreak(prevSeq + 1, `records ${prevSeq + 1}…${head.seq} are missing`);
    else if (prevHash !== head.hash) noteBreak(prevSeq, `the head does not match record ${prevSeq}`);
    await store.audit.legacy.clear();
    await appendEntries(store, key, [
      {
        at: deps.clock.now(),
        actorType: 'system',
        actorId: null,
        contractId: null,
        action: 'audit.migrated',
        subject: null,
        outcome: legacyBroken ? 'failure' : 'success',
        detail: canonicalJson({
          records: migrated,
          legacyHeadSeq: head.seq,
          legacyHeadHash: head.hash,
          ...(legacyBroken ? { legacyBrokenAt: legacyBroken.seq, legacyReason: legacyBroken.reason } : {}),
        }),
      },
    ]);
    return legacyBroken ? { migrated, legacyBroken } : { migrated };
  });
}
