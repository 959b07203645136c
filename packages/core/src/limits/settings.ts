/**
 * M5 settings: the bank's ceiling per contract (契約限度額, the operator from the customer's
 * written form), the administrator's contract limit within it (ご契約先限度額変更) and per-user
 * limits and privileges (利用者情報登録/変更). Administrator changes need the contract PIN (R2);
 * every change is audited with the old and new values (L1).
 */

import { KinkoError } from '../errors.ts';
import type { CustomerActor, OperatorActor } from '../identity/actors.ts';
import { requireAdmin, requireAdminOver } from '../identity/authz.ts';
import { findContract } from '../identity/contract-lookup.ts';
import { checkContractPin } from '../identity/contract-pin.ts';
import { requireOperator } from '../identity/operators.ts';
import { type Privilege, parsePrivileges, privilegesOf } from '../identity/privileges.ts';
import { MAX_AMOUNT, yen } from '../ledger/yen.ts';
import { type KinkoDeps, runUseCase, type Tx } from '../use-case.ts';
import { bankCeiling } from './counting.ts';
import { type LayerLimits, type ProposedLimits, validateLimitSettings } from './policy.ts';

export interface UserLimitsView {
  userId: string;
  loginId: string;
  name: string;
  limits: LayerLimits | null;
  privileges: Privilege[];
}

export interface LimitsView {
  /** 契約限度額, set by the bank. */
  bank: LayerLimits;
  /** ご契約先限度額; null: none set (the bank's binds alone). */
  contract: LayerLimits | null;
  users: UserLimitsView[];
}

export interface LimitsInput {
  contractPin: string;
  /** Absent: unchanged; null: removed. */
  contract?: ProposedLimits | null;
  users?: { userId: string; limits: ProposedLimits | null }[];
}

/** What a ceiling may be at most: the Zengin N(10) amount per transfer (M1). */
const TOP: LayerLimits = {
  perTransfer: MAX_AMOUNT,
  perDay: yen(999_999_999_999),
  sameDayUnregisteredPerDay: null,
};

function validated(proposed: ProposedLimits, ceiling: LayerLimits, who: string): LayerLimits {
  if (proposed === null || typeof proposed !== 'object')
    throw new KinkoError('limits.invalid', 'limits required', { who });
  const r = validateLimitSettings(proposed, ceiling);
  if (!r.ok) throw new KinkoError(r.code, `${who}: ${r.code}`, { who, ...r.details });
  return r.limits;
}

/** The tighter of two layers, field by field: a user's limits live within both. */
function within(a: LayerLimits, b: LayerLimits | null): LayerLimits {
  if (!b) return a;
  const sub = (x: LayerLimits) => x.sameDayUnregisteredPerDay ?? x.perDay;
  return {
    perTransfer: yen(Math.min(a.perTransfer, b.perTransfer)),
    perDay: yen(Math.min(a.perDay, b.perDay)),
    sameDayUnregisteredPerDay: yen(Math.min(sub(a), sub(b))),
  };
}

async function limitsView(tx: Tx, contractId: string): Promise<LimitsView> {
  const users = await tx.store.users.listByContract(contractId);
  const userLimits = await tx.store.limits.listUsers(users.map((u) => u.id));
  const views: UserLimitsView[] = [];
  for (const u of users) {
    views.push({
      userId: u.id,
      loginId: u.loginId,
      name: u.name,
      limits: userLimits.get(u.id) ?? null,
      privileges: await privilegesOf(tx, u.id),
    });
  }
  return {
    bank: await bankCeiling(tx, contractId),
    contract: await tx.store.limits.get('contract', contractId),
    users: views,
  };
}

export function getLimits(deps: KinkoDeps, actor: CustomerActor): Promise<LimitsView> {
  return runUseCase(deps, async (tx) => {
    const { contract } = await requireAdmin(tx, actor);
    return limitsView(tx, contract.id);
  });
}

/** ご契約先限度額変更 and 利用者限度額: within the bank's ceiling (and a user's within the contract's). */
export async function setLimits(
  deps: KinkoDeps,
  actor: CustomerActor,
  input: LimitsInput,
): Promise<LimitsView> {
  if (input === null || typeof input !== 'object') throw new KinkoError('request.invalid');
  return runUseCase(deps, async (tx) => {
    const { contract } = await requireAdmin(tx, actor);
    const bank = await bankCeiling(tx, contract.id);
    const before = await tx.store.limits.get('contract', contract.id);
    const next =
      input.contract === undefined
        ? before
        : input.contract === null
          ? null
          : validated(input.contract, bank, 'contract');
    const users: { id: string; limits: LayerLimits | null }[] = [];
    for (const u of input.users ?? []) {
      const target = (await requireAdminOver(tx, actor, u?.userId)).target;
      const limits = u.limits === null ? null : validated(u.limits, within(bank, next), `user ${target.id}`);
      users.push({ id: target.id, limits });
    }
    const pinFailure = await checkContractPin(tx, actor, contract, input.contractPin);
    if (pinFailure) return pinFailure;
    if (input.contract !== undefined) {
      await tx.store.limits.put('contract', contract.id, next, tx.now);
      tx.audit({
        actor,
        action: 'limits.contract_set',
        subject: contract.id,
        detail: { before, after: next },
      });
    }
    for (const u of users) {
      const old = await tx.store.limits.get('user', u.id);
      await tx.store.limits.put('user', u.id, u.limits, tx.now);
      tx.audit({ actor, action: 'limits.user_set', subject: u.id, detail: { before: old, after: u.limits } });
    }
    return limitsView(tx, contract.id);
  });
}

/** M5: 利用権限, the administrator's per user. */
export async function setUserPrivileges(
  deps: KinkoDeps,
  actor: CustomerActor,
  userId: string,
  input: { privileges: unknown; contractPin: string },
): Promise<UserLimitsView> {
  const privileges = parsePrivileges(input?.privileges);
  return runUseCase(deps, async (tx) => {
    const { contract, target } = await requireAdminOver(tx, actor, userId);
    const pinFailure = await checkContractPin(tx, actor, contract, input.contractPin);
    if (pinFailure) return pinFailure;
    const before = await privilegesOf(tx, target.id);
    await tx.store.privileges.put(target.id, privileges, tx.now);
    tx.audit({
      actor,
      action: 'user.privileges_set',
      subject: target.id,
      detail: { before, after: privileges },
    });
    const view = (await limitsView(tx, contract.id)).users.find((u) => u.userId === target.id);
    if (!view) throw new Error('invariant: the target user is listed');
    return view;
  });
}

/**
 * 契約限度額: the bank's ceiling for one contract, from the customer's written form (B1);
 * null returns the contract to the configured default. The limits below are not touched: every
 * layer binds at once (limit-policy.ts), so a lowered ceiling binds at once.
 */
export function setBankLimits(
  deps: KinkoDeps,
  actor: OperatorActor,
  contractNumber: string,
  limits: ProposedLimits | null,
): Promise<LayerLimits> {
  return runUseCase(deps, async (tx) => {
    await requireOperator(tx, actor);
    const contract = await findContract(tx, contractNumber);
    const next = limits === null ? null : validated(limits, TOP, 'bank');
    const before = await tx.store.limits.get('bank', contract.id);
    await tx.store.limits.put('bank', contract.id, next, tx.now);
    tx.audit({
      actor,
      action: 'limits.bank_set',
      subject: contract.id,
      contractId: contract.id,
      detail: { before, after: next },
    });
    return bankCeiling(tx, contract.id);
  });
}
