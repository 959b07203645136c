/**
 * Transfer fees (M7, 振込手数料). The fee depends on where the money goes (同一店 / 本支店 /
 * 他行) and on whether the amount is below or from the threshold (¥30,000 by default), and it
 * is the fee of the table in force on the value date, not on the entry date (DOMAIN §1.8:
 * aosyn, choshi — a scheduled transfer entered before a fee change pays the new fee).
 */
import type { BankConfig, FeeTable } from '../config.ts';
import { KinkoError } from '../errors.ts';

export type { FeeTable } from '../config.ts';

export type FeeCategory = 'ownAccounts' | 'sameBranch' | 'otherBranch' | 'otherBank';

export interface FeeInput {
  /** The debited account's branch (3 digits, this bank). */
  fromBranch: string;
  /** The payee's bank (4 digits). */
  toBankCode: string;
  /** The payee's branch (3 digits). */
  toBranch: string;
  /** Integer yen, already parsed (amountFrom). */
  amount: number;
  /** 'YYYY-MM-DD', the value date (振込指定日). */
  valueDate: string;
  /** This bank's code; defaults to config.ownBankCode. */
  ownBankCode?: string;
  /**
   * 振替 (DOMAIN §1.8): both accounts belong to the same contract. Kinko charges nothing for
   * moving money between a customer's own accounts, whatever the branches; the M7 table prices
   * 振込 only.
   */
  betweenOwnAccounts?: boolean;
}

/** M7: which column of the fee table a transfer falls in. */
export function feeCategory(input: Omit<FeeInput, 'amount' | 'valueDate'>, ownBankCode: string): FeeCategory {
  if (input.betweenOwnAccounts) return 'ownAccounts';
  if (input.toBankCode !== (input.ownBankCode ?? ownBankCode)) return 'otherBank';
  return input.toBranch === input.fromBranch ? 'sameBranch' : 'otherBranch';
}

function assertTable(t: FeeTable): void {
  const fees = [...t.sameBranch, ...t.otherBranch, ...t.otherBank];
  const ok =
    /^\d{4}-\d{2}-\d{2}$/.test(t.effectiveFrom) &&
    Number.isSafeInteger(t.threshold) &&
    t.threshold > 0 &&
    fees.length === 6 &&
    fees.every((f) => Number.isSafeInteger(f) && f >= 0);
  if (!ok) throw new KinkoError('server.internal', `fee table from ${t.effectiveFrom} is malformed`);
}

/**
 * M7: the table in force on `valueDate` — the one with the latest `effectiveFrom` ≤ valueDate.
 * No table in force is a configuration error, not the customer's (a free transfer by accident
 * would be worse).
 */
export function feeTableOn(valueDate: string, tables: readonly FeeTable[]): FeeTable {
  let best: FeeTable | undefined;
  for (const t of tables) {
    assertTable(t);
    if (t.effectiveFrom <= valueDate && (!best || t.effectiveFrom > best.effectiveFrom)) best = t;
  }
  if (!best) throw new KinkoError('server.internal', `no fee table in force on ${valueDate}`);
  return best;
}

/** M7: the fee in integer yen for a transfer; 0 for 振替 between the contract's own accounts. */
export function transferFee(input: FeeInput, config: Pick<BankConfig, 'feeTables' | 'ownBankCode'>): number {
  const category = feeCategory(input, config.ownBankCode);
  if (category === 'ownAccounts') return 0;
  const table = feeTableOn(input.valueDate, config.feeTables);
  // "from ¥30,000" includes ¥30,000 itself (3万円以上).
  const [below, from] = table[category];
  return input.amount >= table.threshold ? from : below;
}
