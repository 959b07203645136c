/**
 * Issue 9.1 and 9.7 in chromium: what a Japanese customer really types. Every code field reads
 * what a Japanese IME in 全角 commits (driven through Chromium's own IME path, CDP
 * Input.imeSetComposition and Input.insertText, so compositionstart … compositionend fire as
 * with a real IME), and a refused field says what was wrong and what is accepted. Screenshots
 * land in test-results/screenshots (9.1-…, 9.7-…).
 */
import { demoBank, jstDate, nextBusinessDay } from '@kinko/core';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserSuite, nextOtp, shot } from './browser.ts';
import {
  bankLogin,
  issueCard,
  openTransferForm,
  openUsers,
  sameDayOpenNow,
  submitWrittenPayee,
} from './transfer-steps.ts';

const [user1, user2] = demoBank.users as [(typeof demoBank.users)[0], (typeof demoBank.users)[1]];

/** What a 全角 IME gives for ASCII digits and capitals: ０-９, Ａ-Ｚ. */
const fullWidth = (s: string) => s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/**
 * Types `text` into the field `testId` as an IME does: the composition grows one character at a
 * time, then is committed (compositionend). Returns what the field showed mid-composition.
 */
async function imeType(page: Page, testId: string, text: string): Promise<string> {
  const field = page.getByTestId(testId);
  await field.fill('');
  await field.focus();
  const cdp = await page.context().newCDPSession(page);
  const chars = [...text];
  for (let i = 1; i <= chars.length; i++) {
    const partial = chars.slice(0, i).join('');
    await cdp.send('Input.imeSetComposition', {
      text: partial,
      selectionStart: partial.length,
      selectionEnd: partial.length,
    });
  }
  const mid = await field.inputValue();
  await cdp.send('Input.insertText', { text });
  await cdp.detach();
  return mid;
}

/** Logs in typing ご契約先ID in 全角 with the IME; the field shows it half-width. */
async function loginFullWidth(page: Page, who: { loginId: string; password: string }): Promise<void> {
  const contract = demoBank.contract.contractNumber;
  const mid = await imeType(page, 'login-contract', fullWidth(contract));
  expect(mid).toBe(fullWidth(contract)); // not folded mid-composition
  expect(await page.getByTestId('login-contract').inputValue()).toBe(contract);
  await page.getByTestId('login-user').fill(who.loginId);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await expect.poll(() => page.getByTestId('logout').isVisible()).toBe(true);
}

describe('9.1 9.7 input as Japanese users type it (sqlite)', () => {
  const { open } = browserSuite({ config: { sameDayCutoff: '23:59' }, timeout: 120_000 });
  let token: Page | undefined;
  let lastOtp = '';

  test('9.1 R2: ご契約先ID, a serial (ＳＫＴＳ…), OTP and ご契約先確認暗証番号 typed in 全角 register the token; each field shows half-width', async () => {
    const { page: tokenApp } = await open('/token', { mobile: true });
    await tokenApp.getByTestId('activate').click();
    await tokenApp.getByTestId('otp').waitFor();
    const serial = (await tokenApp.getByTestId('serial').textContent()) ?? '';
    expect(serial).toMatch(/^SKTS[0-9A-Z]{8}$/);

    const { page: admin, errors } = await open('/');
    await loginFullWidth(admin, demoBank.admin);
    await openUsers(admin);
    await admin.getByTestId('register-open').click();
    await admin.getByTestId(`register-user-${user1.loginId}`).check();
    // The serial as a person copies it off a phone with the IME on: full width, a pasted dash.
    await imeType(
      admin,
      'register-serial',
      `${fullWidth(serial.slice(0, 4))}ー${fullWidth(serial.slice(4))}`,
    );
    expect(await admin.getByTestId('register-serial').inputValue()).toBe(serial);
    const otp = (await tokenApp.getByTestId('otp').textContent()) ?? '';
    await imeType(admin, 'register-otp', fullWidth(otp));
    expect(await admin.getByTestId('register-otp').inputValue()).toBe(otp);
    await imeType(admin, 'register-pin', fullWidth(demoBank.contractPin));
    expect(await admin.getByTestId('register-pin').inputValue()).toBe(demoBank.contractPin);
    await shot(admin, '9.1-register-full-width');
    await admin.getByTestId('register-submit').click();
    await admin.getByTestId('notice').waitFor();
    await expect.poll(() => admin.getByTestId(`user-serial-${user1.loginId}`).textContent()).toBe(serial);
    await shot(admin, '9.1-registered');
    expect(errors).toEqual([]);
    token = tokenApp;
    lastOtp = otp;
  }, 120_000);

  test('9.1 M8: 金融機関コード ０００１, 支店コード ００１, 口座番号 １２３４５６７, the amount and the OTP typed in 全角 make a transfer', async () => {
    if (!token) throw new Error('the registration test did not run');
    const { page: site, errors } = await open('/');
    await loginFullWidth(site, user1);
    await openTransferForm(site);
    await site.getByTestId('payee-tab-typed').click();
    await imeType(site, 'typed-bank', '０００１');
    await imeType(site, 'typed-branch', '００１');
    await site.getByTestId('typed-type').selectOption('ordinary');
    // A number pasted with a dash between its groups, as printed on a bill.
    await imeType(site, 'typed-number', '１２３－４５６７');
    await site.getByTestId('typed-name').fill('タナカ　タロウ');
    await imeType(site, 'transfer-amount', '５，０００');
    expect(await site.getByTestId('typed-bank').inputValue()).toBe('0001');
    expect(await site.getByTestId('typed-branch').inputValue()).toBe('001');
    expect(await site.getByTestId('typed-number').inputValue()).toBe('1234567');
    expect(await site.getByTestId('transfer-amount').inputValue()).toBe('5,000');
    await expect.poll(() => site.getByTestId('typed-bank-name').getAttribute('data-found')).toBe('true');
    // A first-time payee on ID・パスワード方式 is scheduled (M4): the next business day.
    await site.getByTestId('transfer-date').fill(nextBusinessDay(jstDate(Date.now())));
    await shot(site, '9.1-transfer-entry-full-width');
    await site.getByTestId('transfer-submit').click();

    const panel = site.getByTestId('confirm-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('confirm-amount').textContent()).toBe('¥5,000');
    expect(await panel.getByTestId('confirm-bank').textContent()).toContain('みずほ');
    lastOtp = await nextOtp(token, lastOtp);
    await imeType(site, 'confirm-otp', fullWidth(lastOtp));
    expect(await panel.getByTestId('confirm-otp').inputValue()).toBe(lastOtp);
    await shot(site, '9.1-confirm-otp-full-width');
    await panel.getByTestId('confirm-submit').click();
    await site.getByTestId('transfer-done').waitFor();
    expect(await site.getByTestId('receipt-number').textContent()).toMatch(/\S+/);
    await shot(site, '9.1-transfer-done');
    expect(errors).toEqual([]);
  }, 120_000);

  test('9.1 R4: 利用者確認暗証番号 and the card value typed in 全角 confirm a 振替', async () => {
    const { page: admin } = await open('/');
    await loginFullWidth(admin, demoBank.admin);
    await openUsers(admin);
    const card = await issueCard(admin, user2.loginId);

    const { page: site, errors } = await open('/');
    await loginFullWidth(site, user2);
    await openTransferForm(site);
    await site.getByTestId('payee-tab-own').click();
    await site.locator('[data-testid^="payee-own-"]').first().check();
    await imeType(site, 'transfer-amount', '１０００円');
    const today = jstDate(Date.now());
    await site.getByTestId('transfer-date').fill(today);
    await site.getByTestId('transfer-submit').click();
    if (!sameDayOpenNow()) {
      const next = site.getByTestId('transfer-next-date');
      await next.waitFor();
      await next.click();
    }
    const panel = site.getByTestId('confirm-panel');
    await site.locator('[data-testid="confirm-panel"], [data-testid="error"]').first().waitFor();
    expect(await site.getByTestId('error').allTextContents()).toEqual([]);
    expect(await panel.getByTestId('confirm-amount').textContent()).toBe('¥1,000');
    const position = (await panel.getByTestId('confirm-position').textContent()) ?? '';
    await imeType(site, 'confirm-pin', fullWidth(user2.confirmPin));
    await imeType(site, 'confirm-card', fullWidth(card[position] ?? ''));
    expect(await panel.getByTestId('confirm-pin').inputValue()).toBe(user2.confirmPin);
    expect(await panel.getByTestId('confirm-card').inputValue()).toBe(card[position]);
    await shot(site, '9.1-confirm-pin-card-full-width');
    await panel.getByTestId('confirm-submit').click();
    await site.getByTestId('transfer-done').waitFor();
    await shot(site, '9.1-pin-card-done');
    expect(errors).toEqual([]);
  }, 120_000);

  test('9.1 B1: the back office reads 全角 too: 契約番号 and a written payee typed with the IME', async () => {
    const contractNumber = demoBank.contract.contractNumber;
    const { page: bank, errors } = await open('/bank');
    await bankLogin(bank);
    await bank.getByTestId(`contract-open-${contractNumber}`).click();
    await bank.getByTestId('contract-facts').waitFor();
    await bank.getByTestId('contract-payees').click();
    await imeType(bank, 'payees-contract', fullWidth(contractNumber));
    expect(await bank.getByTestId('payees-contract').inputValue()).toBe(contractNumber);
    await bank.getByTestId('payees-load').click();
    await bank.getByTestId('payees-empty').waitFor();
    await imeType(bank, 'payee-bank', '０００５');
    await imeType(bank, 'payee-branch', '００１');
    await bank.getByTestId('payee-type').selectOption('ordinary');
    await imeType(bank, 'payee-number', '７６５　４３２１');
    await bank.getByTestId('payee-name').fill('トリヒキサキ');
    expect(await bank.getByTestId('payee-bank').inputValue()).toBe('0005');
    expect(await bank.getByTestId('payee-branch').inputValue()).toBe('001');
    expect(await bank.getByTestId('payee-number').inputValue()).toBe('7654321');
    await shot(bank, '9.1-bank-written-payee-full-width');
    expect(await submitWrittenPayee(bank)).not.toBe('');
    expect(await bank.getByTestId('registered-payee-name').textContent()).toBe('ﾄﾘﾋｷｻｷ');
    expect(errors).toEqual([]);
  }, 120_000);

  test('9.7 the amount error names what was typed and says that full-width digits and commas are accepted', async () => {
    const { page: site, errors } = await open('/');
    await loginFullWidth(site, user2);
    await openTransferForm(site);
    await site.getByTestId('payee-tab-own').click();
    await site.locator('[data-testid^="payee-own-"]').first().check();
    await site.getByTestId('transfer-amount').fill('1.5');
    await site.getByTestId('transfer-submit').click();
    const error = site.getByTestId('transfer-form').getByTestId('error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('amount.invalid');
    const ja = (await error.textContent()) ?? '';
    expect(ja).toContain('「1.5」');
    expect(ja).toContain('全角数字・カンマ');
    expect(ja).not.toContain('半角数字、カンマなし');
    await shot(site, '9.7-amount-error-ja');
    await site.getByTestId('lang-toggle').click();
    await expect.poll(() => error.textContent()).toContain('“1.5”');
    expect(await error.textContent()).toContain('full-width digits, commas');
    await shot(site, '9.7-amount-error-en');
    await site.getByTestId('lang-toggle').click();
    expect(errors).toEqual([]);
  }, 120_000);

  test('9.7 M8: a kanji payee name is refused naming the character and saying that カナ is accepted', async () => {
    const { page: site, errors } = await open('/');
    await loginFullWidth(site, user2);
    await openTransferForm(site);
    await site.getByTestId('payee-tab-typed').click();
    await site.getByTestId('typed-bank').fill('0001');
    await site.getByTestId('typed-branch').fill('001');
    await site.getByTestId('typed-type').selectOption('ordinary');
    await site.getByTestId('typed-number').fill('7654321');
    await site.getByTestId('typed-name').fill('タナカ　太郎');
    await site.getByTestId('transfer-amount').fill('5000');
    await site.getByTestId('transfer-date').fill(nextBusinessDay(jstDate(Date.now())));
    await site.getByTestId('transfer-submit').click();
    const error = site.getByTestId('transfer-form').getByTestId('error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('payee.name_invalid');
    const ja = (await error.textContent()) ?? '';
    expect(ja).toContain('5文字目「太」は使用できません');
    expect(ja).toContain('カナ');
    expect(ja).toContain('漢字');
    await shot(site, '9.7-payee-name-kanji-ja');
    await site.getByTestId('lang-toggle').click();
    await expect.poll(() => error.textContent()).toContain('Character 5 of the payee name, “太”');
    expect(await error.textContent()).toContain('kana');
    await shot(site, '9.7-payee-name-kanji-en');
    await site.getByTestId('lang-toggle').click();
    expect(errors).toEqual([]);
  }, 120_000);
});
