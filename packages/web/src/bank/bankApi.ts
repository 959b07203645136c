/** The back office's calls (B1, A3, L1), in the kinko_bank session. */
import type { OperatorProfile, PayeeView } from '@kinko/core/shared';
import { api, setCsrfToken } from '../shared/api.ts';
import type {
  AccountType,
  AuditPage,
  AuditVerification,
  BankAccountView,
  ContractView,
  LoginMethod,
  UserView,
} from '../shared/types.ts';

export type { PayeeView };

/** The signed-in operator, with 前回ログイン日時 (previousLoginAt). */
export type Operator = OperatorProfile;

interface SessionAnswer {
  csrfToken: string;
  operator: Operator;
}

export interface ContractDetail {
  contract: ContractView;
  users: UserView[];
}

const contract = (n: string) => `/api/v1/bank/contracts/${encodeURIComponent(n)}`;

export const bankApi = {
  async login(loginId: string, password: string): Promise<Operator> {
    const a = await api.post<SessionAnswer>(
      '/api/v1/bank/session',
      { loginId, password },
      { quiet401: true },
    );
    setCsrfToken(a.csrfToken);
    return a.operator;
  },
  async resume(): Promise<Operator | null> {
    try {
      const a = await api.get<SessionAnswer>('/api/v1/bank/session', { quiet401: true });
      setCsrfToken(a.csrfToken);
      return a.operator;
    } catch {
      return null;
    }
  },
  async logout(): Promise<void> {
    try {
      await api.del('/api/v1/bank/session');
    } finally {
      setCsrfToken(null);
    }
  },
  branches: () => api.get<{ code: string; name: string }[]>('/api/v1/bank/branches'),
  contracts: () => api.get<ContractView[]>('/api/v1/bank/contracts'),
  contract: (n: string) => api.get<ContractDetail>(contract(n)),
  open: (input: {
    branchCode: string;
    name: string;
    loginMethod: LoginMethod;
    contractPin: string;
    admin: { loginId: string; name: string; password: string };
  }) => api.post<ContractView>('/api/v1/bank/contracts', input),
  /** 口座開設 (B1): the opening deposit comes from the bank's vault cash (M1). */
  openAccount: (input: {
    contractNumber: string | null;
    branchCode: string;
    type: AccountType;
    holderKana: string;
    openingDeposit: number;
    overdraftLimit?: number;
  }) => api.post<BankAccountView>('/api/v1/bank/accounts', input),
  restoreAdmin: (n: string, input: { newPassword?: string; newContractPin?: string }) =>
    api.post<ContractView>(`${contract(n)}/restore-admin`, input),
  revoke: (serial: string) => api.post<void>(`/api/v1/bank/tokens/${encodeURIComponent(serial)}/revoke`, {}),
  /** B1: a page of the log, newest first, with the screen's filters (auditFilter.ts). */
  audit: (filter: URLSearchParams, opts: { cursor?: string; limit: number }) => {
    const q = new URLSearchParams(filter);
    q.set('limit', String(opts.limit));
    if (opts.cursor !== undefined) q.set('cursor', opts.cursor);
    return api.get<AuditPage>(`/api/v1/bank/audit?${q}`);
  },
  /** The same filters as CSV (UTF-8 with BOM), streamed by the server: a plain link downloads it. */
  auditCsvUrl: (filter: URLSearchParams, lang: 'ja' | 'en') => {
    const q = new URLSearchParams(filter);
    q.set('lang', lang);
    return `/api/v1/bank/audit.csv?${q}`;
  },
  /** 事前登録 (M8, B1): payees registered from the customer's written form. */
  payees: (n: string) => api.get<PayeeView[]>(`${contract(n)}/payees`),
  registerPayee: (
    n: string,
    input: {
      bankCode: string;
      branchCode: string;
      accountType: AccountType;
      accountNumber: string;
      name: string;
      nickname?: string | null;
    },
    idempotencyKey: string,
  ) => api.post<PayeeView>(`${contract(n)}/payees`, input, { idempotencyKey }),
  removePayee: (n: string, id: string) => api.del(`${contract(n)}/payees/${encodeURIComponent(id)}`),
  verify: () => api.get<AuditVerification>('/api/v1/bank/audit/verify'),
};
