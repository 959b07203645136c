import { describe, expect, it } from 'vitest';
import { type FeeTable, makeConfig } from '../config.ts';
import { type FeeInput, feeCategory, feeTableOn, transferFee } from './fees.ts';

const config = makeConfig({ ownBankCode: '1952' });
const base: FeeInput = {
  fromBranch: '001',
  toBankCode: '1952',
  toBranch: '001',
  amount: 10_000,
  valueDate: '2027-01-04',
};

describe('transfer fees (M7)', () => {
  it('M7: the default table is Arai shinkin 法人IB: 同店 0/0, 本支店 110/220, 他行 275/440 at ¥30,000', () => {
    expect(config.feeTables).toEqual([
      {
        effectiveFrom: '2000-01-01',
        threshold: 30_000,
        sameBranch: [0, 0],
        otherBranch: [110, 220],
        otherBank: [275, 440],
      },
    ]);
  });

  it.each([
    ['same branch, below', { toBranch: '001', amount: 29_999 }, 'sameBranch', 0],
    ['same branch, from', { toBranch: '001', amount: 30_000 }, 'sameBranch', 0],
    ['other branch, below', { toBranch: '002', amount: 29_999 }, 'otherBranch', 110],
    ['other branch, from', { toBranch: '002', amount: 30_000 }, 'otherBranch', 220],
    ['other bank, below', { toBankCode: '0001', toBranch: '001', amount: 29_999 }, 'otherBank', 275],
    ['other bank, from', { toBankCode: '0001', toBranch: '001', amount: 30_000 }, 'otherBank', 440],
  ] as const)('M7: %s', (_what, change, category, fee) => {
    const input = { ...base, ...change };
    expect(feeCategory(input, config.ownBankCode)).toBe(category);
    expect(transferFee(input, config)).toBe(fee);
  });

  it('M7: ¥30,000 exactly is "from ¥30,000"; ¥29,999 is below; the extremes follow', () => {
    const otherBank = { ...base, toBankCode: '0005' };
    expect(transferFee({ ...otherBank, amount: 1 }, config)).toBe(275);
    expect(transferFee({ ...otherBank, amount: 29_999 }, config)).toBe(275);
    expect(transferFee({ ...otherBank, amount: 30_000 }, config)).toBe(440);
    expect(transferFee({ ...otherBank, amount: 30_001 }, config)).toBe(440);
    expect(transferFee({ ...otherBank, amount: 9_999_999_999 }, config)).toBe(440);
  });

  it("M7: 振替 between the contract's own accounts is free, even across branches", () => {
    const input = { ...base, toBranch: '003', amount: 5_000_000, betweenOwnAccounts: true };
    expect(feeCategory(input, config.ownBankCode)).toBe('ownAccounts');
    expect(transferFee(input, config)).toBe(0);
  });

  it('M7: "other bank" compares with the bank\'s own code, from config or from the input', () => {
    expect(transferFee({ ...base, toBranch: '002', ownBankCode: '0001' }, config)).toBe(275);
    expect(transferFee({ ...base, toBankCode: '1000' }, config)).toBe(275); // 信金中央金庫 is another bank
  });

  describe('the table in force on the value date (M7)', () => {
    const tables: FeeTable[] = [
      {
        effectiveFrom: '2027-04-01',
        threshold: 50_000,
        sameBranch: [0, 0],
        otherBranch: [220, 330],
        otherBank: [440, 660],
      },
      {
        effectiveFrom: '2020-01-01',
        threshold: 30_000,
        sameBranch: [0, 0],
        otherBranch: [110, 220],
        otherBank: [275, 440],
      },
    ];
    const cfg = makeConfig({ ownBankCode: '1952', feeTables: tables });
    const toMizuho = { ...base, toBankCode: '0001', amount: 40_000 };

    it('M7: the day before the new table the old fee applies; from its first day the new one', () => {
      expect(transferFee({ ...toMizuho, amount: 60_000, valueDate: '2027-03-31' }, cfg)).toBe(440);
      expect(transferFee({ ...toMizuho, amount: 60_000, valueDate: '2027-04-01' }, cfg)).toBe(660);
      // Entered on 2027-03-15 for 2027-04-02: the value date decides, not the entry date.
      expect(transferFee({ ...toMizuho, amount: 10_000, valueDate: '2027-04-02' }, cfg)).toBe(440);
      expect(feeTableOn('2027-04-01', tables).effectiveFrom).toBe('2027-04-01');
      expect(feeTableOn('2027-03-31', tables).effectiveFrom).toBe('2020-01-01');
    });

    it('M7: the threshold belongs to the table (3万円 → 5万円 changes are dated too)', () => {
      expect(transferFee({ ...toMizuho, amount: 40_000, valueDate: '2027-03-31' }, cfg)).toBe(440);
      expect(transferFee({ ...toMizuho, amount: 49_999, valueDate: '2027-04-01' }, cfg)).toBe(440);
      expect(transferFee({ ...toMizuho, amount: 50_000, valueDate: '2027-04-01' }, cfg)).toBe(660);
    });

    it('M7: no table in force, or a malformed one, is a configuration error', () => {
      expect(() => transferFee({ ...toMizuho, valueDate: '2019-12-31' }, cfg)).toThrow(
        expect.objectContaining({ code: 'server.internal' }),
      );
      const broken = [{ ...tables[1]!, otherBank: [275, -1] as const }];
      expect(() => feeTableOn('2027-01-04', broken)).toThrow(
        expect.objectContaining({ code: 'server.internal' }),
      );
    });
  });
});
