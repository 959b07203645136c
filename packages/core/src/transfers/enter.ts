/**
 * 振込・振替 step 1, 入力 (M3): checks everything that can be checked before the user is asked
 * for the OTP, and answers with the fee, the payee as the bank will show it, the value date
 * and the authorisation needed. Nothing moves yet; the transfer waits as 'pending'.
 */

import { checkValueDate, parseBankDate } from '../calendar/index.ts';
import { KinkoError } from '../errors.ts';
import { runIdempotent } from '../idempotency.ts';
import type { CustomerActor } from '../identity/actors.ts';
import { type CustomerContext, requireCustomer } from '../identity/authz.ts';
import { newId } from '../identity/ids.ts';
import { requirePrivilege } from '../identity/privileges.ts';
import { requireUsableAccount } from '../ledger/access.ts';
import { amountFrom, yen } from '../ledger/yen.ts';
import { precheckLimits } from '../limits/index.ts';
import { resolveDestination } from '../payees/index.ts';
import type { TransferRecord } from '../ports.ts';
import { tokenActive } from '../tokens/effective.ts';
import { stepUpChallengeIn } from '../tokens/step-up.ts';
import type { KinkoDeps } from '../use-case.ts';
import { transferFee } from './fees.ts';
import { assertSameDayAllowed } from './same-day-rule.ts';
import { type PendingTransfer, type TransferInput, toTransferView } from './views.ts';

export async function enterTransfer(
  deps: KinkoDeps,
  actor: CustomerActor,
  input: TransferInput,
  idempotencyKey: unknown,
): Promise<PendingTransfer> {
  if (input === null || typeof input !== 'object')
    throw new KinkoError('request.invalid', 'a transfer is required');
  // Shape first, outside any transaction: bad input writes nothing.
  const amount = amountFrom(input.amount, 'amount', 1, true);
  const valueDate = parseBankDate(input.valueDate);
  return runIdempotent<PendingTransfer, CustomerContext>(deps, {
    key: idempotencyKey,
    operation: 'transfer.enter',
    request: { userId: actor?.userId, input },
    resolve: (tx) => requireCustomer(tx, actor),
    run: async (tx, ctx) => {
      await requirePrivilege(tx, ctx.user, 'transfer');
      const window = checkValueDate(valueDate, tx.now, deps.config);
      const from = await requireUsableAccount(tx, ctx, input.fromAccountId);
      const to = await resolveDestination(tx, ctx, input.to, from);
      const active = await tokenActive(tx, ctx);
      assertSameDayAllowed({
        valueDate,
        today: window.today,
        standing: to.standing,
        loginMethod: ctx.contract.loginMethod,
        tokenActive: active,
        latest: window.latest,
      });
      const fee = yen(
        transferFee(
          {
            fromBranch: from.branchCode,
            toBankCode: to.destination.bankCode,
            toBranch: to.destination.branchCode,
            amount,
            valueDate,
            betweenOwnAccounts: to.kind === 'own',
          },
          deps.config,
        ),
      );
      const d = to.destination;
      const t: TransferRecord = {
        id: newId(deps.random),
        contractId: ctx.contract.id,
        userId: ctx.user.id,
        kind: to.kind,
        status: 'pending',
        fromAccountId: from.id,
        toAccountId: to.toAccountId,
        payeeId: to.payeeId,
        standing: to.standing,
        bankCode: d.bankCode,
        bankName: d.bankName,
        branchCode: d.branchCode,
        branchName: d.branchName,
        accountType: d.accountType,
        accountNumber: d.accountNumber,
        payeeName: d.name,
        remitterName: from.holderKana,
        amount,
        fee,
        valueDate,
        receiptNumber: null,
        entryId: null,
        outbound: null,
        failure: null,
        createdAt: tx.now,
        confirmedAt: null,
        executedAt: null,
        cancelledAt: null,
      };
      // M5: a transfer the limits refuse now is refused before the user is asked for the OTP.
      const refused = await precheckLimits(tx, actor, t, window.today, 'enter');
      if (refused) return refused;
      await tx.store.transfers.insert(t);
      // M2: the proof the confirmation will need; for the legacy card, the position asked.
      const authorisation = await stepUpChallengeIn(tx, ctx);
      tx.audit({
        actor,
        action: 'transfer.entered',
        subject: t.id,
        detail: { kind: t.kind, amount, fee, valueDate, standing: t.standing, payee: payeeLabel(t) },
      });
      return { transfer: toTransferView(t), authorisation };
    },
  });
}

/** "0005-001-普通-1234567" for audit records: the account, not the name. */
function payeeLabel(
  t: Pick<TransferRecord, 'bankCode' | 'branchCode' | 'accountType' | 'accountNumber'>,
): string {
  return `${t.bankCode}-${t.branchCode}-${t.accountType}-${t.accountNumber}`;
}
