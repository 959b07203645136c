/**
 * The bank and branch directory (M8: payee bank and branch codes are validated against the
 * Zengin code list). The data is the npm `zengin-code` package (DOMAIN §3): 1,146 banks and
 * 28,944 branches in one 5 MB module, so it is loaded once, on the first lookup, not at
 * import. It is convenience data, not the 全銀協 master; for this bank's own branches the
 * back office's branch list is the authority and is passed in.
 */
import { createRequire } from 'node:module';
import { KinkoError } from '../errors.ts';
import { isZenginChar, LARGE_KANA_OF, toZenginForm } from './chars.ts';

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

/** The directory as loaded: every kana already in 店舗名 characters (directoryKana). */
let data: Record<string, ZenginBank> | undefined;

function directory(): Record<string, ZenginBank> {
  // A CommonJS module of plain object literals; require keeps the first lookup synchronous.
  data ??= mapDirectory(createRequire(import.meta.url)('zengin-code') as Record<string, ZenginBank>);
  return data;
}

/**
 * Loads the directory now (`kinko serve` calls it before it listens), so that the first transfer
 * after a start does not wait for the 5 MB module and the mapping of its 30,000 names.
 */
export function loadBankDirectory(): void {
  directory();
}

/** The names are mapped once, here, so every lookup, search and export sees the same kana. */
function mapDirectory(raw: Record<string, ZenginBank>): Record<string, ZenginBank> {
  const out: Record<string, ZenginBank> = {};
  for (const [code, bank] of Object.entries(raw)) {
    const branches: Record<string, ZenginEntry> = {};
    for (const [branchCode, b] of Object.entries(bank.branches)) {
      branches[branchCode] = { code: b.code, name: b.name, kana: directoryKana(b.kana) };
    }
    out[code] = { code: bank.code, name: bank.name, kana: directoryKana(bank.kana), branches };
  }
  return out;
}

/** The Zengin form of each character of the data (a few hundred distinct ones), computed once. */
const formOf = new Map<string, string>();

/**
 * A name of the directory in 店舗名 characters (DOMAIN §2.3: half-width kana without small kana
 * or ｦ, ﾞ ﾟ, A–Z, 0–9, space and '-'), the class of the 被仕向銀行名 and 被仕向支店名 fields.
 * zengin-code stores kana full-width (ミツビシユ－エフジエイ, DOMAIN §3): it becomes half-width
 * as typed names do (toZenginForm: ー and － are '-'), and then:
 * - '.' becomes a space. It is in 13 banks' names (0421 クレデイ．アグリコル, 0456, 0627 …),
 *   all spelt from a foreign language, where it separates words (Crédit Agricole): a space
 *   keeps them apart as the name is read, where dropping it would run them together
 *   (ｸﾚﾃﾞｲｱｸﾞﾘｺﾙ); a space is what DOMAIN §2.3 records a bank asking for instead of '.'; and the
 *   name keeps its length, so it still fits C(15). The middle dots ・ ･ (in no name so far)
 *   separate words the same way.
 * - A name with any other character outside the class (none in the data) is unknown (''): the
 *   name fields are optional, the codes route the money, and a name is never written half
 *   mapped. bank-directory.test.ts checks every name of the data against the class, so an
 *   update of zengin-code that brings a new character fails there, never in an export.
 */
export function directoryKana(fullWidth: string): string {
  let out = '';
  for (const ch of fullWidth) {
    let form = formOf.get(ch);
    if (form === undefined) {
      form = WORD_SEPARATORS.has(ch) ? ' ' : toZenginForm(ch);
      if (WORD_SEPARATORS.has(form)) form = ' ';
      formOf.set(ch, form);
    }
    out += form;
  }
  const name = out.replace(/ {2,}/g, ' ').trim();
  return [...name].every((c) => isZenginChar(c, 'branchName')) ? name : '';
}

const WORD_SEPARATORS = new Set(['.', '．', '・', '･']);

/** Issue 9.7: a refused code says what was given (its length), so the screen can name it. */
function typed(code: unknown): { length: number } | undefined {
  return typeof code === 'string' ? { length: [...code].length } : undefined;
}

function given(code: unknown): string {
  return typeof code === 'string' ? `; ${[...code].length} characters were given` : '';
}

function assertBankCode(code: unknown): asserts code is string {
  if (typeof code !== 'string' || !/^\d{4}$/.test(code)) {
    throw new KinkoError(
      'payee.bank_code_invalid',
      `A bank code is 4 digits (e.g. 0001)${given(code)}.`,
      typed(code),
    );
  }
}

function assertBranchCode(code: unknown): asserts code is string {
  if (typeof code !== 'string' || !/^\d{3}$/.test(code)) {
    throw new KinkoError(
      'payee.branch_code_invalid',
      `A branch code is 3 digits (e.g. 001)${given(code)}.`,
      typed(code),
    );
  }
}

/** M8: the bank with 4-digit `code`, or 'payee.bank_code_invalid' / 'payee.bank_not_found'. */
export function lookupBank(code: unknown): DirectoryEntry {
  assertBankCode(code);
  const bank = directory()[code];
  if (!bank)
    throw new KinkoError('payee.bank_not_found', `No bank has the code ${code}.`, { bankCode: code });
  return { code: bank.code, name: bank.name, kana: bank.kana };
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
    const publicKana = listed && listed.name === b.name ? listed.kana : '';
    return { code: b.code, name: b.name, kana: b.kana ?? publicKana };
  }
  if (!bank) throw new KinkoError('payee.bank_not_found', `No bank has the code ${bankCode}.`, { bankCode });
  if (!listed) throw branchNotFound(bankCode, branchCode);
  return { code: listed.code, name: listed.name, kana: listed.kana };
}

function branchNotFound(bankCode: string, branchCode: string): KinkoError {
  return new KinkoError('payee.branch_not_found', `Bank ${bankCode} has no branch ${branchCode}.`, {
    bankCode,
    branchCode,
  });
}

/** At most this many entries answer one search (the screen shows a short pick list). */
const DIRECTORY_SEARCH_LIMIT = 20;

/**
 * What a person types, in one form for comparing: NFKC (half-width kana to full-width, full-width
 * digits to ASCII), hiragana to katakana, small kana large as the Zengin kana writes them
 * (とうきょう matches トウキヨウ, 霞ヶ関 matches 霞ケ関), no spaces, upper case.
 */
function searchForm(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60))
    .replace(/[\u30A1-\u30FA]/g, (ch) => LARGE_KANA_OF[ch] ?? ch)
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

/**
 * Entries whose code starts with `query` (digits) or whose name or kana contains it; those whose
 * name or kana starts with it first, then by code. An empty query lists the first by code.
 */
function search(entries: readonly ZenginEntry[], query: string, limit: number): ZenginEntry[] {
  const q = searchForm(query);
  if (q === '') return entries.slice(0, limit);
  if (/^\d+$/.test(q)) return entries.filter((e) => e.code.startsWith(q)).slice(0, limit);
  const scored: { e: ZenginEntry; rank: number }[] = [];
  for (const e of entries) {
    const forms = [searchForm(e.name), searchForm(e.kana)];
    if (forms.some((f) => f.startsWith(q))) scored.push({ e, rank: 0 });
    else if (forms.some((f) => f.includes(q))) scored.push({ e, rank: 1 });
  }
  return scored
    .sort((x, y) => x.rank - y.rank || x.e.code.localeCompare(y.e.code))
    .slice(0, limit)
    .map((x) => x.e);
}

const byCode = (x: ZenginEntry, y: ZenginEntry) => x.code.localeCompare(y.code);
let banksByCode: ZenginEntry[] | undefined;

/**
 * M8, the payee entry's name hint: banks by code prefix ("00" → 0001, 0005 …) or by name or kana
 * (みずほ, ミズホ, ﾐｽﾞﾎ), at most `limit`. An unknown code is an empty list, not an error.
 */
export function searchBanks(query: string, limit = DIRECTORY_SEARCH_LIMIT): DirectoryEntry[] {
  banksByCode ??= Object.values(directory()).sort(byCode);
  return search(banksByCode, query, limit).map((b) => ({ code: b.code, name: b.name, kana: b.kana }));
}

/**
 * M8: the branches of bank `bankCode` by code prefix or name or kana, at most `limit`; an unknown
 * bank is 'payee.bank_code_invalid' / 'payee.bank_not_found' as in lookupBranch. With `own`,
 * this bank's branches are the back office's list (as lookupBranch answers at entry).
 */
export function searchBranches(
  bankCode: unknown,
  query: string,
  own?: OwnBankBranches,
  limit = DIRECTORY_SEARCH_LIMIT,
): DirectoryEntry[] {
  const bank = lookupBank(bankCode);
  const publicBranches = directory()[bank.code]?.branches ?? {};
  if (own && bank.code === own.ownBankCode) {
    const branches = own.ownBranches.map((b) => {
      const listed = publicBranches[b.code];
      const publicKana = listed && listed.name === b.name ? listed.kana : '';
      return { code: b.code, name: b.name, kana: b.kana ?? publicKana };
    });
    // The kana here is already half-width; searchForm compares it the same way.
    return search([...branches].sort(byCode), query, limit);
  }
  return search(Object.values(publicBranches).sort(byCode), query, limit).map((b) => ({
    code: b.code,
    name: b.name,
    kana: b.kana,
  }));
}
