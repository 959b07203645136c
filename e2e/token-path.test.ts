/**
 * The software-token path of the notice, end to end in chromium: activate in the token app,
 * register as administrator, step up as the user, five wrong OTPs lock the user, the
 * administrator unlocks, the bank reads and verifies the audit log. Screenshots of each screen
 * land in test-results/screenshots.
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

  async function stepUp(page: Page, otp: string): Promise<string> {
    const section = page.getByTestId('stepup');
    await section.getByTestId('stepup-otp').fill(otp);
    await section.getByTestId('stepup-submit').click();
    const outcome = section.locator('[data-testid="stepup-result"], [data-testid="error"]');
    await outcome.first().waitFor();
    const err = section.getByTestId('error');
    return (await err.count()) > 0 ? ((await err.getAttribute('data-code')) ?? 'error') : 'ok';
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

    // …and the user's next code works again.
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
