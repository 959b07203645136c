import { move, openBank, openTestAccount, type TestBank, tamper, testBackends } from '@kinko/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyLedger } from './verify.ts';
import type { BankAccountView } from './views.ts';

describe.each(testBackends())('M1: ledger verification on $name', (backend) => {
  let bank: TestBank;
  let a: BankAccountView;
  let b: BankAccountView;
  beforeEach(async () => {
    bank = await openBank(backend);
    a = await openTestAccount(bank, { openingDeposit: 10_000 });
    b = await openTestAccount(bank, { type: 'current', overdraftLimit: 5_000 });
    await move(bank, a.id, b.id, 3_000);
    await move(bank, b.id, a.id, 7_000);
    await move(bank, a.id, b.id, 500);
  });
  afterEach(() => bank.cleanup());

  it('M1: a busy ledger verifies: every account, entry and posting counted', async () => {
    expect(await bank.kinko.verifyLedger()).toEqual({
      ok: true,
      accounts: 6,
      entries: 4,
      postings: 8,
      problems: [],
    });
  });

  it('M1: a changed stored balance is found, and so is the money it created', async () => {
    await tamper(bank.store, `update accounts set balance = balance + 100 where id = '${a.id}'`);
    const r = await verifyLedger(bank.store);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      `001-普通-${a.number}: stored balance 13600, the journal gives 13500`,
      'the balances of all accounts sum to 100, not 0',
    ]);
  });

  it('M1: a changed posting amount unbalances its entry and breaks the running balance', async () => {
    await tamper(
      bank.store,
      `update postings set amount = amount - 1 where account_id = '${a.id}' and seq = 2`,
    );
    const r = await verifyLedger(bank.store);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^001-普通-${a.number}: posting 2 says balance 7000`)),
        expect.stringMatching(/stored balance 13500, the journal gives 13499/),
        expect.stringMatching(/the postings of all accounts sum to -1, not 0/),
        expect.stringMatching(/^entry [0-9a-f]{32} does not balance: its postings sum to -1$/),
      ]),
    );
  });

  it('M1: a deleted posting leaves a gap, a one-sided entry and a balance the journal does not explain', async () => {
    await tamper(bank.store, `delete from postings where account_id = '${b.id}' and seq = 1`);
    const r = await verifyLedger(bank.store);
    expect(r.problems).toEqual(
      expect.arrayContaining([
        `001-当座-${b.number}: posting 1 is missing (next is 2)`,
        expect.stringMatching(/has 1 posting\(s\)/),
      ]),
    );
    expect(r.postings).toBe(7);
  });

  it('M1: a running balance below the overdraft is found', async () => {
    await tamper(
      bank.store,
      `update postings set balance_after = -6000, amount = -9000 where account_id = '${b.id}' and seq = 2`,
    );
    const r = await verifyLedger(bank.store);
    expect(r.problems).toEqual(
      expect.arrayContaining([`001-当座-${b.number}: posting 2 took the balance to -6000, below -5000`]),
    );
  });

  it('M1: a missing bank account and a count that disagrees with the journal are found', async () => {
    await tamper(bank.store, `delete from accounts where internal_code = 'suspense'`);
    await tamper(bank.store, `update accounts set last_seq = 9 where id = '${a.id}'`);
    const r = await verifyLedger(bank.store);
    expect(r.problems).toEqual([
      `001-普通-${a.number}: the account says 9 postings, the journal ends at 4`,
      "the bank's suspense account is missing",
    ]);
  });
});
