/**
 * The one way money moves (M1): a balanced double-entry posting, inside the caller's
 * transaction, with the balance check under the accounts' locks. Transfers, fees, clearing and
 * account opening all call post(); nothing else writes a balance.
 */

import { KinkoError } from '../errors.ts';
import type { Actor } from '../identity/actors.ts';
import { newId } from '../identity/ids.ts';
import type { AccountRecord, EntryKind, JournalEntryRecord, PostingRecord } from '../ports.ts';
import type { Tx } from '../use-case.ts';
import { accountLabel } from './accounts.ts';
import { type Yen, yen } from './yen.ts';

export interface EntryLine {
  accountId: string;
  /** Signed: positive credits (入金) the account, negative debits (出金) it. */
  amount: Yen;
  /** 摘要 for this line on the account's statement; the entry's memo when absent. */
  memo?: string;
}

export interface EntryInput {
  /** Who moves the money; post() writes the audit record of the movement (L1). */
  actor: Actor;
  kind: EntryKind;
  memo: string;
  reference: string | null;
  /** Applied in this order; an account may appear more than once (an amount and its fee). */
  lines: readonly EntryLine[];
}

export interface PostedEntry {
  entry: JournalEntryRecord;
  /** One per line, in line order, each with the account's running balance after it. */
  postings: PostingRecord[];
}

/** Larger than any real movement, small enough that no sum of balances nears 2^53. */
const MAX_LINE = 1e15;
const MAX_MEMO = 64;
// biome-ignore lint/suspicious/noControlCharactersInRegex: a statement line never holds control characters
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A broken precondition of post() is a bug in the caller, never a customer's mistake. */
export class LedgerAssertion extends Error {
  override readonly name = 'LedgerAssertion';
}

/**
 * STYLE habit 3: the entry balances and every line is a non-zero integer, asserted before
 * anything is read or written.
 */
export function assertEntry(entry: EntryInput): void {
  const fail = (why: string): never => {
    throw new LedgerAssertion(`ledger: ${why}`);
  };
  if (typeof entry?.kind !== 'string' || entry.kind.length === 0) fail('entry without a kind');
  assertMemo(entry.memo, fail);
  if (entry.reference !== null && (typeof entry.reference !== 'string' || entry.reference.length > 128)) {
    fail('reference must be null or a string of at most 128 characters');
  }
  if (!entry.actor || typeof entry.actor.kind !== 'string') fail('entry without an actor');
  if (!Array.isArray(entry.lines) || entry.lines.length < 2) fail('an entry has at least two lines');
  let sum = 0;
  for (const [i, line] of entry.lines.entries()) {
    if (typeof line?.accountId !== 'string' || line.accountId.length === 0) fail(`line ${i} has no account`);
    const a = line.amount;
    if (!Number.isSafeInteger(a)) fail(`line ${i} amount ${String(a)} is not an integer`);
    if (a === 0) fail(`line ${i} amount is 0`);
    if (Math.abs(a) > MAX_LINE) fail(`line ${i} amount ${a} is out of range`);
    if (line.memo !== undefined) assertMemo(line.memo, fail);
    sum += a;
  }
  if (sum !== 0) fail(`entry does not balance: lines sum to ${sum}`);
}

function assertMemo(memo: unknown, fail: (why: string) => never): void {
  if (typeof memo !== 'string' || memo.length === 0 || memo.length > MAX_MEMO || CONTROL.test(memo)) {
    fail(`memo must be 1–${MAX_MEMO} printable characters`);
  }
}

/**
 * Posts a balanced entry in the use case's transaction. The touched accounts are locked in id
 * order (no deadlock between two postings on the same accounts), each line is applied in turn,
 * and a debit that would take a balance below -overdraft throws ledger.insufficient_funds: the
 * caller's transaction then rolls back whole, so nothing of the entry remains (M1).
 */
export async function post(tx: Tx, input: EntryInput): Promise<PostedEntry> {
  assertEntry(input);
  const ids = [...new Set(input.lines.map((l) => l.accountId))].sort();
  const locked = await tx.store.accounts.lock(ids);
  const state = new Map<string, { account: AccountRecord; balance: number; seq: number }>();
  for (const account of locked)
    state.set(account.id, { account, balance: account.balance, seq: account.lastSeq });

  const entry: JournalEntryRecord = {
    id: newId(tx.deps.random),
    at: tx.now,
    kind: input.kind,
    memo: input.memo,
    reference: input.reference,
  };
  const postings: PostingRecord[] = [];
  for (const line of input.lines) {
    const s = state.get(line.accountId);
    if (!s) throw new KinkoError('account.not_found', 'A posting names an account that does not exist.');
    const { account } = s;
    if (account.status === 'closed')
      throw new KinkoError('account.closed', `${accountLabel(account)} is closed`);
    if (account.status === 'frozen' && line.amount < 0) {
      throw new KinkoError('account.frozen', `${accountLabel(account)} accepts no debits`);
    }
    const after = yen(s.balance + line.amount);
    // M1: a balance never goes below 0 unless an overdraft is configured, and never below it.
    if (line.amount < 0 && account.overdraftLimit !== null && after < -account.overdraftLimit) {
      throw new KinkoError('ledger.insufficient_funds', 'The balance is not enough for this payment.', {
        accountId: account.id,
      });
    }
    s.balance = after;
    s.seq += 1;
    postings.push({
      entryId: entry.id,
      accountId: account.id,
      seq: s.seq,
      amount: line.amount,
      balanceAfter: after,
      at: entry.at,
      memo: line.memo ?? entry.memo,
    });
  }

  await tx.store.journal.append(entry, postings);
  for (const s of state.values()) {
    await tx.store.accounts.advance(s.account.id, s.account.lastSeq, {
      balance: yen(s.balance),
      lastSeq: s.seq,
    });
  }
  tx.audit({
    actor: input.actor,
    action: 'ledger.posted',
    subject: entry.id,
    detail: {
      kind: entry.kind,
      reference: entry.reference,
      lines: postings.map((p) => ({
        account: accountLabel(must(state.get(p.accountId)).account),
        amount: p.amount,
      })),
    },
  });
  return { entry, postings };
}

function must<T>(v: T | undefined): T {
  if (v === undefined) throw new Error('ledger: unreachable');
  return v;
}
