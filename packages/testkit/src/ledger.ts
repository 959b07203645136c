/** Test helpers for the ledger's tests (not exported by the package). */

import type { BankAccountView, CustomerActor, EntryKind, StatementCsv } from '@kinko/core';
import { type Yen, yen } from '@kinko/core';
import { type PostedEntry, post, runUseCase } from '@kinko/core/internal';
import { passwords, pins, type TestBank } from './bank.ts';

export const VAULT = 'internal:vault_cash';

export function openTestAccount(
  bank: TestBank,
  over: Partial<Parameters<TestBank['kinko']['openAccount']>[1]> = {},
): Promise<BankAccountView> {
  return bank.kinko.openAccount(bank.operator, {
    contractNumber: bank.contractNumber,
    branchCode: '001',
    type: 'ordinary',
    holderKana: 'ﾃｽﾄｼﾖｳｼﾞ',
    openingDeposit: 0,
    ...over,
  });
}

/** One entry moving `amount` from one account to another, in its own use case. */
export function move(
  bank: TestBank,
  from: string,
  to: string,
  amount: number,
  o: { memo?: string; kind?: EntryKind } = {},
): Promise<PostedEntry> {
  return runUseCase(bank.deps, (tx) =>
    post(tx, {
      actor: { kind: 'system' },
      kind: o.kind ?? 'transfer',
      memo: o.memo ?? 'ﾌﾘｶｴ',
      reference: null,
      lines: [
        { accountId: from, amount: yen(-amount) },
        { accountId: to, amount: yen(amount) },
      ],
    }),
  );
}

export async function balanceOf(bank: TestBank, accountId: string): Promise<Yen | undefined> {
  return (await bank.store.accounts.get(accountId))?.balance;
}

/** A second contract with its administrator, for "another contract's account" tests. */
export async function otherContract(
  bank: TestBank,
): Promise<{ contractNumber: string; admin: CustomerActor }> {
  const c = await bank.kinko.openContract(bank.operator, {
    branchCode: '001',
    name: 'ヨソ物産',
    loginMethod: 'id_password',
    contractPin: pins.contract,
    admin: { loginId: 'admin', name: '他社管理者', password: passwords.admin },
  });
  const user = await bank.store.users.getByLogin(c.id, 'admin');
  if (!user) throw new Error('no admin');
  return {
    contractNumber: c.contractNumber,
    admin: {
      kind: 'customer',
      userId: user.id,
      contractId: c.id,
      role: 'admin',
      clientAddress: '203.0.113.5',
    },
  };
}

/** The whole CSV download, from the chunks core writes page by page. */
export async function csvBytes(csv: StatementCsv): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of csv.chunks) parts.push(chunk);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
