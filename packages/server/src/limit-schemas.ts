/**
 * Schemas of the limit, privilege and approval-setting routes (M5, M5a). Amounts are plain numbers here: core checks
 * them (validateLimitSettings) and answers with its own codes (limits.invalid,
 * limits.above_ceiling …), which a refinement here would flatten into request.invalid.
 */
import { APPROVAL_MODES, PRIVILEGES } from '@kinko/core';
import { z } from 'zod';
import { schemaRegistry, secretCode, text } from './schemas.ts';

const amount = z.number().describe('Integer yen ≥ 0');

const ApprovalMode = z.enum(APPROVAL_MODES);

export const ApprovalSettings = z
  .object({ mode: ApprovalMode, approverMustDiffer: z.boolean() })
  .register(schemaRegistry, { id: 'ApprovalSettings' });

export const LayerLimits = z
  .object({
    perTransfer: z.number().int(),
    perDay: z.number().int(),
    sameDayUnregisteredPerDay: z.number().int().nullable(),
  })
  .register(schemaRegistry, { id: 'LayerLimits' });

const ProposedLimits = z.strictObject({
  perTransfer: amount,
  perDay: amount,
  sameDayUnregisteredPerDay: amount.nullable().describe('Same-day to unregistered payees; null: none'),
});

const Privilege = z.enum(PRIVILEGES);

export const UserLimitsView = z
  .object({
    userId: z.string(),
    loginId: z.string(),
    name: z.string(),
    limits: LayerLimits.nullable(),
    privileges: z.array(Privilege),
  })
  .register(schemaRegistry, { id: 'UserLimitsView' });

export const LimitsView = z
  .object({
    bank: LayerLimits.describe('契約限度額, set by the bank'),
    contract: LayerLimits.nullable().describe('ご契約先限度額; null: none set'),
    users: z.array(UserLimitsView),
  })
  .register(schemaRegistry, { id: 'LimitsView' });

export const limitRequests = {
  setLimits: z.strictObject({
    contractPin: secretCode,
    contract: ProposedLimits.nullable().optional().describe('Absent: unchanged; null: removed'),
    users: z
      .array(z.strictObject({ userId: text(64), limits: ProposedLimits.nullable() }))
      .max(99)
      .optional(),
  }),
  setPrivileges: z.strictObject({ privileges: z.array(Privilege).max(7), contractPin: secretCode }),
  setBankLimits: z.strictObject({ limits: ProposedLimits.nullable().describe('null: the bank default') }),
  approvalSettings: z.strictObject({
    mode: ApprovalMode,
    approverMustDiffer: z.boolean(),
    contractPin: secretCode,
  }),
};
