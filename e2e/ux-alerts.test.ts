/**
 * Issue 9, items 2 and 11 in chromium: a reused OTP reaches the token's holder and the
 * administrator, each until they acknowledge it (SPEC T2); 前回ログイン日時 on the home page of the
 * customer site and of the back office. Screenshots land in test-results/screenshots as 9.2-…, 9.11-….
 */
import { demoBank } from '@kinko/core';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserSuite, nextOtp, shot } from './browser.ts';
import {
  bankLogin,
  enterOwnAccountTransfer,
  login,
  registerToken,
  submitConfirmation,
} from './transfer-steps.ts';

const [user1, user2] = demoBank.users;
if (!user1 || !user2) throw new Error('the demo bank has two users');

/** The open alerts' ids on a home page, after it has loaded. */
async function alertIds(page: Page): Promise<string[]> {
  await page.goto('/');
  await page.getByTestId('last-login').waitFor();
  return page
    .getByTestId('alert')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-alert-id') ?? ''));
}

/** The shown 前回ログイン日時: its machine time (null for 初回ログイン) and its text. */
async function previousLogin(page: Page): Promise<{ at: number | null; text: string }> {
  const time = page.getByTestId('last-login-time');
  await time.waitFor();
  const iso = await time.getAttribute('datetime');
  return { at: iso === null ? null : Date.parse(iso), text: (await time.textContent()) ?? '' };
}

describe('ux: security alerts and the previous login (issue 9.2, 9.11)', () => {
  // The transfers that carry the OTP take today as their date (M6), as in transfers.test.ts.
  const suite = browserSuite({ config: { sameDayCutoff: '23:59' }, timeout: 120_000 });
  const open = async (path: string, mobile = false): Promise<Page> =>
    (await suite.open(path, { mobile })).page;

  test('9.2 T2: a reused OTP is shown on the holder’s and the administrator’s home with time, operation and serial, until EACH acknowledges it', async () => {
    const token = await open('/token', true);
    const admin = await open('/');
    let otp = await registerToken(token, admin, user1.loginId);
    const serial = (await token.getByTestId('serial').textContent()) ?? '';

    // user1, on a phone, confirms a 振替 with the token's code …
    const holder = await open('/', true);
    await login(holder, user1);
    expect(await holder.getByTestId('alert').count()).toBe(0);
    const first = await enterOwnAccountTransfer(holder, '1000');
    otp = await nextOtp(token, otp);
    await first.panel.getByTestId('confirm-otp').fill(otp);
    await submitConfirmation(holder);
    // … and types the same code into the next one: refused as a reuse.
    await holder.goto('/');
    const second = await enterOwnAccountTransfer(holder, '2000');
    const before = Date.now();
    await second.panel.getByTestId('confirm-otp').fill(otp);
    await second.panel.getByTestId('confirm-submit').click();
    const error = second.panel.getByTestId('error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('otp.replayed');
    const after = Date.now();

    // The holder's home shows it: when, for which operation, which serial.
    const [holderAlert] = await alertIds(holder);
    expect(holderAlert).toMatch(/^[0-9a-f]{32}$/);
    const shown = holder.getByTestId('alert');
    expect(await shown.getByTestId('alert-operation').textContent()).toBe('振込・振替の確定');
    expect(await shown.getByTestId('alert-serial').textContent()).toBe(serial);
    const at = Date.parse((await shown.getByTestId('alert-time').getAttribute('datetime')) ?? '');
    expect(at).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
    expect(at).toBeLessThanOrEqual(after + 1000);
    expect(await shown.getByTestId('alert-time').textContent()).toMatch(
      /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/,
    );
    await shot(holder, '9.2-holder-home-alert-phone');

    // The administrator's home shows the same alert, naming the user who entered the code.
    expect(await alertIds(admin)).toEqual([holderAlert]);
    const adminAlert = admin.getByTestId('alert');
    expect(await adminAlert.getByTestId('alert-operation').textContent()).toBe('振込・振替の確定');
    expect(await adminAlert.getByTestId('alert-serial').textContent()).toBe(serial);
    expect(await adminAlert.getByTestId('alert-user').textContent()).toContain(user1.name);
    await shot(admin, '9.2-admin-home-alert');

    // The administrator acknowledges: gone from their home, also after a reload …
    await adminAlert.getByTestId('alert-ack').click();
    await admin.getByTestId('alerts').waitFor({ state: 'detached' });
    expect(await alertIds(admin)).toEqual([]);
    await shot(admin, '9.2-admin-home-acknowledged');
    // … and still there for the holder, until they acknowledge it themselves.
    expect(await alertIds(holder)).toEqual([holderAlert]);
    await shot(holder, '9.2-holder-home-still-shown-phone');
    await holder.getByTestId('alert').getByTestId('alert-ack').click();
    await holder.getByTestId('alerts').waitFor({ state: 'detached' });
    expect(await alertIds(holder)).toEqual([]);
    expect(await alertIds(admin)).toEqual([]);
    await shot(holder, '9.2-holder-home-acknowledged-phone');
  });

  test('9.11 前回ログイン日時: the second login’s home shows the first login’s time (初回ログイン before), and the back office the same', async () => {
    // The customer site, user2 on a phone: the very first login has no previous one.
    const firstVisit = await open('/', true);
    const t0 = Date.now();
    await login(firstVisit, user2);
    const t1 = Date.now();
    expect(await previousLogin(firstVisit)).toEqual({ at: null, text: '初回ログイン' });
    await shot(firstVisit, '9.11-first-login-phone');
    await firstVisit.getByTestId('logout').click();

    const secondVisit = await open('/', true);
    await login(secondVisit, user2);
    const shownSite = await previousLogin(secondVisit);
    // The first login's time, not this one's: between the moments around the first login.
    expect(shownSite.at).toBeGreaterThanOrEqual(t0 - 1000);
    expect(shownSite.at).toBeLessThanOrEqual(t1 + 1000);
    expect(shownSite.text).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect(await secondVisit.getByTestId('last-login').textContent()).toContain('前回ログイン日時');
    await shot(secondVisit, '9.11-second-login-phone');
    // A reload keeps showing the first login (the session's me), not this one.
    await secondVisit.reload();
    expect((await previousLogin(secondVisit)).at).toBe(shownSite.at);

    // In English the label and the date read in English.
    await secondVisit.getByTestId('lang-toggle').click();
    expect(await secondVisit.getByTestId('last-login').textContent()).toMatch(
      /^Previous login \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} JST$/,
    );
    await secondVisit.getByTestId('lang-toggle').click();

    // The back office: the operator's first login, then the second shows the first one's time.
    const bank1 = await open('/bank');
    const b0 = Date.now();
    await bankLogin(bank1);
    const bankFirst = await previousLogin(bank1);
    const b1 = Date.now();
    expect(bankFirst).toEqual({ at: null, text: '初回ログイン' });
    const bank2 = await open('/bank');
    await bankLogin(bank2);
    const shownBank = await previousLogin(bank2);
    expect(shownBank.at).toBeGreaterThanOrEqual(b0 - 1000);
    expect(shownBank.at).toBeLessThanOrEqual(b1 + 1000);
    expect(shownBank.text).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    await shot(bank2, '9.11-bank-second-login');
  });
});
