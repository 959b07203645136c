import type { OtpOperation } from '@kinko/core/shared';
import { useT } from '../../shared/i18n.ts';
import type { UserView } from '../../shared/types.ts';
import { siteMessages } from '../messages.ts';

/**
 * A2 (issue 9 item 4): the menu entries of 資金移動 and the operations in them that may ask the
 * OTP (core's OtpOperation, config.ts). 利用中止 refuses every one of them, whether or not this
 * bank's configuration asks the OTP for it (core tokens/operations.ts), so a suspended user's
 * entry closes where all it does is such an operation, and is view-only where it lists too.
 */
const menuOperations = {
  transfer: { operations: ['transfer.execute', 'transfer.submit'], viewing: false },
  scheduled: { operations: ['transfer.cancel_scheduled'], viewing: true },
  approvals: {
    operations: ['transfer.approve', 'transfer.withdraw', 'transfer.return', 'transfer.cancel_approval'],
    viewing: true,
  },
} as const satisfies Record<string, { operations: readonly OtpOperation[]; viewing: boolean }>;

export type MenuEntry = keyof typeof menuOperations;

/** How a closed menu entry shows: disabled (nothing left to do) or open for viewing, and why. */
export interface Closure {
  disabled: boolean;
  reason: string;
}

/** What 利用中止 closes for this user (nothing unless suspended). */
export function useClosures(user: UserView): Partial<Record<MenuEntry, Closure>> {
  const t = useT(siteMessages);
  if (!user.suspended) return {};
  const out: Partial<Record<MenuEntry, Closure>> = {};
  for (const [entry, { viewing }] of Object.entries(menuOperations) as [
    MenuEntry,
    (typeof menuOperations)[MenuEntry],
  ][]) {
    out[entry] = viewing
      ? { disabled: false, reason: t('closedViewOnly') }
      : { disabled: true, reason: t('closedTransfer') };
  }
  return out;
}

/** Whether a route is one 利用中止 closes entirely (the user is sent back with the notice). */
export function routeClosed(user: UserView, entry: MenuEntry): boolean {
  return user.suspended && !menuOperations[entry].viewing;
}

/**
 * A2: 利用中止, said once and plainly, with what to do: a user asks the administrator (利用中止解除,
 * 利用者情報登録／変更); an administrator's is lifted by the bank (A3).
 */
export function SuspensionNotice({ user, compact = false }: { user: UserView; compact?: boolean }) {
  const t = useT(siteMessages);
  if (!user.suspended) return null;
  const what = user.role === 'admin' ? t('suspendedWhatAdmin') : t('suspendedWhatUser');
  if (compact) {
    // Above a screen's own heading: a note, not a section of its own.
    return (
      <p className="suspension" data-testid="suspension">
        {t('closedViewOnly')} <strong data-testid="suspension-what">{what}</strong>
      </p>
    );
  }
  return (
    <section className="suspension" aria-labelledby="suspension-heading" data-testid="suspension">
      <h2 id="suspension-heading">{t('suspendedHeading')}</h2>
      <p>{t('suspendedText')}</p>
      <p className="suspension-what" data-testid="suspension-what">
        <strong>{what}</strong>
      </p>
    </section>
  );
}
