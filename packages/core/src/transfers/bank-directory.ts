/**
 * The bank and branch directory (M8: payee bank and branch codes are validated against the
 * Zengin code list). The data is the npm `zengin-code` package (DOMAIN §3): 1,146 banks and
 * 28,944 branches in one 5 MB module, so it is loaded once, on the first lookup, not at
 * import. It is convenience data, not the 全銀協 master; for this bank's own branches the
 * back office's branch list is the authority and is passed in.
 */
import { createRequire } from 'node:module';
import { KinkoError } from '../errors.ts';
import { toZenginForm } from './zengin-chars.ts';

export interface DirectoryEntry {
  /** 4 digits for a bank (統一金融機関番号), 3 for a branch (統一店番号). */
  code: string;
  /** As the data spells it: みずほ, 熊本第一信金, 東京営業部. */
  name: string;
  /** Half-width Zengin form (ﾐｽﾞﾎ), as in the 被仕向銀行名/支店名 fields; '' if unknown. */
  kana: string;
}

export interface OwnBankBranches {
  /** config.ownBankCode. */
  ownBankCode: string;
  /** The back office's branches (store.branches); without kana, zengin-code's if its name agrees. */
  ownBranches: readonly { code: string; name: string; kana?: string }[];
}

interface ZenginEntry {
  code: string;
  name: string;
  kana: string;
}
interface ZenginBank extends ZenginEntry {
  branches: Record<string, ZenginEntry>;
}

let data: Record<string, ZenginBank> | undefined;

function directory(): Record<string, ZenginBank> {
  // A CommonJS module of plain object literals; require keeps the first lookup synchronous.
  data ??= createRequire(import.meta.url)('zengin-code') as Record<string, ZenginBank>;
  return data;
}

/** zengin-code stores kana full-width (ミツビシユ－エフジエイ); Zengin fields want half-width. */
function zenginKana(fullWidth: string): string {
  let out = '';
  for (const ch of fullWidth) out += toZenginForm(ch);
  return out.replace(/ {2,}/g, ' ').trim();
}

function assertBankCode(code: unknown): asserts code is string {
  if (typeof code !== 'string' || !/^\d{4}$/.test(code)) {
    throw new KinkoError('payee.bank_code_invalid', 'A bank code is 4 digits (e.g. 0001).');
  }
}

function assertBranchCode(code: unknown): asserts code is string {
  if (typeof code !== 'string' || !/^\d{3}$/.test(code)) {
    throw new KinkoError('payee.branch_code_invalid', 'A branch code is 3 digits (e.g. 001).');
  }
}

/** M8: the bank with 4-digit `code`, or 'payee.bank_code_invalid' / 'payee.bank_not_found'. */
export function lookupBank(code: unknown): DirectoryEntry {
  assertBankCode(code);
  const bank = directory()[code];
  if (!bank)
    throw new KinkoError('payee.bank_not_found', `No bank has the code ${code}.`, { bankCode: code });
  return { code: bank.code, name: bank.name, kana: zenginKana(bank.kana) };
}

/**
 * M8: the branch `branchCode` of bank `bankCode`, or 'payee.bank_code_invalid' /
 * 'payee.branch_code_invalid' / 'payee.bank_not_found' / 'payee.branch_not_found'. With
 * `own`, a branch of this bank is looked up in the back office's list instead, so a branch
 * the bank has opened or closed counts before the public data catches up.
 */
export function lookupBranch(bankCode: unknown, branchCode: unknown, own?: OwnBankBranches): DirectoryEntry {
  assertBankCode(bankCode);
  assertBranchCode(branchCode);
  const bank = directory()[bankCode];
  const listed = bank?.branches[branchCode];
  if (own && bankCode === own.ownBankCode) {
    const b = own.ownBranches.find((x) => x.code === branchCode);
    if (!b) throw branchNotFound(bankCode, branchCode);
    // The public kana only describes the same branch if the public data names it the same way.
    const publicKana = listed && listed.name === b.name ? zenginKana(listed.kana) : '';
    return { code: b.code, name: b.name, kana: b.kana ?? publicKana };
  }
  if (!bank) throw new KinkoError('payee.bank_not_found', `No bank has the code ${bankCode}.`, { bankCode });
  if (!listed) throw branchNotFound(bankCode, branchCode);
  return { code: listed.code, name: listed.name, kana: zenginKana(listed.kana) };
}

function branchNotFound(bankCode: string, branchCode: string): KinkoError {
  return new KinkoError('payee.branch_not_found', `Bank ${bankCode} has no branch ${branchCode}.`, {
    bankCode,
    branchCode,
  });
}
