/**
 * Payees (M8). 事前登録: registered by a bank operator from the customer's written form; the
 * customer selects them by 受取人番号 and can neither change nor delete them (DOMAIN §1.8). The
 * user's own list (登録振込先) holds payees the user saved; 最近10回 is derived from transfers.
 */

import { KinkoError } from '../errors.ts';
import { runIdempotent } from '../idempotency.ts';
import type { CustomerActor, OperatorActor } from '../identity/actors.ts';
import { requireCustomer } from '../identity/authz.ts';
import { newId } from '../identity/ids.ts';
import { requireOperator } from '../identity/operators.ts';
import type { ContractRecord, PayeeRecord } from '../ports.ts';
import { type KinkoDeps, runUseCase, type Tx } from '../use-case.ts';
import { toDestination } from './destination.ts';
import { ownBank } from './resolve.ts';
import {
  type PayeeAccountInput,
  type PayeeList,
  type PayeeView,
  type RecentPayeeView,
  toPayeeView,
} from './views.ts';

const RECENT = 10;
/** How many recent transfers are scanned for ten distinct accounts. */
const RECENT_SCAN = 200;

function nickname(input: unknown): string | null {
  if (input === undefined || input === null || input === '') return null;
  if (typeof input !== 'string' || input.length > 40) {
    throw new KinkoError('request.invalid', 'a nickname is at most 40 characters');
  }
  return input.trim() || null;
}

async function requireContractByNumber(tx: Tx, contractNumber: unknown): Promise<ContractRecord> {
  const c = typeof contractNumber === 'string' ? await tx.store.contracts.getByNumber(contractNumber) : null;
  if (!c) throw new KinkoError('contract.not_found');
  return c;
}

async function newPayee(
  tx: Tx,
  input: PayeeAccountInput & { nickname?: string | null },
  fields: Pick<PayeeRecord, 'contractId' | 'kind' | 'ownerUserId' | 'payeeNumber' | 'createdBy'>,
): Promise<PayeeRecord> {
  const d = toDestination(input, await ownBank(tx));
  const p: PayeeRecord = {
    id: newId(tx.deps.random),
    ...fields,
    bankCode: d.bankCode,
    bankName: d.bankName,
    branchCode: d.branchCode,
    branchName: d.branchName,
    accountType: d.accountType,
    accountNumber: d.accountNumber,
    name: d.name,
    nickname: nickname(input.nickname),
    createdAt: tx.now,
    removed: false,
  };
  await tx.store.payees.insert(p);
  return p;
}

/** B1: the bank registers a payee from the customer's written form (事前登録). */
export async function registerWrittenPayee(
  deps: KinkoDeps,
  actor: OperatorActor,
  contractNumber: string,
  input: PayeeAccountInput & { nickname?: string | null },
  idempotencyKey: unknown,
): Promise<PayeeView> {
  if (input === null || typeof input !== 'object')
    throw new KinkoError('request.invalid', 'a payee is required');
  return runIdempotent<PayeeView, { contractId: string; operatorId: string }>(deps, {
    key: idempotencyKey,
    operation: 'payee.register',
    request: { operatorId: actor?.operatorId, contractNumber, input },
    resolve: async (tx) => {
      const op = await requireOperator(tx, actor);
      const c = await requireContractByNumber(tx, contractNumber);
      return { contractId: c.id, operatorId: op.id };
    },
    run: async (tx, ctx) => {
      const n = (await tx.store.payees.countRegistered(ctx.contractId)) + 1;
      const p = await newPayee(tx, input, {
        contractId: ctx.contractId,
        kind: 'registered',
        ownerUserId: null,
        payeeNumber: String(n).padStart(3, '0'),
        createdBy: ctx.operatorId,
      });
      tx.audit({
        actor,
        action: 'payee.registered',
        subject: p.id,
        contractId: ctx.contractId,
        detail: {
          payeeNumber: p.payeeNumber,
          bankCode: p.bankCode,
          branchCode: p.branchCode,
          accountNumber: p.accountNumber,
        },
      });
      return toPayeeView(p);
    },
  });
}

export function listWrittenPayees(
  deps: KinkoDeps,
  actor: OperatorActor,
  contractNumber: string,
): Promise<PayeeView[]> {
  return runUseCase(deps, async (tx) => {
    await requireOperator(tx, actor);
    const c = await requireContractByNumber(tx, contractNumber);
    return (await tx.store.payees.listByContract(c.id))
      .filter((p) => p.kind === 'registered')
      .map(toPayeeView);
  });
}

/** B1: only the bank removes a registered payee (on the customer's written request). */
export function removeWrittenPayee(
  deps: KinkoDeps,
  actor: OperatorActor,
  contractNumber: string,
  payeeId: string,
): Promise<void> {
  return runUseCase(deps, async (tx) => {
    await requireOperator(tx, actor);
    const c = await requireContractByNumber(tx, contractNumber);
    const p = typeof payeeId === 'string' ? await tx.store.payees.get(payeeId) : null;
    if (!p || p.removed || p.contractId !== c.id || p.kind !== 'registered')
      throw new KinkoError('payee.not_found');
    await tx.store.payees.remove(p.id);
    tx.audit({
      actor,
      action: 'payee.unregistered',
      subject: p.id,
      contractId: c.id,
      detail: { payeeNumber: p.payeeNumber },
    });
  });
}

/** The user's own list: saving a payee typed once (M8 rules apply as at entry). */
export async function savePayee(
  deps: KinkoDeps,
  actor: CustomerActor,
  input: PayeeAccountInput & { nickname?: string | null },
  idempotencyKey: unknown,
): Promise<PayeeView> {
  if (input === null || typeof input !== 'object')
    throw new KinkoError('request.invalid', 'a payee is required');
  return runIdempotent(deps, {
    key: idempotencyKey,
    operation: 'payee.save',
    request: { userId: actor?.userId, input },
    resolve: (tx) => requireCustomer(tx, actor),
    run: async (tx, ctx) => {
      const p = await newPayee(tx, input, {
        contractId: ctx.contractId,
        kind: 'saved',
        ownerUserId: ctx.user.id,
        payeeNumber: null,
        createdBy: ctx.user.id,
      });
      tx.audit({
        actor,
        action: 'payee.saved',
        subject: p.id,
        detail: { bankCode: p.bankCode, branchCode: p.branchCode },
      });
      return toPayeeView(p);
    },
  });
}

/** Removes a payee from the user's own list; a registered payee is the bank's to change. */
export function removeSavedPayee(deps: KinkoDeps, actor: CustomerActor, payeeId: string): Promise<void> {
  return runUseCase(deps, async (tx) => {
    const { contract, user } = await requireCustomer(tx, actor);
    const p = typeof payeeId === 'string' ? await tx.store.payees.get(payeeId) : null;
    if (!p || p.removed || p.contractId !== contract.id) throw new KinkoError('payee.not_found');
    if (p.kind === 'registered') {
      throw new KinkoError(
        'payee.registered_read_only',
        'A payee registered in writing is changed only by the bank.',
      );
    }
    if (p.ownerUserId !== user.id) throw new KinkoError('payee.not_found');
    await tx.store.payees.remove(p.id);
    tx.audit({ actor, action: 'payee.removed', subject: p.id });
  });
}

/** The payee screen: 事前登録, the user's own list and 最近10回. */
export function listPayees(deps: KinkoDeps, actor: CustomerActor): Promise<PayeeList> {
  return runUseCase(deps, async (tx) => {
    const { contract, user } = await requireCustomer(tx, actor);
    const all = await tx.store.payees.listByContract(contract.id);
    const recentTransfers = await tx.store.transfers.listByContract(contract.id, {
      statuses: ['completed', 'scheduled'],
      limit: RECENT_SCAN,
    });
    const recent: RecentPayeeView[] = [];
    const seen = new Set<string>();
    for (const t of recentTransfers) {
      if (t.kind === 'own') continue;
      const k = `${t.bankCode}-${t.branchCode}-${t.accountType}-${t.accountNumber}`;
      if (seen.has(k)) continue;
      seen.add(k);
      recent.push({
        bankCode: t.bankCode,
        bankName: t.bankName,
        branchCode: t.branchCode,
        branchName: t.branchName,
        accountType: t.accountType,
        accountNumber: t.accountNumber,
        name: t.payeeName,
        lastValueDate: t.valueDate,
      });
      if (recent.length === RECENT) break;
    }
    return {
      registered: all.filter((p) => p.kind === 'registered').map(toPayeeView),
      saved: all.filter((p) => p.kind === 'saved' && p.ownerUserId === user.id).map(toPayeeView),
      recent,
    };
  });
}
