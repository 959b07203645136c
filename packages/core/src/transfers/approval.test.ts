import {
  failure,
  openTransferBank,
  pins,
  type TransferBank,
  testBackends,
  typedOutsider,
} from '@kinko/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerActor } from '../identity/actors.ts';
import { verifyLedger } from '../ledger/verify.ts';

/** 2025-01-08 00:00:30 JST: past the end of the value date 2025-01-07, the default 承認期限. */
const NEXT_DAY = Date.UTC(2025, 0, 7, 15, 0, 30);
const STEP = 30_000;

interface Approver {
  actor: CustomerActor;
  otp(): { otp: string };
}

describe.each(testBackends())('M5a approvals on $name', (backend) => {
  let tb: TransferBank;
  beforeEach(async () => {
    tb = await openTransferBank(backend);
  });
  afterEach(() => tb.bank.cleanup());

  const kinko = () => tb.bank.kinko;
  const balance = async (id: string) => (await tb.bank.store.accounts.get(id))?.balance;
  const ledgerOk = async () => expect((await verifyLedger(tb.bank.store)).problems).toEqual([]);
  const grant = (userId: string, privileges: string[]) =>
    kinko().setUserPrivileges(tb.bank.admin, userId, { privileges, contractPin: pins.contract });
  const settings = (mode: string, approverMustDiffer = true) =>
    kinko().setApprovalSettings(tb.bank.admin, { mode, approverMustDiffer, contractPin: pins.contract });

  /** A user with a token of their own (individual mode, R3) and the given approval privileges. */
  async function approver(loginId: string, privileges: string[]): Promise<Approver> {
    const actor = await tb.bank.addUser(loginId);
    const token = await tb.bank.activate();
    await kinko().registerToken(tb.bank.admin, {
      serial: token.serial,
      otp: token.code(),
      contractPin: pins.contract,
      userIds: [actor.userId],
    });
    await grant(actor.userId, ['transfer', 'inquiry', ...privileges]);
    return {
      actor,
      otp: () => {
        tb.bank.clock.advance(STEP); // a fresh step for every proof (T2)
        return { otp: token.code() };
      },
    };
  }

  /** The requester enters and confirms: in an approval mode, a request 承認待ち. */
  async function submit(amount = 10_000) {
    const p = await tb.enter(tb.user, { to: typedOutsider(tb), amount });
    const r = await kinko().confirmTransfer(tb.user, p.transfer.id, tb.proof(tb.user, p), tb.key());
    const id = r.approval?.id;
    if (!id) throw new Error('no approval request');
    return { id, transferId: p.transfer.id, receipt: r };
  }

  it('M5a single: the confirm creates a request and moves nothing; the approval (OTP) posts it once', async () => {
    await settings('single', true);
    await grant(tb.user.userId, ['transfer', 'inquiry', 'approve']);
    const a = await approver('approver1', ['approve']);
    const { id, transferId, receipt } = await submit();
    expect(receipt.approval).toMatchObject({ state: 'pending_approval', mode: 'single', approvals: [] });
    expect(receipt.transfer.status).toBe('pending');
    expect(await balance(tb.outsider.id)).toBe(0);
    // approverMustDiffer: the requester, though an approver, cannot approve their own request.
    expect(
      (await failure(kinko().actOnApproval(tb.user, id, 'approve', { otp: tb.token.code(1) }))).code,
    ).toBe('approval.same_person');
    expect((await kinko().listApprovals(a.actor)).map((r) => r.id)).toEqual([id]);
    expect(await kinko().listApprovals(tb.user)).toEqual([]);
    const done = await kinko().actOnApproval(a.actor, id, 'approve', a.otp());
    expect(done.state).toBe('processed');
    expect(done.transfer).toMatchObject({ status: 'completed', receiptNumber: receipt.receiptNumber });
    expect(await balance(tb.outsider.id)).toBe(10_000);
    expect((await failure(kinko().actOnApproval(a.actor, id, 'approve', a.otp()))).code).toBe(
      'approval.invalid_state',
    );
    expect(await balance(tb.outsider.id)).toBe(10_000);
    const retry = await failure(kinko().confirmTransfer(tb.user, transferId, { otp: '000000' }, tb.key()));
    expect(retry.code).toBe('transfer.not_pending');
    const actions = (await tb.bank.store.audit.list({ limit: 40 })).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'approval.settings_set',
        'approval.submitted',
        'approval.approve',
        'approval.process',
        'transfer.executed',
      ]),
    );
    await ledgerOk();
  });

  it('M5a double ordered: the 最終承認者 first is refused; 一次 then 最終 posts', async () => {
    await settings('double_ordered');
    const first = await approver('first1', ['first_approve']);
    const final = await approver('final1', ['final_approve']);
    const { id } = await submit();
    expect((await failure(kinko().actOnApproval(final.actor, id, 'approve', final.otp()))).code).toBe(
      'approval.wrong_order',
    );
    expect((await kinko().actOnApproval(first.actor, id, 'approve', first.otp())).state).toBe(
      'first_approved',
    );
    expect(await balance(tb.outsider.id)).toBe(0);
    expect((await kinko().actOnApproval(final.actor, id, 'approve', final.otp())).state).toBe('processed');
    expect(await balance(tb.outsider.id)).toBe(10_000);
    await ledgerOk();
  });

  it('M5a 承認取消: the 一次承認者 takes the approval back before processing; the transfer is cancelled', async () => {
    await settings('double_ordered');
    const first = await approver('first1', ['first_approve']);
    const final = await approver('final1', ['final_approve']);
    const { id } = await submit();
    expect((await failure(kinko().actOnApproval(final.actor, id, 'cancel_approval', undefined))).code).toBe(
      'approval.not_allowed',
    );
    await kinko().actOnApproval(first.actor, id, 'approve', first.otp());
    const cancelled = await kinko().actOnApproval(first.actor, id, 'cancel_approval', undefined);
    expect(cancelled).toMatchObject({ state: 'approval_cancelled', transfer: { status: 'cancelled' } });
    expect((await failure(kinko().actOnApproval(final.actor, id, 'approve', final.otp()))).code).toBe(
      'approval.invalid_state',
    );
    expect(await balance(tb.outsider.id)).toBe(0);
    await ledgerOk();
  });

  it('M5a double unordered: the same person twice is refused; two different approvers post', async () => {
    await settings('double_unordered', false);
    const a = await approver('a1', ['approve']);
    const b = await approver('b1', ['approve']);
    const { id } = await submit();
    expect((await kinko().actOnApproval(a.actor, id, 'approve', a.otp())).state).toBe('pending_approval');
    expect((await failure(kinko().actOnApproval(a.actor, id, 'approve', a.otp()))).code).toBe(
      'approval.same_person',
    );
    expect(await balance(tb.outsider.id)).toBe(0);
    expect((await kinko().actOnApproval(b.actor, id, 'approve', b.otp())).state).toBe('processed');
    expect(await balance(tb.outsider.id)).toBe(10_000);
    await ledgerOk();
  });

  it('M5a: approverMustDiffer off lets a requester with 承認 approve their own request', async () => {
    await settings('single', false);
    await grant(tb.user.userId, ['transfer', 'approve']);
    const { id } = await submit();
    tb.bank.clock.advance(STEP);
    const done = await kinko().actOnApproval(tb.user, id, 'approve', { otp: tb.token.code() });
    expect(done.state).toBe('processed');
    await ledgerOk();
  });

  it('M5a: 引戻し by the requester only, 差戻し by an approver; both cancel the transfer, nothing moves', async () => {
    await settings('single');
    const a = await approver('a1', ['approve']);
    const one = await submit();
    expect((await failure(kinko().actOnApproval(a.actor, one.id, 'withdraw', undefined))).code).toBe(
      'approval.not_allowed',
    );
    const withdrawn = await kinko().actOnApproval(tb.user, one.id, 'withdraw', undefined);
    expect(withdrawn).toMatchObject({ state: 'withdrawn', transfer: { status: 'cancelled' } });
    expect((await failure(kinko().actOnApproval(a.actor, one.id, 'approve', a.otp()))).code).toBe(
      'approval.invalid_state',
    );
    const two = await submit();
    const returned = await kinko().actOnApproval(a.actor, two.id, 'return', undefined);
    expect(returned).toMatchObject({ state: 'returned', transfer: { status: 'cancelled' } });
    expect(await balance(tb.outsider.id)).toBe(0);
    expect(await kinko().listApprovals(a.actor)).toEqual([]);
    expect((await kinko().listApprovals(tb.user, { box: 'mine' })).map((r) => r.state).sort()).toEqual([
      'returned',
      'withdrawn',
    ]);
    await ledgerOk();
  });

  it('M5a 期限切れ: the job expires a request at the end of its value date; an approval after it is refused', async () => {
    await settings('single');
    const a = await approver('a1', ['approve']);
    const { id, transferId } = await submit();
    tb.bank.clock.ms = NEXT_DAY;
    await kinko().runScheduledTransfers();
    const [mine] = await kinko().listApprovals(tb.user, { box: 'mine' });
    expect(mine).toMatchObject({ id, state: 'expired', transfer: { id: transferId, status: 'cancelled' } });
    expect((await failure(kinko().actOnApproval(a.actor, id, 'approve', a.otp()))).code).toBe(
      'approval.expired',
    );
    expect(await balance(tb.outsider.id)).toBe(0);
    await ledgerOk();
  });

  it('M5a, M5: the final approval counts the limits; over them it is refused and nothing moves', async () => {
    await settings('single');
    const a = await approver('a1', ['approve']);
    const one = await submit(60_000);
    const two = await submit(60_000);
    await kinko().setLimits(tb.bank.admin, {
      contractPin: pins.contract,
      contract: { perTransfer: 100_000, perDay: 100_000, sameDayUnregisteredPerDay: null },
    });
    expect((await kinko().actOnApproval(a.actor, one.id, 'approve', a.otp())).state).toBe('processed');
    const e = await failure(kinko().actOnApproval(a.actor, two.id, 'approve', a.otp()));
    expect(e).toMatchObject({
      code: 'limits.exceeded',
      details: { layer: 'contract', remaining: 40_000 },
    });
    expect(await balance(tb.outsider.id)).toBe(60_000);
    await ledgerOk();
  });

  /** The requester enters and confirms a transfer dated the next business day: 承認待ち. */
  async function submitScheduled(amount = 10_000) {
    const p = await tb.enter(tb.user, { to: typedOutsider(tb), amount, valueDate: '2025-01-08' });
    const r = await kinko().confirmTransfer(tb.user, p.transfer.id, tb.proof(tb.user, p), tb.key());
    if (!r.approval) throw new Error('no approval request');
    return { id: r.approval.id, transferId: p.transfer.id };
  }

  it('M5a M6: an approved scheduled transfer stays 承認済 until the job processes it (then 処理済); the requester cannot cancel it', async () => {
    await settings('single', true);
    const a = await approver('approver1', ['approve']);
    const { id, transferId } = await submitScheduled();
    const approved = await kinko().actOnApproval(a.actor, id, 'approve', a.otp());
    expect(approved.state).toBe('approved');
    expect(approved.transfer.status).toBe('scheduled');
    const usage = () => tb.bank.store.limits.usage('contract', tb.bank.admin.contractId, '2025-01-08');
    expect((await usage()).used).toBe(10_000);
    // The approver sees it, to take the approval back; the requester may not cancel it.
    expect((await kinko().listApprovals(a.actor)).map((r) => r.id)).toEqual([id]);
    tb.bank.clock.advance(STEP);
    const refused = await failure(
      kinko().cancelScheduledTransfer(tb.user, transferId, { otp: tb.token.code() }),
    );
    expect(refused.code).toBe('transfer.not_cancellable');
    expect(refused.details).toMatchObject({ approval: 'approved' });
    // The requester's list says so, so that the screen offers no 取消 that would be refused.
    const listed = await kinko().listTransfers(tb.user, { status: 'scheduled' });
    expect(listed.items.map((t) => [t.id, t.approval])).toEqual([[transferId, 'approved']]);
    tb.bank.clock.ms = NEXT_DAY;
    expect(await kinko().runScheduledTransfers()).toEqual({ completed: 1, failed: 0 });
    const [mine] = await kinko().listApprovals(tb.user, { box: 'mine' });
    expect(mine).toMatchObject({ id, state: 'processed', transfer: { status: 'completed' } });
    expect(await balance(tb.outsider.id)).toBe(10_000);
    expect(await kinko().listApprovals(a.actor)).toEqual([]);
    const audit = await tb.bank.store.audit.list({ limit: 10 });
    expect(audit.map((r) => r.action)).toContain('approval.process');
    await ledgerOk();
  });

  it('M5a M5: 承認取消 of an approved scheduled transfer, until the day before its value date, cancels it and gives its limit usage back', async () => {
    await settings('single', true);
    const a = await approver('approver1', ['approve']);
    const other = await approver('approver2', ['approve']);
    const first = await submitScheduled(10_000);
    const late = await submitScheduled(20_000);
    await kinko().actOnApproval(a.actor, first.id, 'approve', a.otp());
    await kinko().actOnApproval(a.actor, late.id, 'approve', a.otp());
    const usage = () => tb.bank.store.limits.usage('contract', tb.bank.admin.contractId, '2025-01-08');
    expect((await usage()).used).toBe(30_000);
    // Only an approver who approved it.
    expect(
      (await failure(kinko().actOnApproval(other.actor, first.id, 'cancel_approval', other.otp()))).code,
    ).toBe('approval.not_allowed');
    const cancelled = await kinko().actOnApproval(a.actor, first.id, 'cancel_approval', a.otp());
    expect(cancelled).toMatchObject({ state: 'approval_cancelled', transfer: { status: 'cancelled' } });
    expect((await usage()).used).toBe(20_000);
    // On the value date it is too late: the job debits at its start.
    tb.bank.clock.ms = NEXT_DAY;
    const tooLate = await failure(kinko().actOnApproval(a.actor, late.id, 'cancel_approval', a.otp()));
    expect(tooLate.code).toBe('transfer.not_cancellable');
    expect(await kinko().runScheduledTransfers()).toEqual({ completed: 1, failed: 0 });
    expect(await balance(tb.outsider.id)).toBe(20_000);
    await ledgerOk();
  });
});
