/**
 * The outbound Zengin export checks every field it writes against its character class (DOMAIN
 * §2.3) and width before writing. The defect: 被仕向銀行名 was written with '.' for 13 banks
 * (ｸﾚﾃﾞｲ.ｱｸﾞﾘｺﾙ), a character 店舗名 fields do not allow.
 */
import { createRequire } from 'node:module';
import { auditRecordCount } from '@kinko/store/testing';
import { openTransferBank, type TransferBank, testBackends } from '@kinko/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { yen } from '../ledger/yen.ts';
import { lookupBank, searchBranches } from './bank-directory.ts';
import type { OutboundItem } from './outbound-format.ts';
import { outboundZenginFile, outboundZenginRecords, ZenginFieldError } from './outbound-format.ts';

const item = (over: Partial<OutboundItem> = {}): OutboundItem => ({
  receiptNumber: '20250107-12345678',
  valueDate: '2025-01-07',
  fromBranchCode: '001',
  fromAccountType: 'ordinary',
  fromAccountNumber: '1234567',
  remitterName: 'ｶ)ﾃｽﾄｼﾖｳｼﾞ',
  bankCode: '0001',
  bankName: 'みずほ',
  branchCode: '001',
  branchName: '東京営業部',
  accountType: 'ordinary',
  accountNumber: '7654321',
  payeeName: 'ﾔﾏﾀﾞ ﾀﾛｳ',
  amount: 30_000,
  ...over,
});

/** What the writer refused, or a failure of the test if it wrote. */
function refusal(write: () => unknown): ZenginFieldError {
  try {
    write();
  } catch (e) {
    if (e instanceof ZenginFieldError) return e;
    throw e;
  }
  throw new Error('the writer wrote the file');
}

describe("the outbound Zengin export writes '.' in 被仕向銀行名 for 13 banks", () => {
  it('the 13 banks whose directory names hold a period export without one, a space in its place', () => {
    const data = createRequire(import.meta.url)('zengin-code') as Record<
      string,
      { code: string; kana: string }
    >;
    const dotted = Object.values(data).filter((b) => b.kana.includes('．'));
    expect(dotted).toHaveLength(13);
    const items = dotted.map((b) => {
      const [branch] = searchBranches(b.code, '', undefined, 1);
      return item({ bankCode: b.code, branchCode: branch?.code ?? '001' });
    });
    const records = outboundZenginRecords(items, '1952');
    const data2 = records.filter((r) => r[0] === '2');
    expect(data2).toHaveLength(13);
    for (const r of data2) {
      const bankName = r.slice(5, 20);
      expect(bankName, r.slice(1, 5)).not.toContain('.');
      expect(bankName.trimEnd(), r.slice(1, 5)).toBe(lookupBank(r.slice(1, 5)).kana);
      expect(r.slice(23, 38).trimEnd()).not.toBe(''); // the branch name is written too
    }
    expect(data2[0]?.slice(1, 20)).toBe('0421ｸﾚﾃﾞｲ ｱｸﾞﾘｺﾙ   ');
    const bytes = outboundZenginFile(items, '1952');
    expect(bytes.includes(0x2e)).toBe(false); // no '.' anywhere in the file
  });

  it.each([
    ['a comma in 受取人名', { payeeName: 'ﾔﾏﾀﾞ,ﾀﾛｳ' }, 3, '受取人名', 'the character "," at position 5'],
    [
      'full-width kana in 受取人名',
      { payeeName: 'ヤマダ' },
      3,
      '受取人名',
      'the character "ヤ" at position 1',
    ],
    [
      'lower case in 振込依頼人名',
      { remitterName: 'ｶ)kinko' },
      1,
      '振込依頼人名',
      'the character "k" at position 3',
    ],
    [
      'a 受取人名 longer than C(30)',
      { payeeName: 'ｱ'.repeat(31) },
      3,
      '受取人名',
      '31 characters do not fit',
    ],
    [
      'a 受取人名 starting with a space',
      { payeeName: ' ﾔﾏﾀﾞ' },
      3,
      '受取人名',
      'not blank may not start with a space',
    ],
  ] as const)(
    'a field with %s is refused with the record, the field and the reason; nothing is written',
    (_what, over, record, field, reason) => {
      // A header field is the group's first item's; a data field is checked on the second item,
      // whose data record is the file's third.
      const items = record === 1 ? [item(over), item()] : [item(), item(over)];
      for (const write of [
        () => outboundZenginRecords(items, '1952'),
        () => outboundZenginFile(items, '1952'),
      ]) {
        const e = refusal(write);
        expect(e.record).toBe(record);
        expect(e.field).toBe(field);
        expect(e.message).toContain(`record ${record}, ${field}:`);
        expect(e.message).toContain(reason);
        expect(e.message).toContain('nothing was written');
      }
    },
  );
});

describe.each(testBackends())(
  'the outbound export refuses a stored field that does not fit, on $name',
  (backend) => {
    let tb: TransferBank;
    beforeEach(async () => {
      tb = await openTransferBank(backend);
    });
    afterEach(() => tb.bank.cleanup());

    it('ZenginFieldError, and the export is not recorded as taken out of the bank (L1)', async () => {
      const at = tb.bank.clock.now();
      await tb.bank.store.transfers.insert({
        id: 'bad-name',
        contractId: tb.user.contractId,
        userId: tb.user.userId,
        kind: 'other_bank',
        status: 'completed',
        fromAccountId: tb.payer.id,
        toAccountId: null,
        payeeId: null,
        standing: 'first_time',
        bankCode: '0421',
        bankName: 'クレディ・アグリコル',
        branchCode: '001',
        branchName: '東京',
        accountType: 'ordinary',
        accountNumber: '1234567',
        payeeName: 'ﾔﾏﾀﾞ;ﾀﾛｳ', // skipped the entry's check (a row written by hand, say)
        remitterName: 'ﾃｽﾄｼﾖｳｼﾞ',
        amount: yen(1_000),
        fee: yen(440),
        valueDate: '2025-01-07',
        receiptNumber: '20250107-00000001',
        entryId: null,
        outbound: 'queued',
        failure: null,
        createdAt: at,
        confirmedAt: at,
        executedAt: at,
        cancelledAt: null,
      });
      const head = await auditRecordCount(tb.bank.store);
      await expect(tb.bank.kinko.exportOutbound(tb.bank.operator, '2025-01-07', 'zengin')).rejects.toThrow(
        /record 2, 受取人名: the character ";" at position 5/,
      );
      expect(await auditRecordCount(tb.bank.store)).toBe(head);
      // The CSV for people has no character classes and still lists it.
      const csv = await tb.bank.kinko.exportOutbound(tb.bank.operator, '2025-01-07', 'csv');
      expect(csv.count).toBe(1);
    });
  },
);
