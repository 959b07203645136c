import { openTestStoreTwin } from '@kinko/store/testing';
import {
  failure,
  openTestAccount,
  openTransferBank,
  pins,
  type TransferBank,
  testBackends,
  typedOutsider,
} from '@kinko/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.ts';
import { acceptTransfer } from '../transfers/accept.ts';
import { runUseCase } from '../use-case.ts';

/** 2025-01-08 00:00:30 JST: the start of the next business day. */
const NEXT_DAY = Date.UTC(2025, 0, 7, 15, 0, 30);
const limits = (perTransfer: number, perDay: number, sameDayUnregisteredPerDay: number | null = null) => ({
  perTransfer,
  perDay,
  sameDayUnregisteredPerDay,
});

describe.each(testBackends())('M5 limits and privileges on $name', (backend) => {
  let tb: TransferBank;
  beforeEach(async () => {
    tb = await openTransferBank(backend);
  });
  afterEach(() => tb.bank.cleanup());

  const send = async (amount: number, valueDate = '2025-01-07') => {
    const p = await tb.enter(tb.user, { to: typedOutsider(tb), amount, valueDate });
    return tb.bank.kinko.confirmTransfer(tb.user, p.transfer.id, tb.proof(tb.user, p), tb.key());
  };
  const usage = (scope: 'contract' | 'user', id: string, day = '2025-01-07') =>
    tb.bank.store.limits.usage(scope, id, day);
  const contractId = () => tb.bank.admin.contractId;
  const setLimits = (input: Parameters<TransferBank['bank']['kinko']['setLimits']>[1]) =>
    tb.bank.kinko.setLimits(tb.bank.admin, input);

  it('M5: the bank layer (契約限度額) refuses a transfer over its per-transfer limit, with details', async () => {
    await tb.bank.kinko.setBankLimits(tb.bank.operator, tb.bank.contractNumber, limits(50_000, 100_000));
    const e = await failure(tb.enter(tb.user, { to: typedOutsider(tb), amount: 60_000 }));
    expect(e.code).toBe('limits.exceeded');
    expect(e.details).toEqual({
      layer: 'bank',
      kind: 'per_transfer',
      limit: 50_000,
      used: 0,
      remaining: 50_000,
    });
    const audit = await tb.bank.store.audit.list({ limit: 20 });
    expect(audit.map((a) => a.action)).toContain('limits.bank_set');
  });

  it('M5: the contract layer (ご契約先限度額) refuses at confirm what the day has used up; nothing moves', async () => {
    await setLimits({ contractPin: pins.contract, contract: limits(100_000, 150_000) });
    const first = await tb.enter(tb.user, { to: typedOutsider(tb), amount: 100_000 });
    const second = await tb.enter(tb.user, { to: typedOutsider(tb), amount: 100_000 });
    await tb.bank.kinko.confirmTransfer(tb.user, first.transfer.id, tb.proof(tb.user, first), tb.key());
    const e = await failure(
      tb.bank.kinko.confirmTransfer(tb.user, second.transfer.id, tb.proof(tb.user, second), tb.key()),
    );
    expect(e.code).toBe('limits.exceeded');
    expect(e.details).toEqual({
      layer: 'contract',
      kind: 'per_day',
      limit: 150_000,
      used: 100_000,
      remaining: 50_000,
    });
    expect((await tb.bank.store.transfers.get(second.transfer.id))?.status).toBe('pending');
    expect(await usage('contract', contractId())).toEqual({
      used: 100_000,
      usedSameDayUnregistered: 100_000,
    });
    expect((await tb.bank.store.accounts.get(tb.outsider.id))?.balance).toBe(100_000);
    expect((await verifyLedger(tb.bank.store)).problems).toEqual([]);
  });

  it('M5 L1: a limit refusal, at entry and at confirmation, is audited and changes nothing else; the OTP is not spent', async () => {
    await setLimits({ contractPin: pins.contract, contract: limits(100_000, 150_000) });
    const transfersBefore = await tb.bank.store.transfers.listByContract(contractId(), { limit: 100 });
    const refusedEntry = await failure(tb.enter(tb.user, { to: typedOutsider(tb), amount: 120_000 }));
    expect(refusedEntry.code).toBe('limits.exceeded');
    expect(await tb.bank.store.transfers.listByContract(contractId(), { limit: 100 })).toEqual(
      transfersBefore,
    );

    const first = await tb.enter(tb.user, { to: typedOutsider(tb), amount: 100_000 });
    const second = await tb.enter(tb.user, { to: typedOutsider(tb), amount: 100_000 });
    await tb.bank.kinko.confirmTransfer(tb.user, first.transfer.id, tb.proof(tb.user, first), tb.key());
    const proof = tb.proof(tb.user, second);
    const refusedConfirm = await failure(
      tb.bank.kinko.confirmTransfer(tb.user, second.transfer.id, proof, tb.key()),
    );
    expect(refusedConfirm.code).toBe('limits.exceeded');
    expect((await tb.bank.store.transfers.get(second.transfer.id))?.status).toBe('pending');
    const refusals = (await tb.bank.store.audit.list({ limit: 50 })).filter(
      (a) => a.action === 'transfer.limit_refused',
    );
    expect(refusals.map((a) => [a.outcome, JSON.parse(a.detail).stage, JSON.parse(a.detail).layer])).toEqual([
      ['failure', 'confirm', 'contract'],
      ['failure', 'enter', 'contract'],
    ]);
    expect(refusals[0]?.subject).toBe(second.transfer.id);
    // The refusal came before the step-up: the same OTP still confirms once the room is there.
    await setLimits({ contractPin: pins.contract, contract: limits(100_000, 300_000) });
    const done = await tb.bank.kinko.confirmTransfer(tb.user, second.transfer.id, proof, tb.key());
    expect(done.transfer.status).toBe('completed');
  });

  it("M5: the user layer (利用者限度額) counts the user's own usage only", async () => {
    await setLimits({
      contractPin: pins.contract,
      users: [{ userId: tb.user.userId, limits: limits(30_000, 50_000) }],
    });
    await send(30_000);
    const e = await failure(send(30_000));
    expect(e.code).toBe('limits.exceeded');
    expect(e.details).toMatchObject({ layer: 'user', kind: 'per_day', used: 30_000, remaining: 20_000 });
    expect(await usage('user', tb.user.userId)).toMatchObject({ used: 30_000 });
  });

  it('M5: the same-day sub-limit for unregistered payees binds same-day 都度指定 only', async () => {
    await tb.bank.kinko.setBankLimits(
      tb.bank.operator,
      tb.bank.contractNumber,
      limits(1_000_000, 3_000_000, 50_000),
    );
    await send(40_000);
    const e = await failure(send(20_000));
    expect(e.code).toBe('limits.same_day_unregistered_exceeded');
    expect(e.details).toMatchObject({
      layer: 'bank',
      kind: 'same_day_unregistered_per_day',
      remaining: 10_000,
    });
    // Scheduled for tomorrow, or to the contract's own account: the sub-limit does not apply.
    expect((await send(20_000, '2025-01-08')).transfer.status).toBe('scheduled');
    const own = await tb.enter(tb.user, { to: { kind: 'own', accountId: tb.second.id }, amount: 200_000 });
    await tb.bank.kinko.confirmTransfer(tb.user, own.transfer.id, tb.proof(tb.user, own), tb.key());
    expect(await usage('contract', contractId())).toEqual({ used: 240_000, usedSameDayUnregistered: 40_000 });
  });

  it('M5: a cancelled or failed scheduled transfer gives its amount back to the day', async () => {
    const a = await send(10_000, '2025-01-08');
    await send(990_000, '2025-01-08');
    expect(await usage('contract', contractId(), '2025-01-08')).toMatchObject({ used: 1_000_000 });
    tb.bank.clock.advance(30_000); // a fresh step for the cancel's OTP (T2)
    await tb.bank.kinko.cancelScheduledTransfer(tb.user, a.transfer.id, { otp: tb.token.code() });
    expect(await usage('user', tb.user.userId, '2025-01-08')).toMatchObject({ used: 990_000 });
    await send(500_000); // today: leaves too little for the 990,000 (plus fee) tomorrow
    tb.bank.clock.ms = NEXT_DAY;
    expect(await tb.bank.kinko.runScheduledTransfers()).toEqual({ completed: 0, failed: 1 });
    expect(await usage('contract', contractId(), '2025-01-08')).toEqual({
      used: 0,
      usedSameDayUnregistered: 0,
    });
    expect((await verifyLedger(tb.bank.store)).problems).toEqual([]);
  });

  it('M5: the administrator cannot set limits above the bank ceiling; the PIN is required', async () => {
    const above = await failure(
      setLimits({ contractPin: pins.contract, contract: limits(20_000_000, 30_000_000) }),
    );
    expect(above.code).toBe('limits.above_ceiling');
    expect(above.details).toMatchObject({ field: 'perTransfer', ceiling: 10_000_000 });
    await setLimits({ contractPin: pins.contract, contract: limits(1_000_000, 2_000_000) });
    // A user's limits live within the contract's too.
    const user = await failure(
      setLimits({
        contractPin: pins.contract,
        users: [{ userId: tb.user.userId, limits: limits(1, 3_000_000) }],
      }),
    );
    expect(user).toMatchObject({
      code: 'limits.above_ceiling',
      details: { field: 'perDay', ceiling: 2_000_000 },
    });
    expect((await failure(setLimits({ contractPin: pins.wrong, contract: null }))).code).toBe('pin.invalid');
    expect(
      (await failure(tb.bank.kinko.setLimits(tb.user, { contractPin: pins.contract, contract: null }))).code,
    ).toBe('auth.forbidden');
    const view = await tb.bank.kinko.getLimits(tb.bank.admin);
    expect(view.contract).toEqual(limits(1_000_000, 2_000_000));
    expect(view.bank).toEqual(limits(10_000_000, 30_000_000));
  });

  it('M5: a user without 振込・振替 gets auth.forbidden on enter and on confirm', async () => {
    const pending = await tb.enter(tb.user, { to: typedOutsider(tb) });
    const view = await tb.bank.kinko.setUserPrivileges(tb.bank.admin, tb.user.userId, {
      privileges: ['inquiry', 'approve'],
      contractPin: pins.contract,
    });
    expect(view.privileges).toEqual(['inquiry', 'approve']);
    expect((await failure(tb.enter(tb.user, { to: typedOutsider(tb) }))).code).toBe('auth.forbidden');
    const e = await failure(
      tb.bank.kinko.confirmTransfer(tb.user, pending.transfer.id, tb.proof(tb.user, pending), tb.key()),
    );
    expect(e.code).toBe('auth.forbidden');
    const bad = await failure(
      tb.bank.kinko.setUserPrivileges(tb.bank.admin, tb.user.userId, {
        privileges: ['root'],
        contractPin: pins.contract,
      }),
    );
    expect(bad.code).toBe('request.invalid');
  });

  it('M5: concurrent transfers cannot exceed a daily limit (20 × ¥100,000 against ¥1,000,000, two processes)', async () => {
    await setLimits({ contractPin: pins.contract, contract: limits(1_000_000, 1_000_000) });
    const rich = await openTestAccount(tb.bank, { openingDeposit: 5_000_000 });
    const pending = [];
    for (let i = 0; i < 20; i++) {
      const p = await tb.enter(tb.user, {
        fromAccountId: rich.id,
        to: { kind: 'own', accountId: tb.second.id },
        amount: 100_000,
      });
      const t = await tb.bank.store.transfers.get(p.transfer.id);
      if (!t) throw new Error('entered transfer missing');
      pending.push(t);
    }
    const twin = await openTestStoreTwin(tb.bank.store);
    const deps = [tb.bank.deps, { ...tb.bank.deps, store: twin }];
    const results = await Promise.allSettled(
      pending.map((t, i) =>
        runUseCase(deps[i % 2] ?? tb.bank.deps, (tx) =>
          // The confirm transaction after the step-up: count, then post (confirm.ts).
          acceptTransfer(
            tx,
            tb.user,
            t,
            '2025-01-07',
            { receiptNumber: `20250107-900000${String(i).padStart(2, '0')}`, confirmedAt: tx.now },
            'otp',
          ),
        ),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { code?: string }] : []));
    expect(ok).toHaveLength(10);
    expect(refused.map((e) => e.code)).toEqual(Array(10).fill('limits.exceeded'));
    expect(await usage('contract', contractId())).toEqual({ used: 1_000_000, usedSameDayUnregistered: 0 });
    expect((await tb.bank.store.accounts.get(rich.id))?.balance).toBe(4_000_000);
    expect((await verifyLedger(tb.bank.store)).problems).toEqual([]);
  });
});
