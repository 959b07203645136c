/**
 * Payees on the customer site end to end in chromium (M8, M3): user1 types a payee at another
 * bank and sees the bank and branch names appear as the codes are typed (and finds the bank by
 * name); the transfer is scheduled and authorised with the OTP of the token app; 「この振込先を
 * 登録する」 saves the payee to the user's own list; 振込先の管理 lists it beside the read-only
 * 事前登録 payees, adds another with the typed fields and removes both with the in-page
 * confirmation. Screenshots land in test-results/screenshots (payees-…).
 */
import { demoBank, jstDate, nextBusinessDay } from '@kinko/core';
import { describe, expect, test } from 'vitest';
import { browserSuite, nextOtp, shot } from './browser.ts';
import {
  fillWrittenPayee,
  login,
  openTransferForm,
  registerToken,
  submitWrittenPayee,
} from './transfer-steps.ts';

const user1 = demoBank.users[0];

describe('payees in the browser (sqlite)', () => {
  const { open } = browserSuite({ timeout: 120_000 });

  test('M8: bank and branch names appear while the codes of a typed payee are typed; the payee is saved, listed and removed', async () => {
    // R1 R2: user1's token, activated in the token app and registered by the administrator.
    const { page: token } = await open('/token', { mobile: true });
    const { page: admin } = await open('/');
    const registrationOtp = await registerToken(token, admin, user1.loginId);

    const { page: site, errors } = await open('/');
    await login(site, user1);
    await openTransferForm(site);
    await site.getByTestId('payee-tab-typed').click();

    // An unknown bank code is said so at once; the codes stay digits only.
    await site.getByTestId('typed-bank').fill('0000');
    const bankName = site.getByTestId('typed-bank-name');
    await expect.poll(() => bankName.getAttribute('data-found')).toBe('false');
    expect(await bankName.textContent()).toBe('該当する金融機関がありません。');

    // The bank found by its name in hiragana; picking it puts its code in the code field.
    await site.getByTestId('typed-bank-search').fill('みずほ');
    await site.getByTestId('typed-bank-search-pick-0001').click();
    expect(await site.getByTestId('typed-bank').inputValue()).toBe('0001');
    await expect.poll(() => bankName.getAttribute('data-found')).toBe('true');
    expect(await bankName.textContent()).toBe('みずほ（ﾐｽﾞﾎ）');

    // The branch name appears as its code is typed.
    const branchName = site.getByTestId('typed-branch-name');
    await site.getByTestId('typed-branch').fill('001');
    await expect.poll(() => branchName.textContent()).toBe('東京営業部（ﾄｳｷﾖｳ）');
    await site.getByTestId('typed-branch').fill('999');
    await expect.poll(() => branchName.getAttribute('data-found')).toBe('false');
    await site.getByTestId('typed-branch').fill('001');
    await expect.poll(() => branchName.getAttribute('data-found')).toBe('true');

    await site.getByTestId('typed-type').selectOption('ordinary');
    await site.getByTestId('typed-number').fill('7000001');
    await site.getByTestId('typed-name').fill('タナカ　ハナコ');
    await site.getByTestId('transfer-amount').fill('3000');
    // M4: a first-time payee on ID・パスワード方式 is paid on a later business day.
    const valueDate = nextBusinessDay(jstDate(Date.now()));
    await site.getByTestId('transfer-date').fill(valueDate);
    await shot(site, 'payees-01-typed-names');
    await site.getByTestId('transfer-submit').click();

    const panel = site.getByTestId('confirm-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('confirm-bank').textContent()).toContain('みずほ');
    expect(await panel.getByTestId('confirm-branch').textContent()).toContain('東京営業部');
    await panel.getByTestId('confirm-otp').fill(await nextOtp(token, registrationOtp));
    await panel.getByTestId('confirm-submit').click();
    await site.getByTestId('transfer-done').waitFor();
    expect(await site.getByTestId('transfer-status').getAttribute('data-status')).toBe('scheduled');

    // 「この振込先を登録する」: saved to the user's own list, said by a notice.
    const save = site.getByTestId('save-payee-submit');
    expect(await save.textContent()).toBe('この振込先を登録する');
    await save.click();
    const notice = site.getByTestId('save-payee').getByTestId('notice');
    await notice.waitFor();
    expect(await notice.textContent()).toBe('ﾀﾅｶ ﾊﾅｺ を登録振込先に登録しました。');
    expect(await save.count()).toBe(0);
    await shot(site, 'payees-02-saved-after-transfer');

    // 振込先の管理 from the 資金移動 menu lists it; 事前登録 payees are marked the bank's.
    await site.getByTestId('back-home').click();
    await site.getByTestId('menu-payees').click();
    const row = site.getByTestId('saved-payee-row-0001-001-7000001');
    await row.waitFor();
    expect(await row.textContent()).toContain('ﾀﾅｶ ﾊﾅｺ');
    expect(await row.textContent()).toContain('みずほ');
    expect(await site.getByTestId('registered-payees-note').textContent()).toContain(
      '変更・削除することはできません',
    );
    await shot(site, 'payees-03-management');

    // An addition with the typed fields: the names appear here too.
    await site.getByTestId('add-payee-bank').fill('0005');
    await expect.poll(() => site.getByTestId('add-payee-bank-name').textContent()).toContain('三菱ＵＦＪ');
    await site.getByTestId('add-payee-branch').fill('001');
    await expect.poll(() => site.getByTestId('add-payee-branch-name').textContent()).toContain('本店');
    await site.getByTestId('add-payee-number').fill('1234567');
    await site.getByTestId('add-payee-name').fill('トリヒキサキ');
    await site.getByTestId('add-payee-nickname').fill('仕入先');
    await site.getByTestId('add-payee-submit').click();
    const added = site.getByTestId('saved-payee-row-0005-001-1234567');
    await added.waitFor();
    expect(await added.textContent()).toContain('仕入先');
    expect(await site.getByTestId('notice').textContent()).toBe('ﾄﾘﾋｷｻｷ を登録振込先に登録しました。');

    // English on request, then back.
    await site.getByTestId('lang-toggle').click();
    await expect.poll(() => site.getByRole('heading', { level: 1 }).textContent()).toBe('Manage payees');
    await site.getByTestId('lang-toggle').click();
    await expect.poll(() => site.getByRole('heading', { level: 1 }).textContent()).toBe('振込先の管理');

    // Removal asks in the page first; cancel keeps the payee.
    await site.getByTestId('saved-payee-remove-0001-001-7000001').click();
    const confirmPanel = site.getByTestId('saved-payee-remove-panel');
    expect(await confirmPanel.textContent()).toContain('ﾀﾅｶ ﾊﾅｺ');
    await site.getByTestId('saved-payee-remove-cancel').click();
    expect(await confirmPanel.count()).toBe(0);
    expect(await row.count()).toBe(1);
    await site.getByTestId('saved-payee-remove-0001-001-7000001').click();
    await shot(site, 'payees-04-remove-confirm');
    await site.getByTestId('saved-payee-remove-confirm').click();
    await expect.poll(() => row.count()).toBe(0);
    expect(await site.getByTestId('notice').textContent()).toBe('ﾀﾅｶ ﾊﾅｺ を登録振込先から削除しました。');
    await site.getByTestId('saved-payee-remove-0005-001-1234567').click();
    await site.getByTestId('saved-payee-remove-confirm').click();
    await site.getByTestId('saved-payees-empty').waitFor();
    await shot(site, 'payees-05-removed');

    // The transfer screen's 登録済 tab agrees.
    await site.getByTestId('back-home').click();
    await site.getByTestId('menu-transfer').click();
    await site.getByTestId('payee-tab-saved').click();
    await site.getByTestId('payee-empty').waitFor();
    expect(errors).toEqual([]);
  }, 240_000);

  test('M8 B1: a payee the bank registered in writing (事前登録) is listed in 振込先の管理 read-only', async () => {
    // The operator registers it in the back office, with the same account fields as the customer's.
    const { page: bank, errors: bankErrors } = await open('/bank');
    await fillWrittenPayee(bank, {
      bankCode: '0009',
      branchCode: '001',
      accountType: 'current',
      accountNumber: '0012345',
      name: 'カ）キンコブッサン',
    });
    const payeeNumber = await submitWrittenPayee(bank);
    expect(payeeNumber).toBe('001');
    expect(bankErrors).toEqual([]);

    const { page: site, errors } = await open('/#/payees');
    await login(site, user1);
    await site.goto('/#/payees');
    const row = site.getByTestId(`registered-payee-row-${payeeNumber}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('0012345');
    expect(await row.locator('button').count()).toBe(0);
    const registered = site.getByTestId('registered-payees');
    expect(await registered.textContent()).toContain('当金庫登録・変更不可');
    await shot(site, 'payees-06-registered-read-only');
    expect(errors).toEqual([]);
  }, 120_000);
});
