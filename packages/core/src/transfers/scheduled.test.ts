import { openTestStoreTwin } from '@kinko/store/testing';
import { failure, openTransferBank, type TransferBank, testBackends, typedOutsider } from '@kinko/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKinko } from '../kinko.ts';
import { verifyLedger } from '../ledger/verify.ts';

/** 2025-01-08 00:00:30 JST: the start of the next business day. */
const NEXT_DAY = Date.UTC(2025, 0, 7, 15, 0, 30);

describe.each(testBackends())('scheduled transfers and payees on $name', (backend) => {
  let tb: TransferBank;
  beforeEach(async () => {
    tb = await openTransferBank(backend);
  });
  afterEach(() => tb.bank.cleanup());

  const balance = async (id: string) => (await tb.bank.store.accounts.get(id))?.balance;

  async function schedule(amount = 10_000, valueDate = '2025-01-08') {
    const p = await tb.enter(tb.user, { to: typedOutsider(tb), amount, valueDate });
    return tb.bank.kinko.confirmTransfer(tb.user, p.transfer.id, tb.proof(tb.user, p), tb.key());
  }

  it('M6: a scheduled transfer moves nothing until the start of its value date, then posts exactly once', async () => {
    const r = await schedule();
    expect(r.transfer).toMatchObject({ status: 'scheduled', receiptNumber: r.receiptNumber });
    expect(await tb.bank.kinko.runScheduledTransfers()).toEqual({ completed: 0, failed: 0 });
    expect(await balance(tb.payer.id)).toBe(1_000_000);
    tb.bank.clock.ms = NEXT_DAY;
    expect(await tb.bank.kinko.runScheduledTransfers()).toEqual({ completed: 1, failed: 0 });
    expect(await tb.bank.kinko.runScheduledTransfers()).toEqual({ completed: 0, failed: 0 });
    expect(await balance(tb.outsider.id)).toBe(10_000);
    expect(await balance(tb.payer.id)).toBe(1_000_000 - 10_110);
    expect((await tb.bank.kinko.getTransfer(tb.user, r.transfer.id)).status).toBe('completed');
    expect((await verifyLedger(tb.bank.store)).problems).toEqual([]);
  });

  it('M6: two processes running the job at once post each due transfer once', async () => {
    for (let i = 0; i < 5; i++) await schedule(1_000 + i);
    const twin = await openTestStoreTwin(tb.bank.store);
    const other = createKinko({ ...tb.bank.deps, store: twin });
    tb.bank.clock.ms = NEXT_DAY;
    const [a, b] = await Promise.all([tb.bank.kinko.runScheduledTransfers(), other.runScheduledTransfers()]);
    expect(a.completed + b.completed).toBe(5);
    expect(await balance(tb.outsider.id)).toBe(5 * 1_000 + 10);
    expect((await verifyLedger(tb.bank.store)).problems).toEqual([]);
  });

  it('M6: funds short on the value date: the transfer fails, nothing moves, the failure is audited', async () => {
    const r = await schedule(999_000);
    const p = await tb.enter(tb.user, { to: typedOutsider(tb), amount: 500_000 });
    await tb.bank.kinko.confirmTransfer(tb.user, p.transfer.id, tb.proof(tb.user, p), tb.key());
    tb.bank.clock.ms = NEXT_DAY;
    expect(await tb.bank.kinko.runScheduledTransfers()).toEqual({ completed: 0, failed: 1 });
    expect(await tb.bank.kinko.getTransfer(tb.user, r.transfer.id)).toMatchObject({
      status: 'failed',
      failure: 'ledger.insufficient_funds',
    });
    expect(await balance(tb.payer.id)).toBe(1_000_000 - 500_220);
    const [last] = await tb.bank.store.audit.list({ limit: 1 });
    expect(last).toMatchObject({ action: 'transfer.failed', outcome: 'failure' });
    expect((await verifyLedger(tb.bank.store)).problems).toEqual([]);
  });

  it('M6, M5b: a scheduled transfer is cancelled with the OTP until the day before its value date', async () => {
    const r = await schedule(10_000, '2025-01-09');
    tb.bank.clock.advance(30_000);
    const refused = await failure(
      tb.bank.kinko.cancelScheduledTransfer(tb.user, r.transfer.id, { otp: '000000' }),
    );
    expect(refused.code).toBe('otp.invalid');
    expect((await tb.bank.kinko.getTransfer(tb.user, r.transfer.id)).status).toBe('scheduled');
    const cancelled = await tb.bank.kinko.cancelScheduledTransfer(tb.user, r.transfer.id, {
      otp: tb.token.code(),
    });
    expect(cancelled.status).toBe('cancelled');
    const late = await schedule(10_000, '2025-01-08');
    tb.bank.clock.ms = NEXT_DAY; // the value date itself: too late
    const e = await failure(
      tb.bank.kinko.cancelScheduledTransfer(tb.user, late.transfer.id, { otp: tb.token.code() }),
    );
    expect(e.code).toBe('transfer.not_cancellable');
    tb.bank.clock.ms = Date.UTC(2025, 0, 8, 15, 0, 30); // the 9th
    expect(await tb.bank.kinko.runScheduledTransfers()).toEqual({ completed: 1, failed: 0 });
    expect(await balance(tb.outsider.id)).toBe(10_000);
  });

  it('M8: the bank registers payees from the written form; the customer reads them but cannot remove them', async () => {
    const written = await tb.bank.kinko.registerWrittenPayee(
      tb.bank.operator,
      tb.bank.contractNumber,
      {
        bankCode: '0001',
        branchCode: '001',
        accountType: 'current',
        accountNumber: '7654321',
        name: 'カブシキガイシャ　キンコ',
      },
      tb.key(),
    );
    expect(written).toMatchObject({
      kind: 'registered',
      payeeNumber: '001',
      name: 'ｶﾌﾞｼｷｶﾞｲｼﾔ ｷﾝｺ',
      bankName: 'みずほ',
    });
    const e = await failure(tb.bank.kinko.removeSavedPayee(tb.user, written.id));
    expect(e.code).toBe('payee.registered_read_only');
    const saved = await tb.bank.kinko.savePayee(
      tb.user,
      { ...typedOutsider(tb), nickname: '山田さん' },
      tb.key(),
    );
    const other = await tb.bank.addUser('user3');
    expect((await tb.bank.kinko.listPayees(other)).saved).toEqual([]);
    const list = await tb.bank.kinko.listPayees(tb.user);
    expect(list.registered.map((p) => p.id)).toEqual([written.id]);
    expect(list.saved.map((p) => p.id)).toEqual([saved.id]);
    await tb.bank.kinko.removeSavedPayee(tb.user, saved.id);
    expect((await tb.bank.kinko.listPayees(tb.user)).saved).toEqual([]);
    expect((await tb.bank.kinko.listPayees(tb.idp.actor)).registered).toEqual([]);
  });

  it('M8: 最近10回 lists the last ten distinct accounts paid', async () => {
    for (let i = 0; i < 12; i++) {
      const p = await tb.enter(tb.user, {
        to: {
          kind: 'typed',
          bankCode: '0001',
          branchCode: '001',
          accountType: 'ordinary',
          accountNumber: `00000${String(i).padStart(2, '0')}`,
          name: 'ﾃｽﾄ',
        },
        amount: 100,
      });
      await tb.bank.kinko.confirmTransfer(tb.user, p.transfer.id, tb.proof(tb.user, p), tb.key());
    }
    const recent = (await tb.bank.kinko.listPayees(tb.user)).recent;
    expect(recent).toHaveLength(10);
    expect(recent[0]?.accountNumber).toBe('0000011');
    expect((await verifyLedger(tb.bank.store)).problems).toEqual([]);
  });
});
