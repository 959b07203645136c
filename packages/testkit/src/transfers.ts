/** Test fixture for the transfer tests (not exported by the package): a bank with money in it. */

import type {
  BankAccountView,
  BankConfig,
  CardPosition,
  CustomerActor,
  PendingTransfer,
  StepUpProof,
  TransferInput,
} from '@kinko/core';
import { openBank, pins, type TestBackend, type TestBank, type TestToken } from './bank.ts';
import { openTestAccount, otherContract } from './ledger.ts';

const CONFIRM_PIN = '4826';
const STEP = 30_000;

export interface TransferBank {
  bank: TestBank;
  /** A user of the 電子証明書方式 contract with an active token. */
  user: CustomerActor;
  token: TestToken;
  payer: BankAccountView;
  /** The same contract's second account (振替). */
  second: BankAccountView;
  /** Someone else's account at this bank, branch 002 (本支店宛). */
  outsider: BankAccountView;
  /** An ID・パスワード方式 contract whose administrator authorises with PIN and card. */
  idp: {
    actor: CustomerActor;
    contractNumber: string;
    account: BankAccountView;
    card: Record<CardPosition, string>;
  };
  /** Every key used so far is different unless a test says otherwise. */
  key(): string;
  /** The proof the entered transfer asks for (an OTP of a fresh step: the clock moves 30 s). */
  proof(actor: CustomerActor, pending: PendingTransfer): StepUpProof;
  enter(
    actor: CustomerActor,
    input: Partial<TransferInput> & Pick<TransferInput, 'to'>,
    key?: string,
  ): Promise<PendingTransfer>;
}

/**
 * M5: the fixture's bank sets no same-day sub-limit by default, so that tests about other rules
 * can move the fixture's whole balance same-day; the limit tests set the limits they prove.
 */
export const liftedCeiling: Partial<BankConfig> = {
  bankLimitCeiling: { perTransfer: 10_000_000, perDay: 30_000_000, sameDayUnregisteredPerDay: null },
};

export async function openTransferBank(
  backend: TestBackend,
  overrides: Partial<BankConfig> = liftedCeiling,
): Promise<TransferBank> {
  const bank = await openBank(backend, overrides);
  await bank.store.transaction((tx) => tx.branches.insert({ code: '002', name: '中央支店' }));
  const user = await bank.addUser('user1');
  const token = await bank.activate();
  await bank.kinko.registerToken(bank.admin, {
    serial: token.serial,
    otp: token.code(),
    contractPin: pins.contract,
    userIds: [user.userId],
  });
  bank.clock.advance(STEP); // the registration consumed this step (T2)
  const payer = await openTestAccount(bank, { openingDeposit: 1_000_000 });
  const second = await openTestAccount(bank, { openingDeposit: 0 });
  const outsider = await openTestAccount(bank, {
    contractNumber: null,
    branchCode: '002',
    holderKana: 'ﾔﾏﾀﾞ ﾀﾛｳ',
  });
  const other = await otherContract(bank);
  const card = await bank.kinko.issueCard(other.admin, other.admin.userId, { contractPin: pins.contract });
  await bank.kinko.setConfirmPin(other.admin, other.admin.userId, {
    confirmPin: CONFIRM_PIN,
    contractPin: pins.contract,
  });
  const account = await openTestAccount(bank, {
    contractNumber: other.contractNumber,
    openingDeposit: 500_000,
  });
  let n = 0;
  const t: TransferBank = {
    bank,
    user,
    token,
    payer,
    second,
    outsider,
    idp: { actor: other.admin, contractNumber: other.contractNumber, account, card },
    key: () => `key-${++n}-${bank.clock.now()}`,
    proof(actor, pending) {
      if (pending.authorisation.method === 'otp') {
        bank.clock.advance(STEP); // a fresh step for every proof (T2)
        return { otp: token.code() };
      }
      if (actor.userId !== other.admin.userId) throw new Error('no card for this user');
      const position = pending.authorisation.cardPosition;
      return { confirmPin: CONFIRM_PIN, cardPosition: position, cardValue: card[position] };
    },
    enter(actor, input, key) {
      const from = actor.userId === other.admin.userId ? account.id : payer.id;
      return bank.kinko.enterTransfer(
        actor,
        { fromAccountId: from, amount: 10_000, valueDate: '2025-01-07', ...input },
        key ?? t.key(),
      );
    },
  };
  return t;
}

/** 都度指定: the outsider's account typed in. */
export function typedOutsider(tb: TransferBank, name = 'ﾔﾏﾀﾞ ﾀﾛｳ') {
  return {
    kind: 'typed' as const,
    bankCode: tb.bank.deps.config.ownBankCode,
    branchCode: '002',
    accountType: 'ordinary' as const,
    accountNumber: tb.outsider.number,
    name,
  };
}

/** 他行宛: みずほ銀行 東京営業部. */
export const mizuho = {
  kind: 'typed' as const,
  bankCode: '0001',
  branchCode: '001',
  accountType: 'ordinary' as const,
  accountNumber: '1234567',
  name: 'ｶ)ﾐｽﾞﾎﾄﾘﾋｷ',
};
