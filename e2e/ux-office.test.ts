/**
 * Issue 9, items 3, 6 and 10, in chromium as the customer, the administrator and the bank use
 * them: the printable 振込受付票 and 振替 wording, the token app that learns its serial is
 * registered and the /token redirect (9.10); the warning before a switch of 利用形態 releases
 * registrations (9.3, R3); the back office's readable audit log (9.6, B1 L1). Screenshots land
 * in test-results/screenshots (9.3-…, 9.6-…, 9.10-…).
 *
 * The clock is real; the server runs with sameDayCutoff 23:59 (see transfers.test.ts) and the
 * 振替 is dated today when today is open, else the next business day offered.
 */
import { readFileSync } from 'node:fs';
import { demoBank, jstDate } from '@kinko/core';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserSuite, nextOtp, shot } from './browser.ts';
import {
  bankLogin,
  enterOwnAccountTransfer,
  login,
  openUsers,
  submitConfirmation,
} from './transfer-steps.ts';

const [user1, user2] = demoBank.users;
if (!user1 || !user2) throw new Error('the demo bank has two users');

const yenText = (s: string | null) => Number((s ?? '').replace(/[¥,\s]/g, ''));

describe('issue 9: receipt, token status, usage mode, audit log (sqlite)', () => {
  const { open } = browserSuite({ config: { sameDayCutoff: '23:59' }, timeout: 120_000 });
  /** user1's token app (registered in the first 9.10 test) and the last code it spent. */
  let token1: Page | null = null;
  let lastOtp = '';
  const serials: Record<string, string> = {};

  /**
   * R1 R2: activates a token app on `tokenApp` and has the administrator register it for
   * `loginId`; the app is shown before registration (asking for it) and left as it is.
   */
  async function activateAndRegister(tokenApp: Page, admin: Page, loginId: string): Promise<string> {
    await tokenApp.getByTestId('activate').click();
    await tokenApp.getByTestId('otp').waitFor();
    await expect
      .poll(() => tokenApp.getByTestId('token-unregistered').textContent())
      .toContain('利用登録を依頼');
    const serial = (await tokenApp.getByTestId('serial').textContent()) ?? '';
    expect(serial).toMatch(/^SKTS[0-9A-Z]{8}$/);
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
    serials[loginId] = serial;
    return otp;
  }

  test('9.10 /token (the printed URL) redirects to /token/, inside the service worker scope', async () => {
    const { page } = await open('/token', { mobile: true });
    expect(new URL(page.url()).pathname).toBe('/token/');
    const res = await page.request.get('/token?from=print', { maxRedirects: 0 });
    expect(res.status()).toBe(301);
    expect(res.headers().location).toBe('/token/?from=print');
    await page.getByTestId('activate').waitFor();
  });

  test('9.10 after registration the token app (phone) says it is registered, from a status call without secrets', async () => {
    const { page: tokenApp } = await open('/token', { mobile: true });
    const { page: admin } = await open('/');
    await login(admin, demoBank.admin);
    const requests: string[] = [];
    tokenApp.on('request', (r) => {
      if (r.url().includes('/status'))
        requests.push(`${r.method()} ${new URL(r.url()).pathname} ${r.postData() ?? ''}`);
    });
    lastOtp = await activateAndRegister(tokenApp, admin, user1.loginId);
    token1 = tokenApp;
    await shot(tokenApp, '9.10-token-unregistered-phone');
    // The app asks again when it is opened (or comes back to the front).
    await tokenApp.reload();
    await tokenApp.getByTestId('otp').waitFor();
    await expect.poll(() => tokenApp.getByTestId('token-registered').textContent()).toContain('利用登録済み');
    expect(await tokenApp.getByTestId('token-unregistered').count()).toBe(0);
    // Only the serial goes out, by GET, with no body: no code, no key.
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) expect(r).toBe(`GET /api/v1/tokens/${serials[user1.loginId]}/status `);
    await shot(tokenApp, '9.10-token-registered-phone');
  });

  test('9.10 the 振替受付票 (phone): 支払口座, お引落合計, 受付日時, 印刷, 振替 wording, and a print stylesheet without the navigation', async () => {
    if (!token1) throw new Error('the token test runs first');
    const { page, errors } = await open('/', { mobile: true });
    await login(page, user1);
    const { panel, sameDay } = await enterOwnAccountTransfer(page, '12345');
    // 振替 between own accounts: never 振込手数料 or 振込指定日.
    const confirmText = (await panel.textContent()) ?? '';
    expect(confirmText).toContain('振替手数料');
    expect(confirmText).toContain('振替指定日');
    expect(confirmText).not.toContain('振込');
    const fromShown = (await panel.getByTestId('confirm-from').textContent()) ?? '';
    await shot(page, '9.10-own-confirm-phone');
    lastOtp = await nextOtp(token1, lastOtp);
    await panel.getByTestId('confirm-otp').fill(lastOtp);
    await submitConfirmation(page);

    const receipt = page.getByTestId('transfer-done');
    expect(await receipt.getAttribute('data-kind')).toBe('own');
    expect(await receipt.getByTestId('receipt-title').textContent()).toBe('振替受付票');
    expect(await receipt.getByTestId('receipt-number').textContent()).toMatch(/\S/);
    expect(await receipt.getByTestId('done-from').textContent()).toBe(fromShown);
    expect(fromShown).toMatch(/\d{7}/);
    const amount = yenText(await receipt.getByTestId('done-amount').textContent());
    const fee = yenText(await receipt.getByTestId('done-fee').textContent());
    expect(amount).toBe(12345);
    expect(yenText(await receipt.getByTestId('done-total').textContent())).toBe(amount + fee);
    // 受付日時 in Japan time, today.
    const accepted = (await receipt.getByTestId('done-accepted-at').textContent()) ?? '';
    expect(accepted).toContain(jstDate(Date.now()).replaceAll('-', '/'));
    expect(accepted).toMatch(/\d{2}:\d{2}:\d{2}/);
    expect(await receipt.getByTestId('done-timing').textContent()).toContain(
      sameDay ? '当日扱い' : '予約扱い',
    );
    const receiptText = (await receipt.textContent()) ?? '';
    for (const label of ['支払口座', 'お引落合計', '受付日時', '振替金額', '振替手数料', '振替指定日']) {
      expect(receiptText).toContain(label);
    }
    // The receipt's facts say 振替 (the buttons below lead to the 振込・振替 menu and may say so).
    expect(await receipt.locator('dl.facts').textContent()).not.toContain('振込');
    expect(receiptText).not.toContain('振込手数料');
    expect(receiptText).not.toContain('振込指定日');
    await expect.poll(() => receipt.getByTestId('receipt-print').isVisible()).toBe(true);
    await shot(page, '9.10-receipt-phone');

    // On paper: the receipt and the bank's name, no navigation, buttons or language switch.
    await page.emulateMedia({ media: 'print' });
    expect(await receipt.isVisible()).toBe(true);
    expect(await receipt.getByTestId('done-total').isVisible()).toBe(true);
    expect(await page.locator('.brand').isVisible()).toBe(true);
    for (const id of ['receipt-print', 'transfer-again', 'back-home', 'logout', 'lang-toggle']) {
      expect(await page.getByTestId(id).isVisible(), id).toBe(false);
    }
    expect(await page.locator('.breadcrumb').isVisible()).toBe(false);
    expect(await page.locator('.steps').isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    await shot(page, '9.10-receipt-print');
    await page.emulateMedia({ media: 'screen' });
    expect(await receipt.getByTestId('receipt-print').isVisible()).toBe(true);

    // The entry screen says 振替 too once an own account is the destination.
    await page.getByTestId('transfer-again').click();
    await page.getByTestId('transfer-form').waitFor();
    await page.getByTestId('payee-tab-own').click();
    const form = (await page.getByTestId('transfer-form').textContent()) ?? '';
    expect(form).toContain('振替金額（円）');
    expect(form).toContain('振替指定日');
    expect(errors).toEqual([]);
  });

  test('9.3 R3: switching 利用形態 lists whose registrations it releases, by name and serial, and asks for confirmation first', async () => {
    const { page: admin, errors } = await open('/');
    await login(admin, demoBank.admin);
    const { page: tokenApp2 } = await open('/token', { mobile: true });
    await activateAndRegister(tokenApp2, admin, user2.loginId);
    await admin.getByTestId('mode-open').click();
    await admin.getByTestId('mode-shared').check();

    const impact = admin.getByTestId('mode-impact');
    await impact.waitFor();
    for (const u of [user1, user2]) {
      const row = impact.getByTestId(`mode-released-${u.loginId}`);
      const text = (await row.textContent()) ?? '';
      expect(text).toContain(u.name);
      expect(text).toContain(serials[u.loginId]);
    }
    expect(await impact.textContent()).toContain('2名');
    // OK waits for the confirmation, even with the PIN entered.
    await admin.getByTestId('mode-pin').fill(demoBank.contractPin);
    expect(await admin.getByTestId('mode-submit').isDisabled()).toBe(true);
    await shot(admin, '9.3-impact-desktop');
    await admin.setViewportSize({ width: 390, height: 844 });
    await shot(admin, '9.3-impact-phone');
    await admin.setViewportSize({ width: 1280, height: 900 });

    // Back to the current mode: nothing to warn about.
    await admin.getByTestId('mode-individual').check();
    expect(await admin.getByTestId('mode-impact').count()).toBe(0);
    expect(await admin.getByTestId('mode-submit').isDisabled()).toBe(false);

    await admin.getByTestId('mode-shared').check();
    await admin.getByTestId('mode-confirm').check();
    await admin.getByTestId('mode-submit').click();
    await admin.getByTestId('notice').waitFor();
    await expect.poll(() => admin.getByTestId('usage-mode').getAttribute('data-mode')).toBe('shared');
    for (const u of [user1, user2]) {
      expect((await admin.getByTestId(`user-serial-${u.loginId}`).textContent())?.trim()).toBe('-');
    }
    await shot(admin, '9.3-switched-desktop');

    // Switching back brings the dormant registrations back and releases none: no confirmation asked.
    await admin.getByTestId('mode-open').click();
    await admin.getByTestId('mode-individual').check();
    await admin.getByTestId('mode-impact').waitFor();
    expect(await admin.getByTestId('mode-impact-none').isVisible()).toBe(true);
    for (const u of [user1, user2]) {
      expect(await admin.getByTestId(`mode-restored-${u.loginId}`).textContent()).toContain(
        serials[u.loginId],
      );
    }
    expect(await admin.getByTestId('mode-confirm').count()).toBe(0);
    await admin.getByTestId('mode-pin').fill(demoBank.contractPin);
    await admin.getByTestId('mode-submit').click();
    await admin.getByTestId('notice').waitFor();
    for (const u of [user1, user2]) {
      await expect
        .poll(() => admin.getByTestId(`user-serial-${u.loginId}`).textContent())
        .toBe(serials[u.loginId]);
    }
    expect(errors).toEqual([]);
  });

  test('9.6 B1 L1: the audit log names actions and actors, newest first, details as fields; filters by date, action and actor; CSV', async () => {
    const { page: bank, errors } = await open('/bank', { acceptDownloads: true });
    await bankLogin(bank);
    await bank.getByTestId('nav-audit').click();
    const table = bank.getByTestId('audit-table');
    await table.locator('tbody tr').first().waitFor();

    // Newest first.
    const ats = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-at'))));
    expect(ats.length).toBeGreaterThan(5);
    expect([...ats].sort((a, b) => b - a)).toEqual(ats);

    // A login by the administrator: in Japanese, by name and role, details labelled.
    const loginRow = table
      .locator('tbody tr[data-action="login.success"]', { hasText: demoBank.admin.name })
      .first();
    expect(await loginRow.getByTestId('audit-action-label').textContent()).toBe('ログイン');
    const actor = (await loginRow.getByTestId('audit-actor').textContent()) ?? '';
    expect(actor).toContain('管理者'); // the role
    expect(actor).toContain(`${demoBank.admin.name} (${demoBank.admin.loginId})`);
    expect(actor).not.toMatch(/[0-9a-f]{16}/);
    expect(await loginRow.getByTestId('audit-detail').textContent()).toContain('接続元IPアドレス');
    await shot(bank, '9.6-audit-desktop');

    // Filter: the usage-mode switches of the 9.3 test, by the administrator, today.
    const today = jstDate(Date.now());
    await bank.getByTestId('audit-action').selectOption('contract.usage_mode_set');
    await bank.getByTestId('audit-from').fill(today);
    await bank.getByTestId('audit-to').fill(today);
    await bank.getByTestId('audit-load').click();
    await expect
      .poll(() =>
        table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action'))),
      )
      .toEqual(['contract.usage_mode_set', 'contract.usage_mode_set']);
    const switched = table.locator('tbody tr').nth(1);
    const detail = (await switched.getByTestId('audit-detail').textContent()) ?? '';
    expect(detail).toContain('変更前');
    expect(detail).toContain('登録が無効になった利用者');
    // Users named in the details by name and login ID, never by a hex id.
    expect(detail).toContain(`${user1.name} (${user1.loginId})`);
    expect(detail).not.toMatch(/[0-9a-f]{16}/);
    expect(await switched.getByTestId('audit-action-label').textContent()).toBe('利用形態設定');
    expect(await switched.getByTestId('audit-actor').textContent()).toContain(demoBank.admin.name);
    await shot(bank, '9.6-audit-filtered-desktop');

    // The CSV of the same filters: UTF-8 with BOM, Japanese header and labels.
    const [download] = await Promise.all([
      bank.waitForEvent('download'),
      bank.getByTestId('audit-csv').click(),
    ]);
    const bytes = readFileSync((await download.path()) ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^日時,操作,操作コード,結果,操作者,役割/);
    expect(lines).toHaveLength(3);
    for (const line of lines.slice(1))
      expect(line).toContain('利用形態設定,contract.usage_mode_set,成功,管理者 花子,管理者');

    // A day with nothing: empty; then one actor, chosen by name from a row.
    await bank.getByTestId('audit-from').fill('2020-01-01');
    await bank.getByTestId('audit-to').fill('2020-01-02');
    await bank.getByTestId('audit-load').click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(0);
    await bank.getByTestId('audit-from').fill('');
    await bank.getByTestId('audit-to').fill('');
    await bank.getByTestId('audit-action').selectOption('');
    await bank.getByTestId('audit-load').click();
    await table.locator('tbody tr').first().waitFor();
    await table.locator('tbody tr[data-action="login.success"]').first().getByRole('button').click();
    await bank.getByTestId('audit-actor-filter').waitFor();
    // The filtered page replaces the unfiltered one when its answer arrives: wait for it.
    const actorNames = () =>
      table
        .getByTestId('audit-actor')
        .evaluateAll((cells) => [...new Set(cells.map((c) => c.querySelector('button')?.textContent ?? ''))]);
    await expect.poll(actorNames).toHaveLength(1);

    // In English, English labels.
    await bank.getByTestId('lang-toggle').click();
    await expect
      .poll(() =>
        table
          .locator('tbody tr[data-action="login.success"]')
          .first()
          .getByTestId('audit-action-label')
          .textContent(),
      )
      .toBe('Login');
    await shot(bank, '9.6-audit-english-desktop');
    expect(errors).toEqual([]);
  });
});
