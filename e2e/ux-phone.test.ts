/**
 * Issue 9.9: every customer screen on a 390×844 phone, as the demo administrator and a user:
 * the page never scrolls sideways, no table cell clips its text (a table becomes one card per
 * row), nothing sticks out of the screen. A screenshot per screen: 9.9-<screen>.
 */
import { demoBank, jstDate } from '@kinko/core';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserSuite, shot } from './browser.ts';
import {
  fillPinAndCard,
  issueCard,
  login,
  openTransferForm,
  openUsers,
  sameDayOpenNow,
} from './transfer-steps.ts';

const user2 = demoBank.users[1] as (typeof demoBank.users)[1];
const phoneWidth = 390;

/** What does not fit on the phone: the page's width, clipped cells, elements beyond the edge. */
async function misfits(page: Page): Promise<{ pageWidth: number; clipped: string[]; outside: string[] }> {
  return page.evaluate((width) => {
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && getComputedStyle(e).visibility !== 'hidden';
    };
    const describe = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''} «${(e.textContent ?? '').trim().slice(0, 40)}»`;
    const clipped: string[] = [];
    for (const cell of document.querySelectorAll('tbody td, tbody th, tfoot td, tfoot th')) {
      const e = cell as HTMLElement;
      if (visible(e) && e.scrollWidth > e.clientWidth + 1) clipped.push(describe(e));
    }
    const outside: string[] = [];
    for (const el of document.querySelectorAll('main *, header *')) {
      if (!visible(el) || el.closest('thead')) continue;
      // Content that scrolls inside a wrapper of its own is not outside the screen.
      const wrap = el.closest('.table-wrap');
      if (wrap && wrap !== el) continue;
      if (el.getBoundingClientRect().right > width + 0.5) outside.push(describe(el));
    }
    return { pageWidth: document.documentElement.scrollWidth, clipped, outside: outside.slice(0, 10) };
  }, phoneWidth);
}

/** Asserts the screen fits the phone and saves its screenshot 9.9-<screen>. */
async function fits(page: Page, screen: string): Promise<void> {
  await shot(page, `9.9-${screen}`);
  const m = await misfits(page);
  expect(m, screen).toEqual({ pageWidth: expect.any(Number), clipped: [], outside: [] });
  expect(m.pageWidth, screen).toBeLessThanOrEqual(phoneWidth);
}

describe('9.9 every customer screen at 390 px (sqlite)', () => {
  const { open } = browserSuite({ config: { sameDayCutoff: '23:59' }, timeout: 120_000 });
  let card: Record<string, string> = {};

  test('9.9 the administrator: login, home, balances, statement, users, registration, card, usage mode, limits, privileges, approval settings, approvals', async () => {
    const { page, errors } = await open('/', { mobile: true });
    await page.getByTestId('login-contract').waitFor();
    await fits(page, 'login');
    await login(page, demoBank.admin);
    await fits(page, 'home-admin');
    await page.getByTestId('password-open').click();
    await page.getByTestId('password-current').waitFor();
    await fits(page, 'home-password-change');

    await page.getByTestId('menu-balance').click();
    await page.getByTestId('accounts-table').waitFor();
    await fits(page, 'balances');
    // The balance and 口座名義 read whole: no cell is cut (「¥12,290,」) and the name is one line.
    const balance = page.locator('[data-testid^="account-balance-"]').first();
    expect(await balance.textContent()).toMatch(/^¥[\d,]+$/);
    const box = await balance.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? phoneWidth + 1)).toBeLessThanOrEqual(phoneWidth); // seen without scrolling
    const holder = page.locator('[data-testid^="account-row-"] .kana').first();
    const lineHeight = await holder.evaluate((e) => Number.parseFloat(getComputedStyle(e).lineHeight));
    expect((await holder.boundingBox())?.height ?? 0).toBeLessThan(lineHeight * 2 + 8 + 1);

    await page.locator('[data-testid^="account-statement-"]').first().click();
    await page.getByTestId('statement-table').waitFor();
    await fits(page, 'statement');

    await page.getByTestId('back-home').click();
    await openUsers(page);
    await fits(page, 'admin-users');
    card = await issueCard(page, user2.loginId);
    await fits(page, 'admin-card');
    // Each value of the card reads as one number: on one line, not a digit a line.
    for (const position of Object.keys(card)) {
      const cell = page.getByTestId(`card-${position}`);
      const line = await cell.evaluate((e) => Number.parseFloat(getComputedStyle(e).lineHeight));
      expect((await cell.boundingBox())?.height ?? 0, position).toBeLessThan(line * 2);
    }
    await page.getByTestId(`edit-${user2.loginId}`).click();
    await page.getByTestId('edit-name').waitFor();
    await fits(page, 'admin-edit-user');
    await page.getByTestId('add-open').click();
    await page.getByTestId('add-loginid').waitFor();
    await fits(page, 'admin-add-user');

    await page.goto('/#users/register');
    await page.getByTestId('register-serial').waitFor();
    await fits(page, 'admin-register');
    await page.goto('/#users/mode');
    await page.getByTestId('usage-mode-pin').or(page.locator('form')).first().waitFor();
    await fits(page, 'admin-usage-mode');

    for (const [route, screen] of [
      ['admin/limits', 'admin-limits'],
      ['admin/privileges', 'admin-privileges'],
      ['admin/approval', 'admin-approval-settings'],
      ['approvals', 'approvals-admin'],
      ['payees', 'payees-admin'],
      ['transfers/scheduled', 'scheduled-admin'],
    ] as const) {
      await page.goto(`/#${route}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expect.poll(() => page.locator('.loading').count()).toBe(0);
      await fits(page, screen);
    }
    expect(errors).toEqual([]);
  }, 180_000);

  test('9.9 a user: home, transfer entry, confirmation and result, scheduled, payees (with one added), approvals, in Japanese and English', async () => {
    expect(Object.keys(card)).not.toHaveLength(0);
    const { page, errors } = await open('/', { mobile: true });
    await login(page, user2);
    await fits(page, 'home-user');

    await openTransferForm(page);
    await page.getByTestId('payee-tab-own').click();
    await page.locator('[data-testid^="payee-own-"]').first().check();
    await page.getByTestId('transfer-amount').fill('1,000');
    await page.getByTestId('transfer-date').fill(jstDate(Date.now()));
    await fits(page, 'transfer-entry');
    await page.getByTestId('payee-tab-typed').click();
    await fits(page, 'transfer-entry-typed');
    await page.getByTestId('payee-tab-own').click();
    await page.locator('[data-testid^="payee-own-"]').first().check();
    await page.getByTestId('transfer-submit').click();
    if (!sameDayOpenNow()) await page.getByTestId('transfer-next-date').click();
    const panel = page.getByTestId('confirm-panel');
    await panel.waitFor();
    await fillPinAndCard(panel, user2.confirmPin, card);
    await fits(page, 'transfer-confirm');
    await panel.getByTestId('confirm-submit').click();
    await page.getByTestId('transfer-done').waitFor();
    await fits(page, 'transfer-result');

    await page.goto('/#transfers/scheduled');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => page.locator('.loading').count()).toBe(0);
    await fits(page, 'scheduled');

    await page.goto('/#payees');
    await page.getByTestId('add-payee-bank').fill('0005');
    await page.getByTestId('add-payee-branch').fill('001');
    await page.getByTestId('add-payee-number').fill('1234567');
    await page.getByTestId('add-payee-name').fill('カブシキガイシャ　トリヒキサキショウジ');
    await page.getByTestId('add-payee-nickname').fill('仕入先（本社・経理部宛て）');
    await page.getByTestId('add-payee-submit').click();
    await page.getByTestId('saved-payee-row-0005-001-1234567').waitFor();
    await fits(page, 'payees');

    await page.goto('/#approvals');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => page.locator('.loading').count()).toBe(0);
    await fits(page, 'approvals');

    // English labels are longer: the balances again, in English.
    await page.getByTestId('lang-toggle').click();
    await page.goto('/#accounts');
    await page.getByTestId('accounts-table').waitFor();
    await fits(page, 'balances-en');
    await page.getByTestId('lang-toggle').click();
    expect(errors).toEqual([]);
  }, 180_000);
});
