/**
 * M1 reconciliation: recomputes every balance from the journal and checks the invariants that
 * post() keeps. It reads one consistent snapshot (Store.snapshot), so it may run while the bank
 * is open: a posting committed meanwhile is seen wholly or not at all.
 *
 * - every account's postings are numbered 1…lastSeq without a gap (none deleted);
 * - each posting's running balance is the previous one plus its amount, starting from 0;
 * - the stored balance equals the sum of the account's postings;
 * - no balance, stored or running, is below -overdraft (accounts with a limit);
 * - every entry has at least two non-zero lines that sum to 0;
 * - the balances of all accounts sum to exactly 0: money is neither created nor lost;
 * - the bank's own accounts exist.
 */

import type { AccountRecord, InternalAccountCode, Store } from '../ports.ts';
import { accountLabel, internalAccountCodes } from './accounts.ts';

const PAGE = 500;
const MAX_PROBLEMS = 100;

export async function verifyLedger(store: Store): Promise<LedgerVerification> {
  return store.snapshot(async (view) => {
    const problems = new Problems();
    const internal = new Set<InternalAccountCode>();
    let accounts = 0;
    let postings = 0;
    let storedTotal = 0;
    let journalTotal = 0;
    for (let afterId: string | undefined; ; ) {
      const page = await view.accounts.list({ afterId, limit: PAGE });
      for (const a of page) {
        accounts++;
        if (a.internal !== null) internal.add(a.internal);
        const walked = await walkAccount(view, a, problems);
        postings += walked.postings;
        storedTotal += a.balance;
        journalTotal += walked.balance;
      }
      if (page.length < PAGE) break;
      afterId = page.at(-1)?.id;
    }
    for (const code of internalAccountCodes) {
      if (!internal.has(code)) problems.add(`the bank's ${code} account is missing`);
    }
    if (storedTotal !== 0) problems.add(`the balances of all accounts sum to ${storedTotal}, not 0`);
    if (journalTotal !== 0) problems.add(`the postings of all accounts sum to ${journalTotal}, not 0`);

    const fromEntries = await checkEntries(view, problems);
    if (fromEntries.postings !== postings) {
      problems.add(`entries hold ${fromEntries.postings} postings, accounts ${postings}`);
    }
    return {
      ok: problems.list.length === 0,
      accounts,
      entries: fromEntries.entries,
      postings,
      problems: problems.done(),
    };
  });
}

async function walkAccount(
  view: Store,
  a: AccountRecord,
  problems: Problems,
): Promise<{ postings: number; balance: number }> {
  const label = accountLabel(a);
  const floor = a.overdraftLimit === null ? null : -a.overdraftLimit;
  let count = 0;
  let expected = 1;
  let balance = 0;
  let runningBroken = false;
  for (let afterSeq = 0; ; ) {
    const page = await view.journal.postings(a.id, { afterSeq, limit: PAGE });
    for (const p of page) {
      count++;
      if (p.seq !== expected) problems.add(`${label}: posting ${expected} is missing (next is ${p.seq})`);
      expected = p.seq + 1;
      if (!Number.isSafeInteger(p.amount) || p.amount === 0) {
        problems.add(`${label}: posting ${p.seq} has amount ${p.amount}`);
      }
      if (!runningBroken && p.balanceAfter !== balance + p.amount) {
        runningBroken = true; // one report per account; the rest would only repeat it
        problems.add(
          `${label}: posting ${p.seq} says balance ${p.balanceAfter}, the postings before it and its amount give ${balance + p.amount}`,
        );
      }
      balance += p.amount;
      if (floor !== null && p.amount < 0 && p.balanceAfter < floor) {
        problems.add(`${label}: posting ${p.seq} took the balance to ${p.balanceAfter}, below ${floor}`);
      }
    }
    const last = page.at(-1);
    if (!last || page.length < PAGE) break;
    afterSeq = last.seq;
  }
  if (a.lastSeq !== expected - 1) {
    problems.add(`${label}: the account says ${a.lastSeq} postings, the journal ends at ${expected - 1}`);
  }
  if (a.balance !== balance)
    problems.add(`${label}: stored balance ${a.balance}, the journal gives ${balance}`);
  if (floor !== null && a.balance < floor) problems.add(`${label}: balance ${a.balance} is below ${floor}`);
  return { postings: count, balance };
}

async function checkEntries(view: Store, problems: Problems): Promise<{ entries: number; postings: number }> {
  let entries = 0;
  let postings = 0;
  for (let afterId: string | undefined; ; ) {
    const page = await view.journal.listEntries({ afterId, limit: PAGE });
    for (const { entry, postings: lines } of page) {
      entries++;
      postings += lines.length;
      const sum = lines.reduce((s, p) => s + p.amount, 0);
      if (lines.length < 2) problems.add(`entry ${entry.id} has ${lines.length} posting(s)`);
      if (sum !== 0) problems.add(`entry ${entry.id} does not balance: its postings sum to ${sum}`);
      if (lines.some((p) => p.at !== entry.at))
        problems.add(`entry ${entry.id} has postings at another time`);
    }
    if (page.length < PAGE) break;
    afterId = page.at(-1)?.entry.id;
  }
  return { entries, postings };
}

class Problems {
  readonly list: string[] = [];
  private more = 0;
  add(p: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(p);
    else this.more++;
  }
  done(): string[] {
    return this.more === 0 ? this.list : [...this.list, `… and ${this.more} more`];
  }
}

/** M1 reconciliation (`kinko ledger verify`). */
export interface LedgerVerification {
  ok: boolean;
  accounts: number;
  entries: number;
  postings: number;
  problems: string[];
}
