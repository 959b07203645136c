import { type AuditKey, type AuditRecord, BANK_CHAIN, type Store } from '../ports.ts';
import { canonicalJson, recordMac, storableText } from './record.ts';

/** An audit record before the chain gives it a chain, a seq and MACs. */
export type AuditDraft = Omit<AuditRecord, 'chain' | 'seq' | 'prevMac' | 'mac' | 'detail'> & {
  detail: Record<string, unknown>;
};

/** L1: a record belongs to its contract's chain; one of no contract to the bank's. */
function chainOf(contractId: string | null): string {
  return contractId ?? BANK_CHAIN;
}

/**
 * Appends drafts to their chains. Must run inside the business transaction (L1: the record exists
 * iff the act committed). The heads of the chains touched are locked in sorted order (the same in
 * every process, so two transactions never wait for each other in a circle), last in the
 * transaction, so each is held only for the end of it; other contracts' chains are not touched.
 */
export function appendAudit(store: Store, key: AuditKey, drafts: readonly AuditDraft[]): Promise<void> {
  return appendEntries(
    store,
    key,
    drafts.map((d) => ({ ...d, detail: canonicalJson(d.detail) })),
  );
}

/** A draft whose detail is already canonical JSON text (a migrated record's, as it was stored). */
export type AuditEntry = Omit<AuditDraft, 'detail'> & { detail: string };

export async function appendEntries(
  store: Store,
  key: AuditKey,
  drafts: readonly AuditEntry[],
): Promise<void> {
  if (drafts.length === 0) return;
  const byChain = new Map<string, AuditEntry[]>();
  for (const d of drafts) {
    const chain = chainOf(d.contractId);
    const list = byChain.get(chain);
    if (list) list.push(d);
    else byChain.set(chain, [d]);
  }
  const chains = [...byChain.keys()].sort();
  const heads = await store.audit.lockHeads(chains);
  const records: AuditRecord[] = [];
  heads.forEach((head, i) => {
    let { seq, mac } = head;
    for (const d of byChain.get(chains[i] as string) ?? []) {
      const fields = {
        chain: head.chain,
        seq: seq + 1,
        at: d.at,
        actorType: d.actorType,
        actorId: textOrNull(d.actorId),
        contractId: textOrNull(d.contractId),
        action: storableText(d.action),
        subject: textOrNull(d.subject),
        outcome: d.outcome,
        detail: storableText(d.detail),
        prevMac: mac,
      };
      const record = { ...fields, mac: recordMac(key, fields) };
      records.push(record);
      ({ seq, mac } = record);
    }
  });
  await store.audit.append(records);
}

function textOrNull(text: string | null): string | null {
  return text === null ? null : storableText(text);
}
