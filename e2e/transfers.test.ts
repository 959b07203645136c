/**
 * 資金移動 end to end in chromium (M2–M6, M5b, M8): the operator registers a written payee
 * (事前登録) in the back office; user1, whose token the administrator registered, transfers to
 * it the same day with the OTP; a same-day transfer to a first-time payee typed on the screen is
 * refused on ID・パスワード方式 (the demo contract) and the scheduled date offered is taken; the
 * scheduled transfer is cancelled from 振込予約照会・取消 with the OTP. Screenshots land in
 * test-results/screenshots (transfers-…).
 *
 * The clock is real. The server runs with sameDayCutoff 23:59 so that "today" is a possible
 * value date whenever today (JST) is a business day; when it is not (a weekend, a holiday,
 * 12/31–1/3) the tests assert the refusal and the offered next business day instead. Both
 * branches assert behaviour; nothing is skipped.
 */
import { demoBank, jstDate, nextBusinessDay } from '@kinko/core';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserSuite, nextOtp, shot } from './browser.ts';
import {
  enterOwnAccountTransfer,
  fillPinAndCard,
  fillWrittenPayee,
  issueCard,
  login,
  openTransferForm,
  openUsers,
  readBalances,
  registerToken,
  sameDayOpenNow,
  submitConfirmation,
  submitWrittenPayee,
} from './transfer-steps.ts';

const user1 = demoBank.users[0];

const yen = (n: number) => `¥${n.toLocaleString('en-US')}`;
const slashed = (day: string) => day.replaceAll('-', '/');

describe('transfers in the browser (sqlite)', () => {
  const { open } = browserSuite({ config: { sameDayCutoff: '23:59' }, timeout: 120_000 });
  let token: Page | null = null;
  let lastOtp = '';
  /** The receipt of the scheduled transfer made in the M4 test, cancelled in the M5b test. */
  let scheduledReceipt = '';

  /** R1 R2: a token activated in the token app, registered by the administrator for user1 (once). */
  async function ensureToken(): Promise<void> {
    if (token) return;
    const { page: tokenApp } = await open('/token', { mobile: true });
    const { page: admin } = await open('/');
    lastOtp = await registerToken(tokenApp, admin, user1.loginId);
    token = tokenApp;
  }

  /** The next code of the token: every OTP is accepted once only (T2), so each proof waits for a fresh one. */
  async function freshOtp(): Promise<string> {
    if (!token) throw new Error('no token');
    lastOtp = await nextOtp(token, lastOtp);
    return lastOtp;
  }

  async function balances(page: Page): Promise<Map<string, number>> {
    const out = await readBalances(page);
    await page.getByTestId('back-home').click();
    await page.getByTestId('transfer-menu').waitFor();
    return out;
  }

  async function confirmWithOtp(page: Page): Promise<void> {
    const panel = page.getByTestId('confirm-panel');
    await panel.waitFor();
    await panel.getByTestId('confirm-otp').fill(await freshOtp());
    await submitConfirmation(page);
  }

  test('M2 M3: a same-day transfer authorised with the OTP', async () => {
    await ensureToken();

    // The operator registers the customer's written payee (事前登録, M8/B1).
    const { page: bank, errors: bankErrors } = await open('/bank');
    await fillWrittenPayee(bank, {
      bankCode: '0005',
      branchCode: '001',
      accountType: 'ordinary',
      accountNumber: '1234567',
      name: 'トリヒキサキ　ショウジ',
      nickname: '仕入先',
    });
    await shot(bank, 'transfers-01-bank-written-payee');
    const payeeNumber = await submitWrittenPayee(bank);
    expect(payeeNumber).not.toBe('');
    expect(await bank.getByTestId('registered-payee-name').textContent()).toBe('ﾄﾘﾋｷｻｷ ｼﾖｳｼﾞ');
    const row = bank.getByTestId(`payee-row-${payeeNumber}`);
    expect(await row.textContent()).toContain('1234567');
    await shot(bank, 'transfers-02-bank-payee-registered');
    expect(bankErrors).toEqual([]);

    // user1 transfers ¥10,000 to it, dated today, authorised with the next OTP.
    const { page: site, errors: siteErrors } = await open('/');
    await login(site, user1);
    await site.getByTestId('transfer-menu').waitFor();
    const before = await balances(site);
    await shot(site, 'transfers-03-home-menu');
    await openTransferForm(site);
    const fromText = (await site.getByTestId('transfer-from').locator('option:checked').textContent()) ?? '';
    const fromKey = [...before.keys()].find((k) => fromText.includes(k.split('-')[1] ?? '?'));
    expect(fromKey).toBeDefined();
    await site.getByTestId('payee-tab-registered').click();
    await site.getByTestId(`payee-option-${payeeNumber}`).check();
    await site.getByTestId('transfer-amount').fill('10000');
    const today = jstDate(Date.now());
    expect(await site.getByTestId('transfer-date').inputValue()).toBe(today);
    await shot(site, 'transfers-04-entry-registered');
    const open_ = sameDayOpenNow();
    await site.getByTestId('transfer-submit').click();

    if (open_) {
      // Today is a business day before the cut-off: same-day, fee ¥275 (他行, below ¥30,000; M7).
      const panel = site.getByTestId('confirm-panel');
      await panel.waitFor();
      expect(await panel.getByTestId('confirm-date').getAttribute('data-same-day')).toBe('true');
      expect(await panel.getByTestId('confirm-date').textContent()).toContain(slashed(today));
      expect(await panel.getByTestId('confirm-bank').textContent()).toContain('三菱ＵＦＪ');
      expect(await panel.getByTestId('confirm-branch').textContent()).toContain('本店');
      expect(await panel.getByTestId('confirm-payee-name').textContent()).toBe('ﾄﾘﾋｷｻｷ ｼﾖｳｼﾞ');
      expect(await panel.getByTestId('confirm-amount').textContent()).toBe('¥10,000');
      expect(await panel.getByTestId('confirm-fee').textContent()).toBe('¥275');
      expect(await panel.getByTestId('confirm-total').textContent()).toBe('¥10,275');
      await shot(site, 'transfers-05-confirm-otp');
      await confirmWithOtp(site);
      expect(await site.getByTestId('receipt-number').textContent()).toMatch(/\S+/);
      expect(await site.getByTestId('transfer-status').getAttribute('data-status')).toBe('completed');
      expect(await site.getByTestId('transfer-status').textContent()).toBe('処理済');
      await shot(site, 'transfers-06-done-completed');

      // 残高照会 shows the debit: amount + fee.
      await site.getByTestId('back-home').click();
      const after = await balances(site);
      expect(after.get(fromKey ?? '')).toBe((before.get(fromKey ?? '') ?? 0) - 10_275);
    } else {
      // Today is not a business day: the server names the next one and the screen offers it.
      const error = site.getByTestId('transfer-form').getByTestId('error');
      await error.waitFor();
      expect(['transfer.value_date_not_business_day', 'transfer.value_date_after_cutoff']).toContain(
        await error.getAttribute('data-code'),
      );
      const next = site.getByTestId('transfer-next-date');
      const offered = (await next.getAttribute('data-date')) ?? '';
      expect(offered).toBe(nextBusinessDay(today));
      expect(await next.textContent()).toBe(`${slashed(offered)} に予約する`);
      await shot(site, 'transfers-05-not-business-day');
      await next.click();
      expect(await site.getByTestId('confirm-date').getAttribute('data-same-day')).toBe('false');
      await confirmWithOtp(site);
      expect(await site.getByTestId('transfer-status').getAttribute('data-status')).toBe('scheduled');
      expect(await site.getByTestId('transfer-status').textContent()).toBe('予約中');
      await shot(site, 'transfers-06-done-scheduled');
      await site.getByTestId('back-home').click();
      const after = await balances(site);
      expect(after.get(fromKey ?? '')).toBe(before.get(fromKey ?? ''));
    }
    expect(siteErrors).toEqual([]);
  }, 240_000);

  test('M4: a same-day transfer to a first-time payee on ID・パスワード方式 is refused and the scheduled alternative is offered', async () => {
    await ensureToken();
    const { page: site, errors } = await open('/');
    await login(site, user1);
    await openTransferForm(site);

    // English on request, then back to Japanese.
    await site.getByTestId('lang-toggle').click();
    await expect.poll(() => site.getByRole('heading', { level: 1 }).textContent()).toBe('Transfer (enter)');
    await site.getByTestId('lang-toggle').click();
    await expect.poll(() => site.getByRole('heading', { level: 1 }).textContent()).toBe('振込・振替（入力）');

    // 新規入力: a real bank and branch (みずほ 東京営業部), full-width kana as a person types it.
    await site.getByTestId('payee-tab-typed').click();
    await site.getByTestId('typed-bank').fill('0001');
    await site.getByTestId('typed-branch').fill('001');
    await site.getByTestId('typed-type').selectOption('ordinary');
    await site.getByTestId('typed-number').fill('7654321');
    await site.getByTestId('typed-name').fill('タナカ　タロウ');
    await site.getByTestId('transfer-amount').fill('5,000');
    const today = jstDate(Date.now());
    await site.getByTestId('transfer-date').fill(today);
    await shot(site, 'transfers-07-entry-first-time');
    const open_ = sameDayOpenNow();
    await site.getByTestId('transfer-submit').click();

    const error = site.getByTestId('transfer-form').getByTestId('error');
    await error.waitFor();
    const next = site.getByTestId('transfer-next-date');
    const offered = (await next.getAttribute('data-date')) ?? '';
    if (open_) {
      // M4: refused with the reason and the first date possible instead (the next business day).
      expect(await error.getAttribute('data-code')).toBe('transfer.same_day_not_allowed');
      const reason = site.getByTestId('same-day-reason');
      expect(await reason.getAttribute('data-reason')).toBe('login_method_id_password');
      expect(await reason.textContent()).toContain('ID・パスワード方式');
      expect(offered).toBe(nextBusinessDay(today));
    } else {
      // Today is closed (not a business day): the date check answers first, with the same offer.
      expect(['transfer.value_date_not_business_day', 'transfer.value_date_after_cutoff']).toContain(
        await error.getAttribute('data-code'),
      );
      expect(offered).toBe(nextBusinessDay(today));
    }
    expect(await next.textContent()).toBe(`${slashed(offered)} に予約する`);
    await shot(site, 'transfers-08-same-day-refused');

    // The offered date: the same transfer re-entered as a scheduled one (a new Idempotency-Key).
    await next.click();
    const panel = site.getByTestId('confirm-panel');
    await panel.waitFor();
    expect(await site.getByTestId('transfer-date').count()).toBe(0);
    expect(await panel.getByTestId('confirm-date').getAttribute('data-same-day')).toBe('false');
    expect(await panel.getByTestId('confirm-date').textContent()).toContain(slashed(offered));
    expect(await panel.getByTestId('confirm-bank').textContent()).toContain('みずほ');
    expect(await panel.getByTestId('confirm-branch').textContent()).toContain('東京営業部');
    expect(await panel.getByTestId('confirm-payee-name').textContent()).toBe('ﾀﾅｶ ﾀﾛｳ');
    expect(await panel.getByTestId('confirm-amount').textContent()).toBe('¥5,000');
    expect(await panel.getByTestId('confirm-fee').textContent()).toBe(yen(275));
    await shot(site, 'transfers-09-confirm-scheduled');
    await confirmWithOtp(site);
    expect(await site.getByTestId('transfer-status').getAttribute('data-status')).toBe('scheduled');
    expect(await site.getByTestId('transfer-status').textContent()).toBe('予約中');
    expect(await site.getByTestId('done-date').textContent()).toBe(slashed(offered));
    scheduledReceipt = (await site.getByTestId('receipt-number').textContent()) ?? '';
    expect(scheduledReceipt).toMatch(/\S+/);
    await shot(site, 'transfers-10-done-scheduled');
    expect(errors).toEqual([]);
  }, 240_000);

  test('M6 M5b: a scheduled transfer is cancelled with the OTP', async () => {
    expect(scheduledReceipt).not.toBe('');
    await ensureToken();
    const { page: site, errors } = await open('/');
    await login(site, user1);
    await site.getByTestId('menu-scheduled').click();
    await site.getByTestId('scheduled-table').waitFor();
    const status = site.getByTestId(`scheduled-status-${scheduledReceipt}`);
    expect(await status.getAttribute('data-status')).toBe('scheduled');
    expect(await status.textContent()).toBe('予約中');
    await shot(site, 'transfers-11-scheduled-list');

    await site.getByTestId(`scheduled-cancel-${scheduledReceipt}`).click();
    const panel = site.getByTestId('cancel-panel');
    await panel.getByTestId('cancel-otp').waitFor();
    expect(await panel.getByTestId('cancel-receipt').textContent()).toBe(scheduledReceipt);
    await panel.getByTestId('cancel-otp').fill(await freshOtp());
    await shot(site, 'transfers-12-cancel-otp');
    await panel.getByTestId('cancel-submit').click();
    await site.getByTestId('notice').waitFor();
    expect(await site.getByTestId('notice').textContent()).toContain(scheduledReceipt);
    await expect.poll(() => status.getAttribute('data-status')).toBe('cancelled');
    expect(await status.textContent()).toBe('取消済');
    expect(await site.getByTestId(`scheduled-cancel-${scheduledReceipt}`).count()).toBe(0);
    await shot(site, 'transfers-13-cancelled');
    expect(errors).toEqual([]);
  }, 180_000);

  test('M2 R4: without a token, a 振替 is authorised with 利用者確認暗証番号 and the card position asked', async () => {
    // The administrator issues user2's ア～ク card (利用者ワンタイムパスワード).
    const user2 = demoBank.users[1];
    const { page: admin } = await open('/');
    await login(admin, demoBank.admin);
    await openUsers(admin);
    const card = await issueCard(admin, user2.loginId);

    // user2 moves ¥1,000 between the contract's own accounts (振替: same day on any login method, M4).
    const { page: site, errors } = await open('/');
    await login(site, user2);
    const { panel, sameDay: open_ } = await enterOwnAccountTransfer(site, '1000');
    expect(await panel.getByTestId('confirm-otp').count()).toBe(0);
    expect(await panel.getByTestId('confirm-fee').textContent()).toBe('¥0');
    const position = await fillPinAndCard(panel, user2.confirmPin, card);
    expect(Object.keys(card)).toContain(position);
    await shot(site, 'transfers-14-confirm-legacy');
    await submitConfirmation(site);
    expect(await site.getByTestId('transfer-status').getAttribute('data-status')).toBe(
      open_ ? 'completed' : 'scheduled',
    );
    await shot(site, 'transfers-15-done-legacy');
    expect(errors).toEqual([]);
  }, 180_000);
});
