import { describe, expect, it } from 'vitest';
import type { OutboundItem } from './outbound-format.ts';
import { outboundCsv, outboundZenginFile, outboundZenginRecords } from './outbound-format.ts';

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
  accountType: 'current',
  accountNumber: '7654321',
  payeeName: 'ﾔﾏﾀﾞ ﾀﾛｳ',
  amount: 30_000,
  ...over,
});

describe('outbound items for the Zengin network', () => {
  it('F2: a 総合振込 file: header, data, trailer with count and total, one end record; 120 bytes + CRLF each', () => {
    const items = [item(), item({ amount: 5, accountNumber: '0000001' })];
    const records = outboundZenginRecords(items, '1952');
    expect(records.map((r) => r[0])).toEqual(['1', '2', '2', '8', '9']);
    expect(records.every((r) => r.length === 120)).toBe(true);
    expect(records[0]?.slice(1, 4)).toBe('210');
    expect(records[0]?.slice(54, 58)).toBe('0107');
    expect(records[0]?.slice(58, 62)).toBe('1952');
    const d = records[1] ?? '';
    expect(d.slice(1, 5)).toBe('0001');
    expect(d.slice(42, 50)).toBe('27654321');
    expect(d.slice(50, 80).trimEnd()).toBe('ﾔﾏﾀﾞ ﾀﾛｳ');
    expect(d.slice(80, 90)).toBe('0000030000');
    expect(records[3]?.slice(0, 19)).toBe('8000002000000030005');
    const bytes = outboundZenginFile(items, '1952');
    expect(bytes.length).toBe(5 * 122);
    expect([bytes[120], bytes[121]]).toEqual([0x0d, 0x0a]);
  });

  it('F2: one header group per paying account', () => {
    const records = outboundZenginRecords([item(), item({ fromAccountNumber: '2222222' })], '1952');
    expect(records.map((r) => r[0]).join('')).toBe('1281289');
  });

  it('CSV has a header line and quotes what needs quoting', () => {
    const csv = outboundCsv([item({ bankName: 'A,B' })]);
    const [head, row] = csv.split('\r\n');
    expect(head).toContain('receiptNumber,valueDate');
    expect(row).toContain('"A,B"');
    expect(row?.endsWith(',30000')).toBe(true);
  });
});
