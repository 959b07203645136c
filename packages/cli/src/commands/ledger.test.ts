import type { LedgerVerification } from '@kinko/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ledgerVerify } from './ledger.ts';

const runtime = (r: LedgerVerification) => ({ kinko: { verifyLedger: async () => r } }) as never;

describe('kinko ledger verify (M1)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('M1: exits 0 and says so when the ledger verifies', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const code = await ledgerVerify(
      runtime({ ok: true, accounts: 6, entries: 4, postings: 8, problems: [] }),
    );
    expect(code).toBe(0);
    expect(log).toHaveBeenCalledWith(
      'ledger verified: 6 accounts, 4 entries, 8 postings; balances match the journal and sum to 0',
    );
  });

  it('M1: exits 3 and lists every problem when it does not', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const problems = [
      '001-普通-1234567: stored balance 13600, the journal gives 13500',
      'the balances of all accounts sum to 100, not 0',
    ];
    const code = await ledgerVerify(runtime({ ok: false, accounts: 6, entries: 4, postings: 8, problems }));
    expect(code).toBe(3);
    expect(error.mock.calls.map((c) => c[0])).toEqual([
      'ledger does NOT verify (6 accounts, 4 entries, 8 postings): 2 problem(s)',
      `  - ${problems[0]}`,
      `  - ${problems[1]}`,
    ]);
  });
});
