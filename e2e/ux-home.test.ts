/**
 * Issue 9 items 4, 5 and 8 in chromium: 利用中止 shown once with the OTP operations closed (A2),
 * トークン動作確認 as the user's own choice (audited as token.check), and the idle warning with
 * 延長 and the immediate notice at the end (A4). Screenshots in test-results/screenshots (9.x-…).
 */
import { demoBank } from '@kinko/core';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserSuite, nextOtp, shot } from './browser.ts';
import { bankLogin, enterOwnAccountTransfer, login, registerToken } from './transfer-steps.ts';

const user1 = demoBank.users[0];
const user2 = demoBank.users[1];
const wrongOf = (code: string) => String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');

/** The home page's 利用状況 and how often the page speaks of 利用中止 as a notice. */
async function homeState(page: Page) {
  return {
    state: await page.getByTestId('me-token-state').getAttribute('data-state'),
    stateText: await page.getByTestId('me-token-state').textContent(),
    notices: await page.getByTestId('suspension').count(),
    errors: await page.getByTestId('error').count(),
    transferDisabled: await page.getByTestId('menu-transfer').isDisabled(),
    tokenCheck: await page.getByTestId('token-check').count(),
  };
}

/** The session's CSRF token, read as the site reads it. */
async function csrfOf(page: Page): Promise<string> {
  const answer = await page.request.get('/api/v1/session');
  return ((await answer.json()) as { csrfToken: string }).csrfToken;
}

describe('the customer home in the browser (issue 9 items 4, 5)', () => {
  const suite = browserSuite({ config: { sameDayCutoff: '23:59', maxOtpFailures: 5 }, timeout: 120_000 });
  const open = async (path: string, mobile = false): Promise<Page> =>
    (await suite.open(path, { mobile })).page;

  test('9.5 トークン動作確認 is opt-in and explained, absent without a token, and audited as token.check', async () => {
    // The administrator has no token: no step-up box, no red error on the home page.
    const admin = await open('/');
    await login(admin, demoBank.admin);
    await admin.getByTestId('me-token-state').waitFor();
    expect(await admin.getByTestId('me-token-state').getAttribute('data-state')).toBe('unregistered');
    expect(await admin.getByTestId('token-check').count()).toBe(0);
    expect(await admin.getByTestId('error').count()).toBe(0);
    expect(await admin.getByTestId('stepup').count()).toBe(0);
    await shot(admin, '9.5-admin-home-without-token');

    // user1 gets a token; the home page offers the check, closed until asked for, and says what it does.
    const tokenApp = await open('/token', true);
    const admin2 = await open('/');
    const registrationCode = await registerToken(tokenApp, admin2, user1.loginId);
    const user = await open('/');
    await login(user, user1);
    const check = user.getByTestId('token-check');
    await check.waitFor();
    expect(await check.textContent()).toContain('お取引は行われません');
    expect(await check.textContent()).toContain('使用済み');
    expect(await check.getByTestId('token-check-otp').count()).toBe(0);
    expect(await user.getByTestId('error').count()).toBe(0);
    await shot(user, '9.5-user-home-token-check-closed');

    await check.getByTestId('token-check-open').click();
    const code = await nextOtp(tokenApp, registrationCode);
    await check.getByTestId('token-check-otp').fill(code);
    await shot(user, '9.5-token-check-open');
    await check.getByTestId('token-check-submit').click();
    await check.getByTestId('token-check-result').waitFor();
    await shot(user, '9.5-token-check-ok');

    // The code is used up (T2): an operation's step-up with it is a replay.
    const replay = await user.request.post('/api/v1/step-up', {
      data: { otp: code, purpose: 'transfer' },
      headers: { 'X-CSRF-Token': await csrfOf(user) },
    });
    expect(replay.status()).toBe(403);
    expect(((await replay.json()) as { code: string }).code).toBe('otp.replayed');

    // A wrong code is refused and counted, in the check's own box.
    await check.getByTestId('token-check-otp').fill(wrongOf(code));
    await check.getByTestId('token-check-submit').click();
    await expect.poll(() => check.getByTestId('error').getAttribute('data-code')).toBe('otp.invalid');
    expect(await check.getByTestId('error').textContent()).toContain('残り4回');

    // The bank's audit log holds the checks as token.check, apart from operations' step-ups.
    const bank = await open('/bank');
    await bankLogin(bank);
    await bank.getByTestId('nav-audit').waitFor();
    const audit = await bank.request.get(
      `/api/v1/bank/audit?contractNumber=${demoBank.contract.contractNumber}&limit=50`,
    );
    const items = ((await audit.json()) as { items: { action: string; outcome: string }[] }).items;
    const checks = items.filter((i) => i.action === 'token.check').map((i) => i.outcome);
    expect(checks.sort()).toEqual(['failure', 'success']);
  }, 180_000);

  test('9.4 A2 a suspended user sees 利用中止 once, with what to do, and no OTP operation', async () => {
    const tokenApp = await open('/token', true);
    const admin = await open('/');
    const registrationCode = await registerToken(tokenApp, admin, user2.loginId);
    const user = await open('/');
    await login(user, user2);
    expect((await homeState(user)).state).toBe('active');

    // Five wrong OTPs in a transfer's confirmation: the fifth suspends (A2).
    const { panel } = await enterOwnAccountTransfer(user, '1,000');
    const wrong = wrongOf(await nextOtp(tokenApp, registrationCode));
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      await panel.getByTestId('confirm-otp').fill(wrong);
      const answered = user.waitForResponse((r) => r.request().method() === 'POST' && r.status() >= 400);
      await panel.getByTestId('confirm-submit').click();
      codes.push(((await (await answered).json()) as { code: string }).code);
    }
    expect(codes).toEqual(['otp.invalid', 'otp.invalid', 'otp.invalid', 'otp.invalid', 'otp.user_suspended']);

    // Back on the home page the session is asked again: 利用中止, said once, with what to do.
    await user.getByTestId('back-home').click();
    await expect.poll(async () => (await homeState(user)).state).toBe('suspended');
    const home = await homeState(user);
    expect(home).toEqual({
      state: 'suspended',
      stateText: '利用中止',
      notices: 1,
      errors: 0,
      transferDisabled: true,
      tokenCheck: 0,
    });
    expect(await user.getByTestId('suspension-what').textContent()).toContain(
      '管理者に利用中止解除を依頼してください',
    );
    expect(await user.getByTestId('menu-transfer-closed').textContent()).toContain('利用中止');
    // 照会 stays open; approvals and scheduled transfers are view-only.
    expect(await user.getByTestId('menu-balance').isDisabled()).toBe(false);
    expect(await user.getByTestId('menu-approvals-closed').textContent()).toContain('照会のみ');
    await shot(user, '9.4-suspended-home-desktop');

    // 振込・振替 by its address: the notice, not a form to fill in vain.
    await user.evaluate(() => {
      location.hash = '#/transfer';
    });
    await user.getByTestId('closed-back').waitFor();
    expect(await user.getByTestId('transfer-form').count()).toBe(0);
    expect(await user.getByTestId('suspension').count()).toBe(1);
    await shot(user, '9.4-suspended-transfer-closed');
    await user.getByTestId('closed-back').click();

    // Logging in again (on a phone) shows the same, once.
    const phone = await open('/', true);
    await login(phone, user2);
    await phone.getByTestId('suspension').waitFor();
    expect(await homeState(phone)).toEqual(home);
    await shot(phone, '9.4-suspended-home-phone');

    // The administrator's home names the suspended user and leads to 利用中止解除.
    await admin.evaluate(() => {
      location.hash = '';
    });
    const suspendedUsers = admin.getByTestId('suspended-users');
    await suspendedUsers.waitFor();
    expect(await suspendedUsers.getByTestId(`suspended-user-${user2.loginId}`).textContent()).toContain(
      user2.loginId,
    );
    await shot(admin, '9.4-admin-home-names-suspended-user');
    await suspendedUsers.getByTestId('suspended-users-open').click();
    await admin.getByTestId('users-table').waitFor();
    await expect
      .poll(() => admin.getByTestId(`user-status-${user2.loginId}`).textContent())
      .toContain('利用中止');
    expect(await admin.getByTestId(`unlock-${user2.loginId}`).isVisible()).toBe(true);
    await shot(admin, '9.4-admin-sees-suspension');
    await admin.getByTestId(`unlock-${user2.loginId}`).click();
    await admin.getByTestId('unlock-pin').fill(demoBank.contractPin);
    await admin.getByTestId('unlock-submit').click();
    await admin.getByTestId('notice').waitFor();
    await admin.evaluate(() => {
      location.hash = '';
    });
    await admin.getByTestId('me-token-state').waitFor();
    expect(await admin.getByTestId('suspended-users').count()).toBe(0);

    // The user's next screen shows it lifted, without logging in again.
    await user.getByTestId('menu-balance').click();
    await user.getByTestId('accounts-table').waitFor();
    await user.goBack();
    await expect.poll(async () => (await homeState(user)).state).toBe('active');
    expect(await homeState(user)).toMatchObject({ notices: 0, transferDisabled: false, tokenCheck: 1 });
    await shot(user, '9.4-unlocked-home');
  }, 240_000);
});

describe('the idle timeout in the browser (issue 9 item 8)', () => {
  // A4 with a short idle timeout, so that the warning (a minute before the end) comes soon.
  const idle = 75_000;
  const suite = browserSuite({ config: { sameDayCutoff: '23:59', sessionIdleMs: idle }, timeout: 120_000 });

  test('9.8 A4 a minute before the idle timeout a warning offers 延長; at the end the site says so at once', async () => {
    const { page } = await suite.open('/');
    await login(page, user1);
    // The user is filling a transfer when the warning comes.
    await page.getByTestId('menu-transfer').click();
    await page.getByTestId('transfer-form').waitFor();
    await page.getByTestId('transfer-amount').fill('12,345');
    const warning = page.getByTestId('idle-warning');
    await warning.waitFor({ timeout: idle });
    expect(await warning.textContent()).toContain('延長');
    await shot(page, '9.8-idle-warning');

    // 延長 asks the server, which starts the whole timeout again; the input stays.
    const extended = page.waitForResponse((r) => r.url().endsWith('/api/v1/session/extend'));
    await warning.getByTestId('idle-extend').click();
    const answer = await extended;
    expect(answer.status()).toBe(200);
    expect(await answer.json()).toMatchObject({ idleTimeoutMs: idle, expiresInMs: idle });
    await warning.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('transfer-amount').inputValue()).toBe('12,345');
    await shot(page, '9.8-extended');

    // Nobody answers the next warning: the site says at once that the session has ended.
    await warning.waitFor({ timeout: idle });
    const ended = page.locator('[data-testid="error"][data-code="auth.session_expired"]');
    await ended.waitFor({ timeout: idle + 30_000 });
    expect(await ended.textContent()).toContain('ログアウトしました');
    expect(await page.getByTestId('login-submit').isVisible()).toBe(true);
    expect(await page.getByTestId('idle-warning').count()).toBe(0);
    await shot(page, '9.8-session-ended');
    // It has ended on the server too.
    expect((await page.request.get('/api/v1/session')).status()).toBe(401);

    // …and the user logs in again from there.
    await login(page, user1);
    await page.getByTestId('me-token-state').waitFor();
  }, 300_000);
});
