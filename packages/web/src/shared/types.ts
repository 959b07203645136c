/**
 * The API's shapes, taken from core so that the web and the server cannot drift apart.
 * Type-only imports: nothing of core lands in the browser bundle.
 */
export type {
  AccountView,
  AuditPage,
  AuditVerification,
  AuditView,
  BankAccountView,
  CardPosition,
  ContractView,
  JsonWebKeyP256,
  Me,
  ReplayAlert,
  Statement,
  StatementLine,
  UserView,
} from '../../../core/src/api.ts';
export type { ErrorCode } from '../../../core/src/errors.ts';
export type {
  AccountStatus,
  AccountType,
  LoginMethod,
  TokenStatus,
  UsageMode,
} from '../../../core/src/ports.ts';

export const cardPositions = ['ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク'] as const;
