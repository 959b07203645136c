/**
 * 口座開設 and 照会 (B1, M1, M9) end to end in chromium: the operator opens an account with an
 * opening deposit for the demo contract in the back office; user1 sees it in 残高照会 with the
 * right balance, finds the opening deposit in 入出金明細照会, and downloads the statement as a
 * Shift_JIS CSV (and as UTF-8). Screenshots land in test-results/screenshots (accounts-…).
 */
import { readFile } from 'node:fs/promises';
import { demoBank } from '@kinko/core';
import { describe, expect, test } from 'vitest';
import { browserSuite, shot } from './browser.ts';

const contractNumber = demoBank.contract.contractNumber;
const user1 = demoBank.users[0];
const branch = demoBank.branches[2]; // 港町支店: the demo opens nothing there, so the new row is unmistakable
const deposit = 1_234_567;

describe('accounts in the browser (sqlite)', () => {
  const suite = browserSuite();
  const open = (path: string) => suite.open(path, { acceptDownloads: true });

  test('B1 M1 M9: open an account with a deposit, see its balance, its statement line and the CSV', async () => {
    // The operator opens a 貯蓄 account for the demo contract (B1).
    const { page: bank, errors: bankErrors } = await open('/bank');
    await bank.getByTestId('bank-login-id').fill(demoBank.operator.loginId);
    await bank.getByTestId('bank-login-password').fill(demoBank.operator.password);
    await bank.getByTestId('bank-login-submit').click();
    await bank.getByTestId(`contract-open-${contractNumber}`).click();
    await bank.getByTestId('contract-facts').waitFor();
    await bank.getByTestId('contract-open-account').click();
    await expect.poll(() => bank.getByTestId('account-contract').inputValue()).toBe(contractNumber);
    await expect.poll(() => bank.getByTestId('account-branch').locator('option').count()).toBeGreaterThan(2);
    await bank.getByTestId('account-branch').selectOption(branch.code);
    await bank.getByTestId('account-type').selectOption('savings');

    // A name that is not Zengin is refused, and the screen says which character.
    await bank.getByTestId('account-holder').fill('金庫商事');
    await bank.getByTestId('account-deposit').fill(String(deposit));
    await bank.getByTestId('account-submit').click();
    await expect.poll(() => bank.getByTestId('error').getAttribute('data-code')).toBe('request.invalid');
    expect(await bank.getByTestId('account-holder-error').textContent()).toContain('「金」');
    await shot(bank, 'accounts-01-bank-holder-refused');

    // Full-width kana with small ャ/ョ: the server registers the Zengin form.
    await bank.getByTestId('account-holder').fill('カブシキガイシャ　キンコショウジ');
    await bank.getByTestId('account-deposit').fill('1,234,567');
    await shot(bank, 'accounts-02-bank-open-account');
    await bank.getByTestId('account-submit').click();
    await bank.getByTestId('account-result').waitFor();
    const number = (await bank.getByTestId('opened-account-number').textContent()) ?? '';
    expect(number).toMatch(/^\d{7}$/);
    const holder = (await bank.getByTestId('opened-account-holder').textContent()) ?? '';
    expect(holder).toBe('ｶﾌﾞｼｷｶﾞｲｼﾔ ｷﾝｺｼﾖｳｼﾞ');
    expect(await bank.getByTestId('opened-account-balance').textContent()).toBe('¥1,234,567');
    expect(await bank.getByTestId('error').count()).toBe(0);
    await shot(bank, 'accounts-03-bank-account-opened');
    expect(bankErrors).toEqual([]);

    // user1 (no administrator rights) finds it in 残高照会 (M9).
    const { page: site, errors: siteErrors } = await open('/');
    await site.getByTestId('login-contract').fill(contractNumber);
    await site.getByTestId('login-user').fill(user1.loginId);
    await site.getByTestId('login-password').fill(user1.password);
    await site.getByTestId('login-submit').click();
    await site.getByTestId('inquiry-menu').waitFor();
    await shot(site, 'accounts-04-home-menu');
    await site.getByTestId('menu-balance').click();
    await site.getByTestId('accounts-table').waitFor();
    const key = `${branch.code}-${number}`;
    const row = site.getByTestId(`account-row-${key}`);
    expect(await site.getByTestId(`account-balance-${key}`).textContent()).toBe('¥1,234,567');
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain(branch.name);
    expect(rowText).toContain('貯蓄');
    expect(rowText).toContain(holder);
    // The demo's own accounts are there too (12,345,678 in the 普通 at 本店営業部).
    expect(await site.getByTestId('accounts-table').textContent()).toContain('¥12,345,678');
    expect(await site.getByTestId('accounts-updated').textContent()).toMatch(/\d{4}\/\d{2}\/\d{2}/);
    await shot(site, 'accounts-05-balances');

    // English on request, then back to Japanese.
    await site.getByTestId('lang-toggle').click();
    await expect.poll(() => site.getByRole('heading', { level: 1 }).textContent()).toBe('Balance inquiry');
    await shot(site, 'accounts-06-balances-en');
    await site.getByTestId('lang-toggle').click();
    await expect.poll(() => site.getByRole('heading', { level: 1 }).textContent()).toBe('残高照会');

    // 入出金明細照会: this month by default; the opening deposit is the one line.
    await site.getByTestId(`account-statement-${key}`).click();
    await site.getByTestId('statement-table').waitFor();
    expect(await site.getByTestId('statement-title').textContent()).toContain(number);
    expect(await site.getByTestId('statement-opening').textContent()).toBe('¥0');
    expect(await site.getByTestId('statement-closing').textContent()).toBe('¥1,234,567');
    const lines = site.getByTestId('statement-table').locator('tbody tr');
    expect(await lines.count()).toBe(1);
    const line = (await lines.first().textContent()) ?? '';
    expect(line).toContain('開設入金');
    expect(line).toContain('¥1,234,567');
    const seq = ((await lines.first().getAttribute('data-testid')) ?? '').replace('statement-line-', '');
    expect(await site.getByTestId(`statement-credit-${seq}`).textContent()).toBe('¥1,234,567');
    expect(await site.getByTestId(`statement-debit-${seq}`).textContent()).toBe('');
    await shot(site, 'accounts-07-statement');

    // CSV for Excel (Shift_JIS) through the link: the cookie authenticates the GET.
    expect(await site.getByTestId('csv-encoding-shift_jis').isChecked()).toBe(true);
    const [sjis] = await Promise.all([
      site.waitForEvent('download'),
      site.getByTestId('csv-download').click(),
    ]);
    expect(sjis.suggestedFilename()).toMatch(new RegExp(`^statement-${branch.code}-${number}-.*\\.csv$`));
    const sjisBytes = await readFile(await sjis.path());
    expect(sjisBytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const sjisText = new TextDecoder('shift_jis', { fatal: true }).decode(sjisBytes);
    expect(sjisText.startsWith('日付,摘要,お支払金額,お預り金額,差引残高\r\n')).toBe(true);
    expect(sjisText).toMatch(/\r\n\d{4}\/\d{2}\/\d{2},開設入金,,1234567,1234567\r\n$/);
    await shot(site, 'accounts-08-csv-shift-jis');

    // …and UTF-8 with BOM.
    await site.getByTestId('csv-encoding-utf8').check();
    const [utf8] = await Promise.all([
      site.waitForEvent('download'),
      site.getByTestId('csv-download').click(),
    ]);
    const utf8Bytes = await readFile(await utf8.path());
    expect(utf8Bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    expect(new TextDecoder('utf-8').decode(utf8Bytes)).toContain('開設入金,,1234567,1234567');
    await shot(site, 'accounts-09-csv-utf8');
    expect(siteErrors).toEqual([]);
  }, 180_000);
});
