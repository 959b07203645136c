/**
 * Each response schema is the core view it serialises (issue 8 item 5): `z.infer` of the schema
 * must equal core's type, checked by the compiler (`npm run typecheck`), so a field added to,
 * renamed in or dropped from either side fails the build instead of the client. Nothing here
 * runs: each `const _X: Same<…> = true` fails to compile when its two sides differ.
 *
 * Money: core brands integer yen as `Yen`; on the wire it is a JSON number, so core's side is
 * compared as `Wire<T>` (Yen read as number, nothing else changed).
 */
import type * as core from '@kinko/core';
import type { z } from 'zod';
import type * as c from './certificate-schemas.ts';
import type * as l from './limit-schemas.ts';
import type * as o from './office-schemas.ts';
import type { DirectoryEntry } from './routes/directory.ts';
import type * as s from './schemas.ts';
import type * as t from './transfer-schemas.ts';

/** True only when A and B are the same type (optional, nullable and literal members included). */
type Equals<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

/** A core type as JSON carries it: integer yen is a number. */
type Wire<T> = T extends core.Yen
  ? number
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** The schema's output equals core's view, compared field by field. */
type Same<Schema extends z.ZodType, View> = Equals<z.infer<Schema>, Wire<View>>;

type Result<M extends (...args: never[]) => unknown> = Awaited<ReturnType<M>>;
type Api = core.KinkoApi;

// --- schemas.ts
const _JwkP256: Same<typeof s.JwkP256, core.JsonWebKeyP256> = true;
const _ActivationResult: Same<typeof s.ActivationResult, core.ActivationResult> = true;
const _ServerTime: Same<typeof s.ServerTime, { serverTime: ReturnType<Api['serverTime']> }> = true;
const _UserView: Same<typeof s.UserView, core.UserView> = true;
const _ContractView: Same<typeof s.ContractView, core.ContractView> = true;
const _ContractWithUsers: Same<typeof s.ContractWithUsers, Result<Api['listUsers']>> = true;
const _ReplayAlert: Same<typeof s.ReplayAlert, core.ReplayAlert> = true;
const _Me: Same<typeof s.Me, core.Me> = true;
const _SessionTiming: Same<typeof s.SessionTiming, core.SessionTiming> = true;
const _CustomerSession: Same<
  typeof s.CustomerSession,
  { csrfToken: string; me: core.Me; session: core.SessionTiming }
> = true;
const _Operator: Same<typeof s.Operator, Result<Api['operatorProfile']>> = true;
const _OperatorSession: Same<
  typeof s.OperatorSession,
  { csrfToken: string; operator: Result<Api['operatorLogin']>['operator'] }
> = true;
const _ResumedOperatorSession: Same<
  typeof s.ResumedOperatorSession,
  { csrfToken: string; operator: Result<Api['operatorProfile']> }
> = true;
const _Card: Same<typeof s.Card, { card: Result<Api['issueCard']> }> = true;
const _StepUpResult: Same<typeof s.StepUpResult, core.StepUpResult> = true;
const _StepUpChallenge: Same<typeof s.StepUpChallenge, Result<Api['stepUpChallenge']>> = true;
const _AuditView: Same<typeof s.AuditView, core.AuditView> = true;
const _AuditPage: Same<typeof s.AuditPage, core.AuditPage> = true;
const _AuditVerification: Same<typeof s.AuditVerification, core.AuditVerification> = true;
const _AccountView: Same<typeof s.AccountView, core.AccountView> = true;
const _BankAccountView: Same<typeof s.BankAccountView, core.BankAccountView> = true;
const _StatementLine: Same<typeof s.StatementLine, core.StatementLine> = true;
const _Statement: Same<typeof s.Statement, core.Statement> = true;

// --- transfer-schemas.ts
const _PayeeView: Same<typeof t.PayeeView, core.PayeeView> = true;
const _PayeeList: Same<typeof t.PayeeList, core.PayeeList> = true;
const _TransferView: Same<typeof t.TransferView, core.TransferView> = true;
const _TransferListItem: Same<typeof t.TransferListItem, core.TransferListItem> = true;
const _TransferPage: Same<typeof t.TransferPage, core.TransferPage> = true;
const _PendingTransfer: Same<typeof t.PendingTransfer, core.PendingTransfer> = true;
const _ApprovalView: Same<typeof t.ApprovalView, core.ApprovalView> = true;
const _TransferReceipt: Same<typeof t.TransferReceipt, core.TransferReceipt> = true;
const _OutboundItem: Same<typeof t.OutboundItem, core.OutboundItem> = true;

// --- limit-schemas.ts
const _ApprovalSettings: Same<typeof l.ApprovalSettings, core.ApprovalSettingsRecord> = true;
const _LayerLimits: Same<typeof l.LayerLimits, core.LayerLimits> = true;
const _UserLimitsView: Same<typeof l.UserLimitsView, core.UserLimitsView> = true;
const _LimitsView: Same<typeof l.LimitsView, core.LimitsView> = true;

// --- certificate-schemas.ts
const _CertificateCode: Same<typeof c.CertificateCode, core.CertificateCode> = true;
const _OpenedContract: Same<typeof c.OpenedContract, Result<Api['openContract']>> = true;
const _IssuedCertificate: Same<typeof c.IssuedCertificate, core.IssuedCertificate> = true;
const _CertificateView: Same<typeof c.CertificateView, core.CertificateView> = true;

// --- routes/
const _DirectoryEntry: Same<typeof DirectoryEntry, core.DirectoryEntry> = true;

// --- office-schemas.ts (issue 9.3, 9.10)
const _UsageModeImpact: Same<typeof o.UsageModeImpact, core.UsageModeImpact> = true;
const _TokenPublicStatus: Same<typeof o.TokenPublicStatus, core.TokenPublicStatus> = true;
