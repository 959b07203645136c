/**
 * What a person does on the customer site around a 振込・振替, shared by the browser tests
 * (transfers.test.ts, approvals.test.ts): log in, issue a ア～ク card, enter a 振替 between the
 * contract's own accounts and answer the confirmation panel.
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
export const parseYenText = (s: string | null) => Number((s ?? '').replace(/[¥,]/g, ''));

/** Logs in to the customer site as one of the demo contract's users. */
export async function login(page: Page, who: { loginId: string; password: string }): Promise<void> {
  await page.getByTestId('login-contract').fill(demoBank.contract.contractNumber);
  await page.getByTestId('login-user').fill(who.loginId);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await expect.poll(() => page.getByTestId('logout').isVisible()).toBe(true);
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
