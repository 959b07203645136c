/** 入力's pure parts: where the money goes, from the tab chosen, and a refusal of the date (M3, M4, M6). */
import type { PayeeAccountInput, RecentPayeeView, TransferInput } from '@kinko/core/shared';
import { ApiError } from '../../shared/api.ts';

export type Tab = 'registered' | 'saved' | 'recent' | 'typed' | 'own';

/** The destination the tab's choice names, or null when nothing is chosen on it yet. */
export function destinationOf(
  tab: Tab,
  chosen: { payeeId: string; recent: RecentPayeeView | undefined; ownTo: string; typed: PayeeAccountInput },
): TransferInput['to'] | null {
  if (tab === 'registered' || tab === 'saved') {
    return chosen.payeeId ? { kind: 'payee', payeeId: chosen.payeeId } : null;
  }
  if (tab === 'recent') {
    const r = chosen.recent;
    if (!r) return null;
    return {
      kind: 'typed',
      bankCode: r.bankCode,
      branchCode: r.branchCode,
      accountType: r.accountType,
      accountNumber: r.accountNumber,
      name: r.name,
    };
  }
  if (tab === 'own') return chosen.ownTo ? { kind: 'own', accountId: chosen.ownTo } : null;
  return { kind: 'typed', ...chosen.typed };
}

/** A refusal of the date that names the date possible instead (M4, M6). */
export interface DateRefusal {
  code: string;
  /** M4 only: 'login_method_id_password' | 'token_not_active'. */
  reason: string | null;
  nextPossible: string | null;
}

export function dateRefusalOf(e: unknown): DateRefusal | null {
  if (!(e instanceof ApiError)) return null;
  const next = e.details.nextPossible;
  const nextPossible = typeof next === 'string' ? next : null;
  if (e.code === 'transfer.same_day_not_allowed') {
    const reason = typeof e.details.reason === 'string' ? e.details.reason : null;
    return { code: e.code, reason, nextPossible };
  }
  if (e.code.startsWith('transfer.value_date_') && nextPossible) {
    return { code: e.code, reason: null, nextPossible };
  }
  return null;
}
