import { verifyChain } from '@kinko/core';
import type { Runtime } from '../runtime.ts';

/** `kinko audit verify`: walks the hash chain (L1); exit 0 when intact, 3 when broken. */
export async function auditVerify(rt: Runtime): Promise<number> {
  // The command line runs beside the database as the bank's own system, not as an operator.
  const r = await verifyChain(rt.store);
  if (r.ok) {
    console.log(`audit log intact: ${r.count} records`);
    return 0;
  }
  console.error(
    `audit log BROKEN at record ${r.brokenAt ?? '?'}: ${r.reason ?? 'hash mismatch'} (${r.count} records read)`,
  );
  return 3;
}
