/** 科目 and account states, shared by the customer site and the back office. */
import { defineMessages, type Translate } from './i18n.ts';
import type { AccountStatus, AccountType } from './types.ts';

export const accountLabels = defineMessages(
  {
    ordinary: '普通',
    current: '当座',
    savings: '貯蓄',
    active: '取引中',
    frozen: '支払停止',
    closed: '解約済',
  },
  {
    ordinary: 'Ordinary',
    current: 'Current',
    savings: 'Savings',
    active: 'Active',
    frozen: 'Payments stopped',
    closed: 'Closed',
  },
);

type T = Translate<keyof (typeof accountLabels)['ja'] & string>;

export const accountTypes: readonly AccountType[] = ['ordinary', 'current', 'savings'];

export const accountTypeLabel = (t: T, type: AccountType): string => t(type);
export const accountStatusLabel = (t: T, status: AccountStatus): string => t(status);
