import type {
  ContractRecord,
  LoginMethod,
  Store,
  TokenRecord,
  TokenStatus,
  UsageMode,
  UserRecord,
  UserRole,
} from '../ports.ts';
import { effectiveTokenId, isActive } from '../tokens/effective.ts';
import { openReplayAlerts, type ReplayAlert } from '../tokens/replay-alerts.ts';
import { previousLoginAt } from './last-login.ts';

export type TokensById = ReadonlyMap<string, TokenRecord>;

export async function contractTokens(store: Store, contractId: string): Promise<TokensById> {
  const tokens = await store.tokens.listByContract(contractId);
  return new Map(tokens.map((t) => [t.id, t]));
}

export function toContractView(c: ContractRecord, tokens: TokensById): ContractView {
  return {
    id: c.id,
    contractNumber: c.contractNumber,
    name: c.name,
    branchCode: c.branchCode,
    loginMethod: c.loginMethod,
    usageMode: c.usageMode,
    sharedSerial: c.sharedTokenId === null ? null : (tokens.get(c.sharedTokenId)?.serial ?? null),
    contractPinLocked: c.contractPinLocked,
    stopped: c.stopped,
  };
}

/** R5: each user with the serial and state of the token in force for them. */
function toUserView(u: UserRecord, c: ContractRecord, tokens: TokensById): UserView {
  const tokenId = effectiveTokenId(c, u);
  const token = tokenId === null ? undefined : tokens.get(tokenId);
  return {
    id: u.id,
    loginId: u.loginId,
    name: u.name,
    role: u.role,
    loginLocked: u.loginLocked,
    suspended: u.suspended,
    otpFailures: u.otpFailures,
    hasConfirmPin: u.confirmPinHash !== null,
    hasCard: u.cardCiphertext !== null,
    serial: token?.serial ?? null,
    tokenStatus: token?.status ?? null,
    tokenActive: isActive(token),
  };
}

export async function contractWithUsers(
  store: Store,
  contract: ContractRecord,
): Promise<{ contract: ContractView; users: UserView[] }> {
  const tokens = await contractTokens(store, contract.id);
  const users = await store.users.listByContract(contract.id);
  return {
    contract: toContractView(contract, tokens),
    // The administrator first, then users in the order they were added (the store's order).
    users: [...users.filter((u) => u.role === 'admin'), ...users.filter((u) => u.role !== 'admin')].map((u) =>
      toUserView(u, contract, tokens),
    ),
  };
}

export async function userView(store: Store, user: UserRecord, contract: ContractRecord): Promise<UserView> {
  return toUserView(user, contract, await contractTokens(store, contract.id));
}

export async function meView(store: Store, user: UserRecord, contract: ContractRecord): Promise<Me> {
  const tokens = await contractTokens(store, contract.id);
  const view = toUserView(user, contract, tokens);
  return {
    user: view,
    contract: toContractView(contract, tokens),
    alerts: await openReplayAlerts(store, user),
    previousLoginAt: await previousLoginAt(store, 'customer', user.id),
  };
}

export interface UserView {
  id: string;
  loginId: string;
  name: string;
  role: UserRole;
  loginLocked: boolean;
  suspended: boolean; // 利用中止
  otpFailures: number;
  hasConfirmPin: boolean;
  hasCard: boolean;
  /** The serial of the token in force for this user (own token, or the contract's shared one). */
  serial: string | null;
  tokenStatus: TokenStatus | null;
  /** True when OTP is the user's transaction authentication (R4). */
  tokenActive: boolean;
}

export interface ContractView {
  id: string;
  contractNumber: string;
  name: string;
  branchCode: string;
  loginMethod: LoginMethod;
  usageMode: UsageMode;
  sharedSerial: string | null;
  contractPinLocked: boolean;
  stopped: boolean;
}

export interface Me {
  user: UserView;
  contract: ContractView;
  /** T2: reused OTPs on this user's token (for the administrator, any of the contract's) not yet acknowledged by this user. */
  alerts: ReplayAlert[];
  /** 前回ログイン日時: the successful login before the latest one; null at the first (初回ログイン). */
  previousLoginAt: number | null;
}
