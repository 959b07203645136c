/**
 * The API's shapes, taken from core so that the web and the server cannot drift apart.
 * Type-only imports: nothing of core lands in the browser bundle.
 */

export type {
  AccountStatus,
  AccountType,
  LoginMethod,
  TokenStatus,
  UsageMode,
} from '@kinko/core/ports';
export type {
  AccountView,
  AuditPage,
  AuditVerification,
  AuditView,
  BankAccountView,
  CardPosition,
  ContractView,
  ErrorCode,
  Me,
  ReplayAlert,
  UserView,
} from '@kinko/core/shared';

export const cardPositions = ['ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク'] as const;
