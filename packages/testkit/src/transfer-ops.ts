import type {
  BankAccountView,
  CustomerActor,
  PendingTransfer,
  StepUpProof,
  TransferInput,
  TransferReceipt,
  TransferRecord,
} from '@kinko/core';
import { isBusinessDay, isKinkoError, jstDate, nextBusinessDay, verifyLedger } from '@kinko/core';
import { addBusinessDays, jstTime, PENDING_TTL_MS } from '@kinko/core/internal';
import { auditRecordCount } from '@kinko/store/testing';
/**
 * The operation model behind the transfer properties (STYLE habit 10): random sequences of
 * same-day and scheduled transfers (振替, 本支店宛, 他行宛), cancellations, runs of the scheduled
 * job at later days, confirmation retries with the same Idempotency-Key (one after the other and
 * at once), wrong OTPs, insufficient funds, expired and refused transfers, driven through the real
 * core; `run` checks after every sequence that the ledger verifies, every balance is what the
 * completed transfers say, every completed transfer is posted exactly once and nothing else is.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { wrongCode } from './bank.ts';
import { failure } from './failure.ts';
import { openTestAccount } from './ledger.ts';
import { mizuho, type TransferBank, typedOutsider } from './transfers.ts';

type Who = 'token' | 'idp';
type Dest = 'own' | 'same_bank' | 'other_bank';
export type Op =
  | { kind: 'now'; who: Who; dest: Dest; amount: number; enterTwice: boolean }
  | { kind: 'later'; who: Who; dest: Dest; amount: number; days: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'job'; days: number }
  | { kind: 'retry'; concurrent: boolean }
  | { kind: 'wrongOtp'; dest: Dest; amount: number }
  | { kind: 'expired'; dest: Dest }
  | { kind: 'twice' }
  | { kind: 'bad'; amount: number };

const who = fc.constantFrom<Who>('token', 'token', 'idp');
const dest = fc.constantFrom<Dest>('own', 'same_bank', 'other_bank');
// Mostly affordable, sometimes more than the payer holds (ledger.insufficient_funds).
const amount = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 300_000 }), weight: 4 },
  { arbitrary: fc.integer({ min: 400_000, max: 2_000_000 }), weight: 1 },
);
export const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constant('now' as const), who, dest, amount, enterTwice: fc.boolean() }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('later' as const),
      who,
      dest,
      amount,
      days: fc.integer({ min: 1, max: 4 }),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }), weight: 2 },
  {
    arbitrary: fc.record({ kind: fc.constant('job' as const), days: fc.integer({ min: 0, max: 3 }) }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('retry' as const), concurrent: fc.boolean() }), weight: 2 },
  fc.record({ kind: fc.constant('wrongOtp' as const), dest, amount }),
  fc.record({ kind: fc.constant('expired' as const), dest }),
  fc.record({ kind: fc.constant('twice' as const) }),
  fc.record({ kind: fc.constant('bad' as const), amount: fc.constantFrom(0, -1, 1.5, 10_000_000_000) }),
);

/** M5 refusals (limits), which other tests prove; here they only must move nothing. */
const limitCodes = new Set(['limits.exceeded', 'limits.same_day_unregistered_exceeded']);

/** 09:00 JST on a bank date. */
const morningOf = (date: string) => Date.parse(`${date}T09:00:00+09:00`);
const FOURTEEN = 14 * 3_600_000;

interface Confirmed {
  actor: CustomerActor;
  transferId: string;
  key: string;
  proof: StepUpProof;
  receipt: TransferReceipt;
}

export async function run(tb: TransferBank, ops: Op[], opts: { limited?: boolean } = {}): Promise<string[]> {
  const { bank } = tb;
  const kinko = bank.kinko;
  const idpSecond = await openTestAccount(bank, {
    contractNumber: tb.idp.contractNumber,
    type: 'current',
    holderKana: 'ﾖｿﾌﾞﾂｻﾝ',
  });
  const opening = new Map<string, number>([
    [tb.payer.id, 1_000_000],
    [tb.second.id, 0],
    [tb.outsider.id, 0],
    [tb.idp.account.id, 500_000],
    [idpSecond.id, 0],
  ]);
  const entered: string[] = []; // every transfer id ever entered
  const confirmKeys = new Map<string, string>(); // confirm key → transfer id
  const scheduled: { actor: CustomerActor; id: string }[] = [];
  let last: Confirmed | null = null;

  const actorOf = (w: Who) => (w === 'token' ? tb.user : tb.idp.actor);
  const to = (w: Who, d: Dest): TransferInput['to'] => {
    if (d === 'own') return { kind: 'own', accountId: (w === 'token' ? tb.second : idpSecond).id };
    return d === 'same_bank' ? typedOutsider(tb) : mizuho;
  };
  const fromOf = (w: Who): BankAccountView => (w === 'token' ? tb.payer : tb.idp.account);
  const today = () => jstDate(bank.clock.now());
  /** Same-day transfers need a business day before the cut-off: move on to tomorrow's morning. */
  const sameDayOpen = () => {
    const now = bank.clock.now();
    if (isBusinessDay(today()) && jstTime(now) < FOURTEEN) return;
    bank.clock.ms = morningOf(nextBusinessDay(today()));
  };
  const available = async (accountId: string) => {
    const a = await bank.store.accounts.get(accountId);
    if (!a) throw new Error('no account');
    return a.overdraftLimit === null ? Number.POSITIVE_INFINITY : a.balance + a.overdraftLimit;
  };
  const unchanged = async (what: () => Promise<unknown>) => {
    const head = await auditRecordCount(bank.store);
    const ledger = await verifyLedger(bank.store);
    await what();
    expect((await verifyLedger(bank.store)).postings).toBe(ledger.postings);
    return head;
  };

  /** Enters a transfer; null when M4 refuses a same-day one to a first-time payee (ID・パスワード方式). */
  const enter = async (w: Who, d: Dest, amt: number, valueDate: string, key = tb.key()) => {
    const input = { fromAccountId: fromOf(w).id, to: to(w, d), amount: amt, valueDate };
    try {
      const p = await kinko.enterTransfer(actorOf(w), input, key);
      entered.push(p.transfer.id);
      return { p, key, input };
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (opts.limited && code !== undefined && limitCodes.has(code)) return null;
      if (code !== 'transfer.same_day_not_allowed') throw e;
      // Only ID・パスワード方式 same-day to someone not registered in writing may be refused here.
      expect(w === 'idp' && d !== 'own' && valueDate === today()).toBe(true);
      return null;
    }
  };

  /** Confirms with the right proof; checks the outcome against the funds read just before. */
  const confirm = async (w: Who, p: PendingTransfer, key = tb.key(), proof = tb.proof(actorOf(w), p)) => {
    const actor = actorOf(w);
    const sameDay = p.transfer.valueDate === today();
    const enough = (await available(p.transfer.fromAccountId)) >= p.transfer.total;
    const outcome = await kinko.confirmTransfer(actor, p.transfer.id, proof, key).catch((e: unknown) => e);
    if (isKinkoError(outcome)) {
      // M5 (limits, checked before the posting) may refuse any transfer; short funds refuse a
      // same-day one. Either way the transfer waits as entered and nothing moved.
      if (!limitCodes.has(outcome.code)) {
        expect(sameDay && !enough, outcome.code).toBe(true);
        expect(outcome.code).toBe('ledger.insufficient_funds');
      }
      expect((await bank.store.transfers.get(p.transfer.id))?.status).toBe('pending');
      return null;
    }
    if (outcome instanceof Error) throw outcome;
    const r = outcome as TransferReceipt;
    expect(sameDay && !enough, 'posted without the funds').toBe(false);
    expect(r.transfer.status).toBe(sameDay ? 'completed' : 'scheduled');
    expect(r.receiptNumber).toMatch(/^\d{8}-\d{8}$/);
    confirmKeys.set(key, p.transfer.id);
    last = { actor, transferId: p.transfer.id, key, proof, receipt: r };
    if (!sameDay) scheduled.push({ actor, id: p.transfer.id });
    return r;
  };

  for (const o of ops) {
    bank.clock.advance(60_000);
    switch (o.kind) {
      case 'now': {
        sameDayOpen();
        const e = await enter(o.who, o.dest, o.amount, today());
        if (!e) break;
        if (o.enterTwice) {
          // M3: a retried entry answers the first pending transfer and enters nothing new.
          const again = await kinko.enterTransfer(actorOf(o.who), e.input, e.key);
          expect(again).toEqual(e.p);
        }
        await confirm(o.who, e.p);
        break;
      }
      case 'later': {
        const date = addBusinessDays(today(), o.days);
        const e = await enter(o.who, o.dest, o.amount, date);
        if (e) await confirm(o.who, e.p);
        break;
      }
      case 'cancel': {
        const mine = scheduled.filter((s) => s.actor === tb.user);
        const s = mine[o.pick % Math.max(1, mine.length)];
        if (!s) break;
        const t = await bank.store.transfers.get(s.id);
        if (!t) throw new Error('lost transfer');
        bank.clock.advance(30_000);
        const proof = { otp: tb.token.code() };
        if (t.status === 'scheduled' && today() < t.valueDate) {
          const v = await kinko.cancelScheduledTransfer(tb.user, s.id, proof);
          expect(v.status).toBe('cancelled');
        } else {
          await unchanged(async () => {
            const e = await failure(kinko.cancelScheduledTransfer(tb.user, s.id, proof));
            expect(e.code).toBe('transfer.not_cancellable');
          });
        }
        break;
      }
      case 'job': {
        if (o.days > 0) {
          const target = morningOf(addBusinessDays(today(), o.days));
          if (target > bank.clock.now()) bank.clock.ms = target;
        }
        const before = await Promise.all(scheduled.map((s) => bank.store.transfers.get(s.id)));
        const due = before.filter((t) => t?.status === 'scheduled' && t.valueDate <= today());
        const r = await kinko.runScheduledTransfers();
        expect(r.completed + r.failed).toBe(due.length);
        for (const t of due) {
          const after = await bank.store.transfers.get((t as TransferRecord).id);
          expect(['completed', 'failed']).toContain(after?.status);
          if (after?.status === 'failed') expect(after.failure).toBe('ledger.insufficient_funds');
        }
        // The job is idempotent: a second run finds nothing.
        expect(await kinko.runScheduledTransfers()).toEqual({ completed: 0, failed: 0 });
        break;
      }
      case 'retry': {
        const l = last as Confirmed | null;
        if (!l) break;
        // M3: the same key (and the same, already used, OTP) answers the first result.
        const again = o.concurrent
          ? await Promise.all([
              kinko.confirmTransfer(l.actor, l.transferId, l.proof, l.key),
              kinko.confirmTransfer(l.actor, l.transferId, l.proof, l.key),
            ])
          : [await kinko.confirmTransfer(l.actor, l.transferId, l.proof, l.key)];
        for (const a of again) expect(a).toEqual(l.receipt);
        break;
      }
      case 'wrongOtp': {
        sameDayOpen();
        const e = await enter('token', o.dest, o.amount, today());
        if (!e) break;
        const key = tb.key();
        bank.clock.advance(30_000);
        await unchanged(async () => {
          const bad = await failure(
            kinko.confirmTransfer(tb.user, e.p.transfer.id, { otp: wrongCode(tb.token.code()) }, key),
          );
          expect(bad.code).toBe('otp.invalid');
        });
        // M2, M3: the refused proof left the key free for the corrected confirmation.
        await confirm('token', e.p, key, { otp: tb.token.code() });
        break;
      }
      case 'expired': {
        sameDayOpen();
        const e = await enter('token', o.dest, 1_000, today());
        if (!e) break;
        bank.clock.advance(PENDING_TTL_MS + 60_000);
        await unchanged(async () => {
          const x = await failure(
            kinko.confirmTransfer(tb.user, e.p.transfer.id, tb.proof(tb.user, e.p), tb.key()),
          );
          // Past the cut-off or on another day the value date is checked first.
          expect([
            'transfer.expired',
            'transfer.value_date_past',
            'transfer.value_date_after_cutoff',
          ]).toContain(x.code);
        });
        break;
      }
      case 'twice': {
        const l = last as Confirmed | null;
        if (!l) break;
        // Another key for a transfer already confirmed: refused, nothing posted.
        await unchanged(async () => {
          const e = await failure(kinko.confirmTransfer(l.actor, l.transferId, { otp: '000000' }, tb.key()));
          expect(e.code).toBe('transfer.not_pending');
        });
        break;
      }
      case 'bad': {
        const head = await auditRecordCount(bank.store);
        const e = await failure(
          kinko.enterTransfer(
            tb.user,
            { fromAccountId: tb.payer.id, to: mizuho, amount: o.amount, valueDate: today() },
            tb.key(),
          ),
        );
        expect(e.code).toBe('amount.invalid');
        expect(await auditRecordCount(bank.store)).toBe(head);
        break;
      }
    }
  }

  await checkLedger(tb, entered, confirmKeys, opening);
  return entered;
}

/** The invariants after a sequence (M1, M3). */
async function checkLedger(
  tb: TransferBank,
  entered: string[],
  confirmKeys: Map<string, string>,
  opening: Map<string, number>,
): Promise<void> {
  const store = tb.bank.store;
  const report = await verifyLedger(store);
  expect(report.problems).toEqual([]);
  expect(report.ok).toBe(true);

  // Journal entries per transfer (their reference is the transfer's id).
  const perTransfer = new Map<string, string[]>();
  for (let afterId: string | undefined; ; ) {
    const page = await store.journal.listEntries({ afterId, limit: 500 });
    for (const { entry } of page) {
      if (entry.kind !== 'transfer' || entry.reference === null) continue;
      perTransfer.set(entry.reference, [...(perTransfer.get(entry.reference) ?? []), entry.id]);
    }
    if (page.length < 500) break;
    afterId = page.at(-1)?.entry.id;
  }

  const expected = new Map(opening);
  const add = (id: string | null, v: number) => {
    if (id !== null && expected.has(id)) expected.set(id, (expected.get(id) ?? 0) + v);
  };
  let fees = 0;
  let outbound = 0;
  const receipts = new Set<string>();
  for (const id of entered) {
    const t = await store.transfers.get(id);
    if (!t) throw new Error(`transfer ${id} is missing`);
    const entries = perTransfer.get(id) ?? [];
    if (t.status === 'completed') {
      // Posted exactly once, by the entry the transfer names.
      expect(entries, `${id} completed`).toEqual([t.entryId]);
      add(t.fromAccountId, -(t.amount + t.fee));
      add(t.toAccountId, t.amount);
      fees += t.fee;
      if (t.kind === 'other_bank') outbound += t.amount;
    } else {
      expect(entries, `${id} ${t.status}`).toEqual([]);
    }
    if (t.receiptNumber !== null) {
      expect(receipts.has(t.receiptNumber)).toBe(false);
      receipts.add(t.receiptNumber);
    }
  }
  // No transfer reference posted that is not a transfer we entered.
  for (const ref of perTransfer.keys()) expect(entered).toContain(ref);
  // No idempotency key posted twice: each confirm key names one transfer, posted at most once.
  for (const [key, id] of confirmKeys) expect((perTransfer.get(id) ?? []).length, key).toBeLessThanOrEqual(1);

  for (const [id, balance] of expected) {
    const a = await store.accounts.get(id);
    expect(a?.balance, id).toBe(balance);
    expect(a?.balance ?? 0).toBeGreaterThanOrEqual(-(a?.overdraftLimit ?? 0));
  }
  expect((await store.accounts.getInternal('fee_income')).balance).toBe(fees);
  expect((await store.accounts.getInternal('zengin_outbound')).balance).toBe(outbound);
}
