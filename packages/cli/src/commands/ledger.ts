import type { LedgerVerification } from '@kinko/core';
import type { Runtime } from '../runtime.ts';

/**
 * `kinko ledger verify`: recomputes every balance from the journal and checks M1's invariants
 * (money conserved, every entry balanced, no balance below its overdraft, running balances
 * consistent). Exit 0 when the ledger verifies, 3 when it does not (as `audit verify`).
 */
export async function ledgerVerify(rt: Pick<Runtime, 'kinko'>): Promise<number> {
  const r: LedgerVerification = await rt.kinko.verifyLedger();
  const counts = `${r.accounts} accounts, ${r.entries} entries, ${r.postings} postings`;
  if (r.ok) {
    console.log(`ledger verified: ${counts}; balances match the journal and sum to 0`);
    return 0;
  }
  console.error(`ledger does NOT verify (${counts}): ${r.problems.length} problem(s)`);
  for (const p of r.problems) console.error(`  - ${p}`);
  return 3;
}
