/**
 * One schema per edge (STYLE habit 6): request schemas are strict (unknown keys rejected);
 * response schemas strip anything core might add, so no field reaches a client unless it is
 * named here. Secrets' formats (OTP digits, serial check character, JWK curve) are core's rules
 * (SPEC T4, T5): here an OTP or a serial is only a string.
 */
import {
  ACCOUNT_STATUSES,
  ACCOUNT_TYPES,
  AUDIT_PAGE,
  cardPositions,
  LOGIN_METHODS,
  STATEMENT_PAGE,
  TOKEN_STATUSES,
  USAGE_MODES,
  USER_ROLES,
} from '@kinko/core';
import { z } from 'zod';
import { auditFilterQuery } from './office-schemas.ts';
import { nextCursor, pageQuery } from './paging-schemas.ts';
import { code, pathParam, secret, secretCode, text } from './text.ts';

/** Named schemas become components of the OpenAPI document. */
export const schemaRegistry = z.registry<{ id?: string; [k: string]: unknown }>();

export { code, maxPathParamLength, pathParam, secretCode, text, wellFormedText } from './text.ts';

export const Problem = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .register(schemaRegistry, { id: 'Problem', description: 'RFC 9457 problem details' });

export const JwkP256 = z
  .object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string() })
  .register(schemaRegistry, { id: 'JwkP256' });

export const ActivationResult = z
  .object({
    serial: z.string(),
    serverPublicKey: JwkP256,
    serverTime: z.number().int(),
    period: z.literal(30),
    digits: z.literal(6),
    algorithm: z.literal('SHA1'),
  })
  .register(schemaRegistry, { id: 'ActivationResult' });

export const ServerTime = z.object({ serverTime: z.number().int() });

const LoginMethod = z.enum(LOGIN_METHODS);
const UsageMode = z.enum(USAGE_MODES);

export const UserView = z
  .object({
    id: z.string(),
    loginId: z.string(),
    name: z.string(),
    role: z.enum(USER_ROLES),
    loginLocked: z.boolean(),
    suspended: z.boolean(),
    otpFailures: z.number().int(),
    hasConfirmPin: z.boolean(),
    hasCard: z.boolean(),
    serial: z.string().nullable(),
    tokenStatus: z.enum(TOKEN_STATUSES).nullable(),
    tokenActive: z.boolean(),
  })
  .register(schemaRegistry, { id: 'UserView' });

export const ContractView = z
  .object({
    id: z.string(),
    contractNumber: z.string(),
    name: z.string(),
    branchCode: z.string(),
    loginMethod: LoginMethod,
    usageMode: UsageMode,
    sharedSerial: z.string().nullable(),
    contractPinLocked: z.boolean(),
    stopped: z.boolean(),
  })
  .register(schemaRegistry, { id: 'ContractView' });

export const ContractWithUsers = z.object({ contract: ContractView, users: z.array(UserView) });
/** T2: a reused OTP, shown until this user acknowledges it. */
export const ReplayAlert = z
  .object({
    id: z.string(),
    at: z.number().int().describe('When the reused code was refused (epoch ms)'),
    serial: z.string(),
    operation: z.string().describe('What the code was for: transfer.confirm, token.registration …'),
    userId: z.string().describe('The user whose request carried the reused code'),
    userName: z.string(),
  })
  .register(schemaRegistry, { id: 'ReplayAlert' });
/** 前回ログイン日時: the successful login before the latest one (epoch ms); null at the first. */
const PreviousLoginAt = z.number().int().nullable();
export const Me = z.object({
  user: UserView,
  contract: ContractView,
  alerts: z.array(ReplayAlert),
  previousLoginAt: PreviousLoginAt,
});
/** A4: the idle timeout and what is left of it, so that the site warns before it (durations in ms). */
export const SessionTiming = z
  .object({
    idleTimeoutMs: z.number().int().positive(),
    expiresInMs: z.number().int().nonnegative(),
    activityGranularityMs: z.number().int().nonnegative(),
  })
  .register(schemaRegistry, { id: 'SessionTiming' });
export const CustomerSession = z.object({ csrfToken: z.string(), me: Me, session: SessionTiming });

export const Operator = z.object({
  id: z.string(),
  loginId: z.string(),
  name: z.string(),
  previousLoginAt: PreviousLoginAt,
});
export const OperatorSession = z.object({ csrfToken: z.string(), operator: Operator });
export const ResumedOperatorSession = z.object({
  csrfToken: z.string(),
  operator: Operator,
});

export const CardPosition = z.enum(cardPositions);
export const Card = z.object({ card: z.record(CardPosition, z.string()) });

export const StepUpResult = z.object({
  method: z.enum(['otp', 'legacy']),
  step: z.number().int().optional(),
});
export const StepUpChallenge = z.discriminatedUnion('method', [
  z.object({ method: z.literal('otp') }),
  z.object({ method: z.literal('legacy'), cardPosition: CardPosition }),
]);

export const AuditView = z
  .object({
    chain: z
      .string()
      .describe("L1: the contract's id, or 'bank' for the bank's own acts and events of no contract"),
    seq: z.number().int().describe('Position in the chain: 1, 2, 3 …'),
    at: z.number().int(),
    actorType: z.string(),
    actorId: z.string().nullable(),
    actorRole: z
      .enum(['customer_user', 'administrator', 'bank_operator', 'system', 'anonymous'])
      .describe('Who acted, by role (B1)'),
    actorName: z
      .string()
      .nullable()
      .describe("The actor's name now; null for system, anonymous or an unknown id"),
    actorLoginId: z.string().nullable(),
    contractId: z.string().nullable(),
    contractNumber: z.string().nullable(),
    action: z.string(),
    subject: z.string().nullable(),
    outcome: z.string(),
    detail: z.record(z.string(), z.unknown()),
    names: z
      .record(z.string(), z.string())
      .describe('The users the details name by id, as "name (login ID)"'),
    mac: z.string().describe("HMAC-SHA-256 under the bank's audit key (hex), chained to the previous record"),
  })
  .register(schemaRegistry, { id: 'AuditView' });

export const AuditPage = z
  .object({
    items: z.array(AuditView).describe('Newest first'),
    nextCursor: z
      .string()
      .nullable()
      .describe('Pass as `cursor` for the next (older) page; null when there is none'),
  })
  .register(schemaRegistry, { id: 'AuditPage' });

export const AuditVerification = z
  .object({
    ok: z.boolean(),
    records: z.number().int().describe('Records whose MAC and link verified'),
    chains: z.number().int(),
    problems: z
      .array(
        z.object({
          chain: z.string().describe("The chain, or '*' for the whole log (a wrong key, a bad checkpoint)"),
          seq: z.number().int().nullable(),
          reason: z.string(),
        }),
      )
      .describe('At most one per chain (a chain is not read past its first break), at most 100'),
    checkpoint: z.object({ createdAt: z.number().int(), chains: z.number().int() }).optional(),
  })
  .register(schemaRegistry, { id: 'AuditVerification' });

export const AccountType = z.enum(ACCOUNT_TYPES);
/** Integer yen (M1): amounts are whole numbers, never formatted. */
const yenAmount = z.number().int();

export const AccountView = z
  .object({
    id: z.string(),
    branchCode: z.string(),
    branchName: z.string(),
    type: AccountType,
    typeCode: z
      .union([z.literal(1), z.literal(2), z.literal(4)])
      .describe('Zengin 預金種目: 1 普通, 2 当座, 4 貯蓄'),
    number: z.string(),
    holderKana: z.string(),
    balance: yenAmount,
    overdraftLimit: yenAmount,
    available: yenAmount.describe('balance + overdraft limit (支払可能残高)'),
    status: z.enum(ACCOUNT_STATUSES),
  })
  .register(schemaRegistry, { id: 'AccountView', description: 'An account with its balance (残高照会, M9)' });

export const BankAccountView = AccountView.extend({ contractNumber: z.string().nullable() }).register(
  schemaRegistry,
  { id: 'BankAccountView' },
);

export const StatementLine = z
  .object({
    seq: z.number().int(),
    at: z.number().int(),
    date: z.string().describe('the day in Japan, YYYY-MM-DD'),
    description: z.string().describe('摘要'),
    debit: yenAmount.nullable().describe('お支払金額'),
    credit: yenAmount.nullable().describe('お預り金額'),
    balance: yenAmount.describe('差引残高'),
  })
  .register(schemaRegistry, { id: 'StatementLine' });

export const Statement = z
  .object({
    account: AccountView,
    from: z.string(),
    to: z.string(),
    openingBalance: yenAmount,
    closingBalance: yenAmount,
    lines: z.array(StatementLine).describe("this page's lines, oldest first"),
    nextCursor,
  })
  .register(schemaRegistry, { id: 'Statement', description: '入出金明細 (M9)' });

/** A CSV download: the bytes as they are sent (documented, not serialised). */
export const csvResponse = {
  description: '入出金明細 as CSV: UTF-8 with BOM, or Shift_JIS',
  content: { 'text/csv': { schema: z.string() } },
} as const;

export const NoContent = z.undefined().describe('No content');

// --- request bodies
export const requests = {
  activation: z.strictObject({
    // T5: the JWK is checked by core (curve, encoding, on-curve, no private part), so a bad
    // key is activation.bad_public_key and never a row.
    publicKey: z.record(text(), z.unknown()),
  }),
  otpauth: z.strictObject({ label: text() }),
  login: z.strictObject({ contractNumber: code(), loginId: text(), password: secret }),
  operatorLogin: z.strictObject({ loginId: text(), password: secret }),
  changePassword: z.strictObject({ currentPassword: secret, newPassword: secret }),
  stepUp: z.union([
    z.strictObject({ otp: secretCode, purpose: text().optional() }),
    z.strictObject({
      confirmPin: secretCode,
      cardPosition: CardPosition,
      cardValue: secretCode,
      purpose: text().optional(),
    }),
  ]),
  otpCheck: z.strictObject({ otp: secretCode }),
  createUser: z.strictObject({ loginId: text(), name: text(), password: secret, contractPin: secretCode }),
  updateUser: z.strictObject({
    name: text().optional(),
    password: secret.optional(),
    contractPin: secretCode,
  }),
  contractPin: z.strictObject({ contractPin: secretCode }),
  usageMode: z.strictObject({
    mode: UsageMode,
    contractPin: secretCode,
    confirmed: z
      .boolean()
      .optional()
      .describe('Required (true) when the switch takes a registered token out of force for any user (R3)'),
  }),
  registerToken: z.strictObject({
    serial: code(),
    otp: secretCode,
    contractPin: secretCode,
    userIds: z.array(text()).max(1000).optional(),
  }),
  removeRegistration: z.strictObject({ userId: text().optional(), contractPin: secretCode }),
  confirmPin: z.strictObject({ confirmPin: secretCode, contractPin: secretCode }),
  openContract: z.strictObject({
    branchCode: code(),
    name: text(),
    loginMethod: LoginMethod,
    contractPin: secretCode,
    admin: z.strictObject({ loginId: text(), name: text(), password: secret }),
  }),
  restoreAdmin: z.strictObject({ newPassword: secret.optional(), newContractPin: secretCode.optional() }),
  openAccount: z.strictObject({
    contractNumber: code().nullable(),
    branchCode: code(),
    type: AccountType,
    holderKana: text(),
    // Numbers only; core checks they are whole yen in range (amount.invalid).
    openingDeposit: z.number(),
    overdraftLimit: z.number().optional(),
  }),
  empty: z.strictObject({}).optional(),
};

export const params = {
  userId: z.strictObject({ id: pathParam() }),
  contractNumber: z.strictObject({ number: pathParam() }),
  serial: z.strictObject({ serial: pathParam() }),
  accountId: z.strictObject({ id: pathParam() }),
  alertId: z.strictObject({ id: pathParam() }),
};

export const auditQuery = z.strictObject({
  ...pageQuery(AUDIT_PAGE, 'Records'),
  contractNumber: text().optional().describe("Only this contract's chain"),
  ...auditFilterQuery,
});

/** Days in Japan, YYYY-MM-DD, inclusive; core checks they are real days within a year. */
export const statementQuery = z.strictObject({
  from: text(),
  to: text(),
  ...pageQuery(STATEMENT_PAGE, 'Lines'),
});
export const statementCsvQuery = z.strictObject({ from: text(), to: text() }).extend({
  encoding: z.enum(['utf8', 'shift_jis']).default('utf8'),
});
