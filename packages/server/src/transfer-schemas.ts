/**
 * Schemas of the transfer and payee routes (M2–M4, M6–M8), beside schemas.ts so each area keeps
 * its own file. Codes (bank, branch, account number, amount, date) are only strings or numbers
 * here: core checks them and answers with its own codes (payee.bank_not_found …), which a
 * regex here would flatten into request.invalid.
 */
import {
  APPROVAL_STATES,
  APPROVAL_STEPS,
  PAYEE_KINDS,
  PAYEE_STANDINGS,
  TRANSFER_KINDS,
  TRANSFER_PAGE,
  TRANSFER_STATUSES,
} from '@kinko/core';
import { z } from 'zod';
import { nextCursor, pageQuery } from './paging-schemas.ts';
import { AccountType, CardPosition, code, pathParam, schemaRegistry, secretCode, text } from './schemas.ts';

const Standing = z.enum(PAYEE_STANDINGS);
const TransferStatus = z.enum(TRANSFER_STATUSES);

/** M3: documented on every create call; core answers idempotency.key_required when absent. */
export const idempotencyHeaders = z.looseObject({
  'idempotency-key': text()
    .optional()
    .describe('Required. 1–128 printable ASCII characters, new for each new request (M3).'),
});

const payeeAccount = {
  bankCode: code(),
  branchCode: code(),
  accountType: AccountType,
  accountNumber: code(),
  name: text(),
};

export const transferRequests = {
  enter: z.strictObject({
    fromAccountId: text(),
    to: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('own'), accountId: text() }),
      z.strictObject({ kind: z.literal('payee'), payeeId: text() }),
      z.strictObject({ kind: z.literal('typed'), ...payeeAccount }),
    ]),
    amount: z.union([z.number(), text(32)]).describe('Integer yen, 1 … 9,999,999,999'),
    valueDate: text().describe('振込指定日, YYYY-MM-DD (JST)'),
  }),
  proof: z.union([
    z.strictObject({ otp: secretCode }),
    z.strictObject({ confirmPin: secretCode, cardPosition: CardPosition, cardValue: secretCode }),
  ]),
  payee: z.strictObject({ ...payeeAccount, nickname: text(40).nullable().optional() }),
};

export const transferParams = {
  id: z.strictObject({ id: pathParam() }),
  payee: z.strictObject({ number: pathParam(), id: pathParam() }),
};

export const transferQuery = z.strictObject({
  status: TransferStatus.optional(),
  ...pageQuery(TRANSFER_PAGE, 'Transfers'),
});

export const outboundQuery = z.strictObject({
  date: text().describe('Value date, YYYY-MM-DD'),
  format: z.enum(['zengin', 'csv']).optional(),
});

/** A payee's account as the bank shows it: codes with their names (M8). */
const payeeAccountView = {
  bankCode: z.string(),
  bankName: z.string(),
  branchCode: z.string(),
  branchName: z.string(),
  accountType: AccountType,
  accountNumber: z.string(),
};

export const PayeeView = z
  .object({
    id: z.string(),
    kind: z.enum(PAYEE_KINDS),
    payeeNumber: z.string().nullable(),
    ...payeeAccountView,
    name: z.string(),
    nickname: z.string().nullable(),
  })
  .register(schemaRegistry, { id: 'PayeeView' });

export const PayeeList = z.object({
  registered: z.array(PayeeView),
  saved: z.array(PayeeView),
  recent: z.array(
    z.object({
      ...payeeAccountView,
      name: z.string(),
      lastValueDate: z.string(),
    }),
  ),
});

export const TransferView = z
  .object({
    id: z.string(),
    kind: z.enum(TRANSFER_KINDS),
    status: TransferStatus,
    receiptNumber: z.string().nullable(),
    fromAccountId: z.string(),
    payee: z.object({
      payeeId: z.string().nullable(),
      standing: Standing,
      ...payeeAccountView,
      name: z.string(),
    }),
    remitterName: z.string(),
    amount: z.number().int(),
    fee: z.number().int(),
    total: z.number().int(),
    valueDate: z.string(),
    sameDay: z.boolean(),
    failure: z.string().nullable(),
    createdAt: z.number().int(),
    confirmedAt: z.number().int().nullable(),
    executedAt: z.number().int().nullable(),
    cancelledAt: z.number().int().nullable(),
  })
  .register(schemaRegistry, { id: 'TransferView' });

export const TransferListItem = TransferView.extend({
  approval: z
    .enum(APPROVAL_STATES)
    .nullable()
    .describe('M5a: the state of the approval request; null when the transfer needed no approval'),
}).register(schemaRegistry, { id: 'TransferListItem' });

export const TransferPage = z
  .object({ items: z.array(TransferListItem), nextCursor })
  .register(schemaRegistry, {
    id: 'TransferPage',
    description: "A page of the user's own transfers, newest first (created, then id)",
  });

export const PendingTransfer = z
  .object({
    transfer: TransferView,
    authorisation: z.discriminatedUnion('method', [
      z.object({ method: z.literal('otp') }),
      z.object({ method: z.literal('legacy'), cardPosition: CardPosition }),
    ]),
  })
  .register(schemaRegistry, { id: 'PendingTransfer' });

/** M5a: an approval request with its transfer. */
export const ApprovalView = z
  .object({
    id: z.string(),
    state: z
      .string()
      .describe(
        'pending_approval | first_approved | approved | processed | withdrawn | returned | approval_cancelled | expired',
      ),
    mode: z.string().describe('single | double_ordered | double_unordered'),
    approverMustDiffer: z.boolean(),
    requesterId: z.string(),
    approvals: z.array(z.object({ userId: z.string(), step: z.enum(APPROVAL_STEPS), at: z.number().int() })),
    expiresAt: z.number().int().nullable().describe('承認期限 (epoch ms)'),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
    transfer: TransferView,
  })
  .register(schemaRegistry, { id: 'ApprovalView' });

export const TransferReceipt = z
  .object({
    receiptNumber: z.string(),
    transfer: TransferView,
    approval: ApprovalView.optional().describe('M5a: present when the confirmation was a 承認依頼'),
  })
  .register(schemaRegistry, { id: 'TransferReceipt' });

export const OutboundItem = z
  .object({
    receiptNumber: z.string(),
    valueDate: z.string(),
    fromBranchCode: z.string(),
    fromAccountType: AccountType,
    fromAccountNumber: z.string(),
    remitterName: z.string(),
    ...payeeAccountView,
    payeeName: z.string(),
    amount: z.number().int(),
  })
  .register(schemaRegistry, { id: 'OutboundItem' });
