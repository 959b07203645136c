/**
 * What people do around a 振込・振替, shared by the browser tests (transfers.test.ts,
 * payees.test.ts, approvals.test.ts, token-path.test.ts), each on a page that browserSuite
 * (browser.ts) opens: log in, register a token or issue a ア～ク card as administrator, register a
 * 事前登録 payee in the back office, enter a 振替 between the contract's own accounts and answer the confirmation panel.
 */
import { demoBank, isBusinessDay, jstDate, nextBusinessDay } from '@kinko/core';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The positions of a 利用者ワンタイムパスワード card, in the order the card lists them. */
export const cardPositions = ['ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク'];

/**
 * Whether the server will take today as a value date (M6 with the sameDayCutoff 23:59 these
 * tests run with): today (JST) is a business day and it is not yet 23:59.
 */
export function sameDayOpenNow(): boolean {
  const now = Date.now();
  const jst = new Date(now + 9 * 3_600_000);
  const minutes = jst.getUTCHours() * 60 + jst.getUTCMinutes();
  return isBusinessDay(jstDate(now)) && minutes < 23 * 60 + 59;
}

/** 「¥1,234」 as shown on the screen → 1234. */
const parseYenText = (s: string | null) => Number((s ?? '').replace(/[¥,]/g, ''));

/** Logs in to the customer site as one of the demo contract's users. */
/** From the top page to 残高照会: each account's balance by its test id (the page stays there). */
export async function readBalances(page: Page): Promise<Map<string, number>> {
  await page.getByTestId('menu-balance').click();
  await page.getByTestId('accounts-table').waitFor();
  const out = new Map<string, number>();
  const cells = page.locator('[data-testid^="account-balance-"]');
  for (let i = 0; i < (await cells.count()); i++) {
    const cell = cells.nth(i);
    const key = ((await cell.getAttribute('data-testid')) ?? '').replace('account-balance-', '');
    out.set(key, parseYenText(await cell.textContent()));
  }
  return out;
}

export async function login(page: Page, who: { loginId: string; password: string }): Promise<void> {
  await page.getByTestId('login-contract').fill(demoBank.contract.contractNumber);
  await page.getByTestId('login-user').fill(who.loginId);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await expect.poll(() => page.getByTestId('logout').isVisible()).toBe(true);
}

/** The administrator, from the top page, opens 利用者情報登録／変更. */
export async function openUsers(admin: Page): Promise<void> {
  await admin.getByTestId('admin-menu').click();
  await admin.getByTestId('menu-users').click();
  await admin.getByTestId('users-table').waitFor();
}

/**
 * R1 R2: activates the token app on `tokenApp` (a fresh page at /token) and has the administrator
 * log in on `admin` (a fresh page at /) and register the token for `loginId` with its serial, its
 * current code and the contract PIN. Returns the code the registration spent: every OTP is
 * accepted once only (T2), so the next proof waits for another.
 */
export async function registerToken(tokenApp: Page, admin: Page, loginId: string): Promise<string> {
  await tokenApp.getByTestId('activate').click();
  await tokenApp.getByTestId('otp').waitFor();
  const serial = (await tokenApp.getByTestId('serial').textContent()) ?? '';
  expect(serial).toMatch(/^SKTS[0-9A-Z]{8}$/);

  await login(admin, demoBank.admin);
  await openUsers(admin);
  await admin.getByTestId('register-open').click();
  await admin.getByTestId(`register-user-${loginId}`).check();
  await admin.getByTestId('register-serial').fill(serial);
  const otp = (await tokenApp.getByTestId('otp').textContent()) ?? '';
  await admin.getByTestId('register-otp').fill(otp);
  await admin.getByTestId('register-pin').fill(demoBank.contractPin);
  await admin.getByTestId('register-submit').click();
  await admin.getByTestId('notice').waitFor();
  await expect.poll(() => admin.getByTestId(`user-serial-${loginId}`).textContent()).toBe(serial);
  return otp;
}

/** The bank's operator logs in to the back office (a page at /bank). */
export async function bankLogin(bank: Page): Promise<void> {
  await bank.getByTestId('bank-login-id').fill(demoBank.operator.loginId);
  await bank.getByTestId('bank-login-password').fill(demoBank.operator.password);
  await bank.getByTestId('bank-login-submit').click();
}

/** A payee of the customer's written form (事前登録, B1 M8), as the operator types it. */
export interface WrittenPayee {
  bankCode: string;
  branchCode: string;
  accountType: 'ordinary' | 'current' | 'savings';
  accountNumber: string;
  name: string;
  nickname?: string;
}

/**
 * The operator logs in to the back office, opens the demo contract's 事前登録振込先 (none yet)
 * and fills its form, with the same account fields as the customer's, with `payee`;
 * submitWrittenPayee sends it.
 */
export async function fillWrittenPayee(bank: Page, payee: WrittenPayee): Promise<void> {
  const contractNumber = demoBank.contract.contractNumber;
  await bankLogin(bank);
  await bank.getByTestId(`contract-open-${contractNumber}`).click();
  await bank.getByTestId('contract-facts').waitFor();
  await bank.getByTestId('contract-payees').click();
  await expect.poll(() => bank.getByTestId('payees-contract').inputValue()).toBe(contractNumber);
  await bank.getByTestId('payees-empty').waitFor();
  await bank.getByTestId('payee-bank').fill(payee.bankCode);
  await bank.getByTestId('payee-branch').fill(payee.branchCode);
  await bank.getByTestId('payee-type').selectOption(payee.accountType);
  await bank.getByTestId('payee-number').fill(payee.accountNumber);
  await bank.getByTestId('payee-name').fill(payee.name);
  if (payee.nickname !== undefined) await bank.getByTestId('payee-nickname').fill(payee.nickname);
}

/** 登録 of the filled 事前登録 form; returns the 受取人番号 the bank gave the payee. */
export async function submitWrittenPayee(bank: Page): Promise<string> {
  await bank.getByTestId('payee-submit').click();
  await bank.getByTestId('payee-result').waitFor();
  return (await bank.getByTestId('registered-payee-number').textContent()) ?? '';
}

/**
 * The administrator, on 利用者情報登録／変更, issues a user's ア～ク card and reads it off the
 * screen; the card stays shown.
 */
export async function issueCard(admin: Page, loginId: string): Promise<Record<string, string>> {
  await admin.getByTestId(`card-${loginId}`).click();
  await admin.getByTestId('card-pin').fill(demoBank.contractPin);
  await admin.getByTestId('card-submit').click();
  await admin.getByTestId('card-table').waitFor();
  const card: Record<string, string> = {};
  for (const p of cardPositions) card[p] = (await admin.getByTestId(`card-${p}`).textContent()) ?? '';
  return card;
}

/** From the top page to 振込・振替（入力）. */
export async function openTransferForm(page: Page): Promise<void> {
  await page.getByTestId('menu-transfer').click();
  await page.getByTestId('transfer-form').waitFor();
}

/**
 * 振替: enters `amount` yen to the first of the contract's own accounts, dated today, and
 * reaches the confirmation panel. When today is not open (see sameDayOpenNow) the screen offers
 * the next business day and it is taken. Returns the panel and whether today was open.
 */
export async function enterOwnAccountTransfer(
  page: Page,
  amount: string,
): Promise<{ panel: Locator; sameDay: boolean }> {
  await openTransferForm(page);
  await page.getByTestId('payee-tab-own').click();
  await page.locator('[data-testid^="payee-own-"]').first().check();
  await page.getByTestId('transfer-amount').fill(amount);
  const today = jstDate(Date.now());
  await page.getByTestId('transfer-date').fill(today);
  const sameDay = sameDayOpenNow();
  await page.getByTestId('transfer-submit').click();
  if (!sameDay) {
    const next = page.getByTestId('transfer-next-date');
    await next.waitFor();
    expect(await next.getAttribute('data-date')).toBe(nextBusinessDay(today));
    await next.click();
  }
  const panel = page.getByTestId('confirm-panel');
  await panel.waitFor();
  return { panel, sameDay };
}

/**
 * R4 without a token: fills 利用者確認暗証番号 and the card's digits at the position the
 * confirmation panel asks. Returns that position.
 */
export async function fillPinAndCard(
  panel: Locator,
  confirmPin: string,
  card: Record<string, string>,
): Promise<string> {
  const position = (await panel.getByTestId('confirm-position').textContent()) ?? '';
  await panel.getByTestId('confirm-pin').fill(confirmPin);
  await panel.getByTestId('confirm-card').fill(card[position] ?? '');
  return position;
}

/** 確定 on the confirmation panel, then the 振込・振替（完了） screen. */
export async function submitConfirmation(page: Page): Promise<void> {
  await page.getByTestId('confirm-panel').getByTestId('confirm-submit').click();
  await page.getByTestId('transfer-done').waitFor();
}
