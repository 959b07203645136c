/**
 * The software-token path of the notice, end to end in chromium: activate in the token app,
 * register as administrator, the user's OTP is accepted (トークン動作確認, the step-up without an
 * operation), five wrong OTPs lock the user, the administrator unlocks, the bank reads and
 * verifies the audit log. Screenshots of each screen land in test-results/screenshots.
 */
import { demoBank } from '@kinko/core';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserSuite, nextOtp, shot } from './browser.ts';
import { bankLogin, login, openUsers } from './transfer-steps.ts';

const user1 = demoBank.users[0];

describe('token path in the browser (sqlite)', () => {
  const suite = browserSuite({ config: { maxOtpFailures: 5 } });
  const open = async (path: string, mobile = false): Promise<Page> =>
    (await suite.open(path, { mobile })).page;

  /**
   * The user's トークン動作確認 on the home page (the step-up with no operation behind it): the
   * server's answer, 'ok' or the problem's code, once the page has shown the outcome.
   */
  async function stepUp(page: Page, otp: string): Promise<string> {
    const section = page.getByTestId('token-check');
    const opener = section.getByTestId('token-check-open');
    if ((await opener.count()) > 0) await opener.click();
    await section.getByTestId('token-check-otp').fill(otp);
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/otp/check'));
    await section.getByTestId('token-check-submit').click();
    const answer = await answered;
    const code = answer.ok() ? 'ok' : ((await answer.json()) as { code: string }).code;
    // What the page shows: the result, the error in the box, or (A2) the home page's 利用中止.
    if (code === 'ok') await section.getByTestId('token-check-result').waitFor();
    else if (code === 'otp.user_suspended') await page.getByTestId('suspension').waitFor();
    else {
      await expect.poll(() => section.getByTestId('error').getAttribute('data-code')).toBe(code);
    }
    return code;
  }

  test('T5 T8 R1 R2 M2 A2 L1: activate, register, step up, lock after five wrong OTPs, unlock', async () => {
    // Token app (T5, T8): first visit activates and shows serial, OTP and the countdown.
    const token = await open('/token', true);
    await shot(token, '01-token-first-visit');
    await token.getByTestId('activate').click();
    await token.getByTestId('otp').waitFor();
    const serial = (await token.getByTestId('serial').textContent()) ?? '';
    expect(serial).toMatch(/^SKTS[0-9A-Z]{8}$/);
    expect(await token.getByTestId('otp').textContent()).toMatch(/^\d{6}$/);
    expect(Number(await token.getByTestId('seconds').textContent())).toBeGreaterThan(0);
    await shot(token, '02-token-otp');

    // The administrator registers the token for user1 (R1, R2: serial + current OTP + contract PIN).
    const admin = await open('/');
    await shot(admin, '03-login');
    await login(admin, demoBank.admin);
    await shot(admin, '04-admin-home');
    await openUsers(admin);
    await shot(admin, '05-users');
    await admin.getByTestId('register-open').click();
    await admin.getByTestId(`register-user-${user1.loginId}`).check();
    await admin.getByTestId('register-serial').fill(serial);
    const registrationOtp = (await token.getByTestId('otp').textContent()) ?? '';
    await admin.getByTestId('register-otp').fill(registrationOtp);
    await admin.getByTestId('register-pin').fill(demoBank.contractPin);
    await shot(admin, '06-register');
    await admin.getByTestId('register-submit').click();
    await admin.getByTestId('notice').waitFor();
    await expect.poll(() => admin.getByTestId(`user-serial-${user1.loginId}`).textContent()).toBe(serial);
    await shot(admin, '07-registered');

    // The user steps up with the next code (the registration consumed the current one, T2).
    const user = await open('/');
    await login(user, user1);
    expect(await user.getByTestId('me-serial').textContent()).toContain(serial);
    await shot(user, '08-user-home');
    const firstCode = await nextOtp(token, registrationOtp);
    expect(await stepUp(user, firstCode)).toBe('ok');
    await shot(user, '09-step-up-ok');

    // Five wrong OTPs put the user in 利用中止 (A2).
    const wrong = String((Number(firstCode) + 500_000) % 1_000_000).padStart(6, '0');
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) outcomes.push(await stepUp(user, wrong));
    expect(outcomes).toEqual([
      'otp.invalid',
      'otp.invalid',
      'otp.invalid',
      'otp.invalid',
      'otp.user_suspended',
    ]);
    // The home page says so, and offers no check (nor any OTP operation) while it lasts.
    await expect.poll(() => user.getByTestId('me-token-state').getAttribute('data-state')).toBe('suspended');
    expect(await user.getByTestId('token-check').count()).toBe(0);
    expect(await user.getByTestId('menu-transfer').isDisabled()).toBe(true);
    await shot(user, '10-suspended');

    // The administrator lifts it with the contract PIN (利用中止解除).
    await admin.reload(); // stays on 利用者情報登録／変更 (#/users)
    await admin.getByTestId('users-table').waitFor();
    await expect
      .poll(() => admin.getByTestId(`user-status-${user1.loginId}`).textContent())
      .toContain('利用中止');
    await shot(admin, '11-admin-sees-suspension');
    await admin.getByTestId(`unlock-${user1.loginId}`).click();
    await admin.getByTestId('unlock-pin').fill(demoBank.contractPin);
    await admin.getByTestId('unlock-submit').click();
    await admin.getByTestId('notice').waitFor();
    await expect
      .poll(() => admin.getByTestId(`user-status-${user1.loginId}`).textContent())
      .not.toContain('利用中止');
    await shot(admin, '12-unlocked');

    // …and the user's next screen shows it (the session is asked again), and the next code works.
    await user.getByTestId('menu-balance').click();
    await user.getByTestId('accounts-table').waitFor();
    await user.goBack();
    await expect.poll(() => user.getByTestId('me-token-state').getAttribute('data-state')).toBe('active');
    const secondCode = await nextOtp(token, firstCode);
    expect(await stepUp(user, secondCode)).toBe('ok');
    await shot(user, '13-step-up-after-unlock');

    // The bank reads the audit log and verifies its chain (L1).
    const bank = await open('/bank');
    await bankLogin(bank);
    await bank.getByTestId('nav-audit').click();
    await bank.getByTestId('audit-table').waitFor();
    await bank.getByTestId('audit-verify').click();
    await expect.poll(() => bank.getByTestId('audit-verify-result').getAttribute('data-ok')).toBe('true');
    await shot(bank, '14-bank-audit');
  }, 240_000);
});
