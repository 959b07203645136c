/**
 * M5a in the store: submitting a confirmed transfer for approval, the approvers' and the
 * requester's actions, and expiry. The state machine is approval-flow.ts (pure); this module
 * loads, authorises from the stored actor, stores the transition with a conditional UPDATE and
 * audits it (L1). The final approval posts or schedules the transfer in the same transaction,
 * with the limits counted (M5), so money moves only once approved. A scheduled one stays 承認済
 * until the job processes it, and may be 承認取消 until the day before its value date.
 */

import {
  type ApprovalAction,
  type ApprovalState,
  awaitsApproval,
  NO_RIGHTS,
  needsOtp,
  rightsOf,
  type Transitioned,
  transition,
} from '../approvals/index.ts';
import { checkValueDate } from '../calendar/index.ts';
import { KinkoError } from '../errors.ts';
import type { Actor, CustomerActor } from '../identity/actors.ts';
import type { CustomerContext } from '../identity/authz.ts';
import { requireCustomer } from '../identity/authz.ts';
import { newId } from '../identity/ids.ts';
import { privilegesOf } from '../identity/privileges.ts';
import type { ApprovalRequestRecord, ApprovalSettingsRecord, TransferRecord } from '../ports.ts';
import type { StepUpProof } from '../tokens/proof.ts';
import { stepUpIn } from '../tokens/step-up.ts';
import { type KinkoDeps, Rejection, reject, runUseCase, type Tx } from '../use-case.ts';
import { acceptTransfer } from './accept.ts';
import { cancelScheduled } from './cancel-scheduled.ts';
import { newReceiptNumber } from './receipt.ts';
import { type ApprovalView, type TransferReceipt, toTransferView } from './views.ts';

const DAY_MS = 24 * 60 * 60_000;

function otpNeeded(tx: Tx, action: ApprovalAction, mode: ApprovalRequestRecord['mode']): boolean {
  return needsOtp(action, { mode, otpOperations: new Set(tx.deps.config.otpOperations) });
}

/** 承認期限: the configured time after submission, never past the end of the value date (JST). */
function expiryOf(tx: Tx, valueDate: string): number {
  const endOfValueDate = Date.parse(`${valueDate}T00:00:00+09:00`) + DAY_MS;
  const ttl = tx.deps.config.approvalTtlMs;
  return ttl === null ? endOfValueDate : Math.min(tx.now + ttl, endOfValueDate);
}

async function approvalView(tx: Tx, r: ApprovalRequestRecord): Promise<ApprovalView> {
  const t = await tx.store.transfers.get(r.transferId);
  if (!t) throw new Error(`approval ${r.id}: no transfer`);
  const { transferId: _t, contractId: _c, ...rest } = r;
  return { ...rest, transfer: toTransferView(t) };
}

/**
 * M5a 承認依頼: the requester's confirmation in an approval mode. Nothing moves and nothing is
 * counted against the limits until the final approval; the OTP is asked here only if the bank
 * configures it (M5b, 'transfer.submit').
 */
export async function submitForApproval(
  tx: Tx,
  actor: CustomerActor,
  ctx: CustomerContext,
  t: TransferRecord,
  settings: ApprovalSettingsRecord,
  proof: StepUpProof | undefined,
): Promise<TransferReceipt | Rejection> {
  const expiresAt = expiryOf(tx, t.valueDate);
  const base = { actorUserId: ctx.user.id, requesterUserId: ctx.user.id, now: tx.now, expiresAt };
  const r = transition('draft', 'submit', { ...base, actorRights: NO_RIGHTS, ...settings, approvals: [] });
  if (!r.ok) throw new KinkoError(r.code, r.message);
  if (otpNeeded(tx, 'submit', settings.mode)) {
    const auth = await stepUpIn(tx, actor, proof, 'transfer.submit');
    if (auth instanceof Rejection) return auth;
  }
  const receiptNumber = newReceiptNumber(tx.deps.random, tx.now);
  const stamp = { receiptNumber, confirmedAt: tx.now };
  if (!(await tx.store.transfers.transition(t.id, 'pending', { status: 'pending', ...stamp })))
    throw new KinkoError('transfer.not_pending', 'This transfer was confirmed by another request.');
  const request: ApprovalRequestRecord = {
    id: newId(tx.deps.random),
    transferId: t.id,
    contractId: t.contractId,
    requesterId: ctx.user.id,
    state: r.next,
    ...settings,
    approvals: [],
    expiresAt,
    createdAt: tx.now,
    updatedAt: tx.now,
  };
  await tx.store.approvals.insert(request);
  tx.audit({
    actor,
    action: 'approval.submitted',
    subject: request.id,
    detail: { transferId: t.id, receiptNumber, amount: t.amount, mode: settings.mode, expiresAt },
  });
  const done = { ...t, ...stamp };
  return { receiptNumber, transfer: toTransferView(done), approval: await approvalView(tx, request) };
}

/** Stores one transition, audits it, and carries out what it means for the transfer. */
async function apply(
  tx: Tx,
  actor: Actor,
  r: ApprovalRequestRecord,
  step: Transitioned,
): Promise<ApprovalRequestRecord> {
  const { next, record } = step;
  const approvals = record.approval ? [...r.approvals, record.approval] : r.approvals;
  const moved = await tx.store.approvals.transition(r.id, r, { state: next, approvals, updatedAt: tx.now });
  if (!moved) throw new KinkoError('approval.invalid_state', 'This request was changed by another request.');
  const contractId = r.contractId;
  tx.audit({
    actor,
    action: `approval.${record.action}`,
    subject: r.id,
    contractId,
    detail: { transferId: r.transferId, from: record.from, to: next, step: record.approval?.step ?? null },
  });
  const t = await tx.store.transfers.get(r.transferId);
  if (!t) throw new Error(`approval ${r.id}: no transfer`);
  const after = { ...r, state: next, approvals, updatedAt: tx.now };
  if (next === 'approved') return process(tx, actor, after, t);
  // M5a 承認取消 of an approved scheduled transfer, before processing: like 予約取消 (M6).
  if (next === 'approval_cancelled' && t.status === 'scheduled') {
    await cancelScheduled(tx, actor, t, { reason: 'approval_cancelled' });
    return after;
  }
  if (next === 'withdrawn' || next === 'returned' || next === 'approval_cancelled' || next === 'expired') {
    // Nothing was counted or posted before approval, so there is nothing to give back (M5).
    await tx.store.transfers.transition(t.id, 'pending', { status: 'cancelled', cancelledAt: tx.now });
    tx.audit({ actor, action: 'transfer.cancelled', subject: t.id, contractId, detail: { reason: next } });
  }
  return after;
}

/**
 * M5a 処理済: the scheduled job has processed (posted, or failed to post) a transfer whose request
 * was 承認済; in the job's transaction. Nothing to do for a transfer without a request.
 */
export async function markApprovalProcessed(tx: Tx, transferId: string): Promise<void> {
  const r = await tx.store.approvals.getByTransfer(transferId);
  if (r?.state !== 'approved') return;
  const processed = transition('approved', 'process', systemContext(r, tx.now));
  if (!processed.ok) throw new KinkoError(processed.code, processed.message);
  await apply(tx, { kind: 'system' }, r, processed);
}

function systemContext(r: ApprovalRequestRecord, now: number) {
  return {
    actorUserId: 'system',
    actorRights: NO_RIGHTS,
    requesterUserId: r.requesterId,
    now,
    expiresAt: r.expiresAt,
    mode: r.mode,
    approverMustDiffer: r.approverMustDiffer,
    approvals: r.approvals,
  };
}

/** 処理: the final approval posts (value date today) or schedules the transfer, limits counted. */
async function process(
  tx: Tx,
  actor: Actor,
  r: ApprovalRequestRecord,
  t: TransferRecord,
): Promise<ApprovalRequestRecord> {
  const window = checkValueDate(t.valueDate, tx.now, tx.deps.config);
  if (t.receiptNumber === null || t.confirmedAt === null) throw new Error(`transfer ${t.id}: not submitted`);
  const stamp = { receiptNumber: t.receiptNumber, confirmedAt: t.confirmedAt };
  if (actor.kind !== 'customer') throw new Error(`approval ${r.id}: approved by ${actor.kind}`);
  // Posted as the approver's act (the audit names them); the limits count the transfer against
  // its contract and its requester (t.userId), whose transfer it is (M5).
  const done = await acceptTransfer(tx, actor, t, window.today, stamp, 'approval');
  if (!done) throw new KinkoError('transfer.not_pending', 'This transfer is no longer pending.');
  // A scheduled transfer stays 承認済 until the job processes it on its value date, and until
  // then an approver may take the approval back (承認取消, cancelScheduled).
  if (done.status === 'scheduled') return r;
  const processed = transition('approved', 'process', systemContext(r, tx.now));
  if (!processed.ok) throw new KinkoError(processed.code, processed.message);
  return apply(tx, actor, r, processed);
}

export type ApprovalUserAction = 'approve' | 'return' | 'cancel_approval' | 'withdraw';

async function requireRequest(tx: Tx, ctx: CustomerContext, id: unknown): Promise<ApprovalRequestRecord> {
  const r = typeof id === 'string' && id.length <= 64 ? await tx.store.approvals.get(id) : null;
  // Another contract's request is reported as missing (authorisation from the actor).
  if (!r || r.contractId !== ctx.contract.id)
    throw new KinkoError('transfer.not_found', 'No such approval request.');
  return r;
}

/** M5a: 承認, 差戻し, 承認取消 (an approver) and 引戻し (the requester); the OTP per M5b. */
export function actOnApproval(
  deps: KinkoDeps,
  actor: CustomerActor,
  id: string,
  action: ApprovalUserAction,
  proof: StepUpProof | undefined,
): Promise<ApprovalView> {
  return runUseCase(deps, async (tx) => {
    const ctx = await requireCustomer(tx, actor);
    const r = await requireRequest(tx, ctx, id);
    const result = transition(r.state as ApprovalState, action, {
      actorUserId: ctx.user.id,
      actorRights: rightsOf(await privilegesOf(tx, ctx.user.id)),
      requesterUserId: r.requesterId,
      now: tx.now,
      expiresAt: r.expiresAt,
      mode: r.mode,
      approverMustDiffer: r.approverMustDiffer,
      approvals: r.approvals,
    });
    if (!result.ok) {
      // Found expired: stored as the job would have, and the refusal committed with it.
      if (result.expiry) {
        await apply(tx, actor, r, result.expiry);
        return reject(result.code, result.message);
      }
      throw new KinkoError(result.code, result.message);
    }
    if (otpNeeded(tx, action, r.mode)) {
      const auth = await stepUpIn(tx, actor, proof, `transfer.${action}`);
      if (auth instanceof Rejection) return auth;
    }
    return approvalView(tx, await apply(tx, actor, r, result));
  });
}

/** M5a 期限切れ: the job expires requests past their 承認期限; safe in every process at once. */
export async function expireApprovals(deps: KinkoDeps, now: number): Promise<number> {
  let expired = 0;
  const system = { kind: 'system' } as const;
  for (const due of await deps.store.approvals.listDue(now, 100)) {
    const done = await runUseCase(deps, async (tx) => {
      const r = await tx.store.approvals.get(due.id);
      if (!r) return false;
      const ctx = { actorUserId: 'system', actorRights: NO_RIGHTS, requesterUserId: r.requesterId, now };
      const result = transition(r.state as ApprovalState, 'expire', { ...ctx, ...r, expiresAt: r.expiresAt });
      if (!result.ok) return false;
      try {
        await apply(tx, system, r, result);
      } catch (e) {
        // Another process expired it (or an approver acted) between our read and our claim.
        if (e instanceof KinkoError && e.code === 'approval.invalid_state') return false;
        throw e;
      }
      return true;
    });
    if (done) expired++;
  }
  return expired;
}

/**
 * M5a: 'inbox' lists the requests waiting for an approval the caller may give (the state machine
 * decides at the action; this is the screen's list); 'mine' the caller's own requests.
 */
export function listApprovals(
  deps: KinkoDeps,
  actor: CustomerActor,
  opts: { box?: 'inbox' | 'mine' } = {},
): Promise<ApprovalView[]> {
  return runUseCase(deps, async (tx) => {
    const ctx = await requireCustomer(tx, actor);
    const me = ctx.user.id;
    const all = await tx.store.approvals.listByContract(ctx.contract.id, { limit: 200 });
    if (opts.box === 'mine')
      return Promise.all(all.filter((r) => r.requesterId === me).map((r) => approvalView(tx, r)));
    const rights = rightsOf(await privilegesOf(tx, me));
    const mayAct = (r: (typeof all)[number]) => {
      const state = r.state as ApprovalState;
      // 承認取消: the approver's own approval, while waiting for the other or until processed.
      if (r.approvals.some((a) => a.userId === me)) return awaitsApproval(state) || state === 'approved';
      if (!awaitsApproval(state)) return false;
      if (r.approverMustDiffer && r.requesterId === me) return false;
      if (r.mode !== 'double_ordered') return rights.approver;
      return r.state === 'pending_approval' ? rights.firstApprover : rights.finalApprover;
    };
    return Promise.all(all.filter(mayAct).map((r) => approvalView(tx, r)));
  });
}
