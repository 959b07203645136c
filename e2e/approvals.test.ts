/**
 * 承認 end to end in chromium (M5, M5a, M5b): the administrator sets 承認設定 to ダブル承認（順序なし）
 * with 「依頼者と承認者は別の利用者とする」 and gives user2 and itself the 承認 privilege in
 * 利用者権限設定; user1 enters a 振替 between the contract's own accounts and confirms it with
 * 利用者確認暗証番号 and the ア～ク card (R4) → 承認待ち; user2 approves with its own card → still 承認待ち (承認 1/2);
 * the administrator approves with its own → 処理済 and 残高照会 shows the movement. Screenshots
 * land in test-results/screenshots (approvals-…).
 *
 * The clock is real and the server runs with sameDayCutoff 23:59 as in transfers.test.ts: when
 * today (JST) is not a business day the 振替 is dated the next business day and the approved
 * transfer is 予約中 with the balances unchanged. Both branches assert behaviour; nothing is skipped.
 */
import { demoBank, jstDate, nextBusinessDay } from '@kinko/core';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserSuite, shot } from './browser.ts';
import {
  cardPositions,
  enterOwnAccountTransfer,
  fillPinAndCard,
  issueCard as issueCardShown,
  login,
  openTransferForm,
  readBalances,
  submitConfirmation,
} from './transfer-steps.ts';

const [user1, user2] = demoBank.users;
const adminConfirmPin = '3737';

describe('approvals in the browser (sqlite)', () => {
  const { open } = browserSuite({ config: { sameDayCutoff: '23:59' }, timeout: 120_000 });

  async function home(page: Page): Promise<void> {
    await page.goto('/');
    await page.getByTestId('transfer-menu').waitFor();
  }

  async function adminMenu(page: Page, item: string): Promise<void> {
    await home(page);
    await page.getByTestId('admin-menu').click();
    await page.getByTestId(item).click();
  }

  /** The administrator issues a user's ア～ク card, reads it off the screen and closes it. */
  async function issueCard(admin: Page, loginId: string): Promise<Record<string, string>> {
    const card = await issueCardShown(admin, loginId);
    await admin.getByTestId('card-close').click();
    await admin.getByTestId('users-table').waitFor();
    return card;
  }

  async function balances(page: Page): Promise<Map<string, number>> {
    await home(page);
    return readBalances(page);
  }

  /** The administrator's own 利用者確認暗証番号 (it approves with PIN and card, R4). */
  async function setAdminConfirmPin(admin: Page): Promise<void> {
    await admin.getByTestId(`confirmpin-${demoBank.admin.loginId}`).click();
    await admin.getByTestId('confirmpin-value').fill(adminConfirmPin);
    await admin.getByTestId('confirmpin-pin').fill(demoBank.contractPin);
    await admin.getByTestId('confirmpin-submit').click();
    await admin.getByTestId('notice').waitFor();
  }

  /** 承認設定 with 「依頼者と承認者は別の利用者とする」; returns the mode shown before the change. */
  async function setApprovalMode(admin: Page, mode: string): Promise<string | null> {
    await adminMenu(admin, 'menu-approval');
    await admin.getByTestId('approval-current').waitFor();
    const before = await admin.getByTestId('approval-current').getAttribute('data-mode');
    await admin.getByTestId(`approval-mode-${mode}`).check();
    await admin.getByTestId('approval-must-differ').check();
    await admin.getByTestId('approval-settings-pin').fill(demoBank.contractPin);
    await admin.getByTestId('approval-settings-submit').click();
    await admin.getByTestId('notice').waitFor();
    return before;
  }

  /** 利用者権限設定: gives the user 承認 (on the privileges screen); `filled` runs before 登録. */
  async function grantApprove(admin: Page, loginId: string, filled?: () => Promise<void>): Promise<void> {
    await admin.getByTestId(`privileges-edit-${loginId}`).click();
    await admin.getByTestId('privileges-panel').waitFor();
    await admin.getByTestId('privilege-approve').check();
    await filled?.();
    await admin.getByTestId('privileges-pin').fill(demoBank.contractPin);
    await admin.getByTestId('privileges-submit').click();
    await admin.getByTestId('privileges-table').waitFor();
  }

  /** 承認 from the inbox with the approver's PIN and the card position asked (M5a, M5b). */
  async function approve(
    page: Page,
    receipt: string,
    card: Record<string, string>,
    pin: string,
  ): Promise<void> {
    await home(page);
    await page.getByTestId('menu-approvals').click();
    const row = page.getByTestId(`approval-row-inbox-${receipt}`);
    await row.waitFor();
    await page.getByTestId(`approval-approve-${receipt}`).click();
    const panel = page.getByTestId('approval-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('approval-receipt').textContent()).toBe(receipt);
    const position = (await panel.getByTestId('approval-position').textContent()) ?? '';
    expect(cardPositions).toContain(position);
    await panel.getByTestId('approval-pin').fill(pin);
    await panel.getByTestId('approval-card').fill(card[position] ?? '');
    await panel.getByTestId('approval-proof-submit').click();
    await page.getByTestId('approvals-notice').waitFor();
    expect(await page.getByTestId('approvals-notice').textContent()).toBe('承認しました。');
  }

  async function myState(page: Page, receipt: string): Promise<string | null> {
    await home(page);
    await page.getByTestId('menu-approvals').click();
    const badge = page.getByTestId(`approval-state-mine-${receipt}`);
    await badge.waitFor();
    return badge.getAttribute('data-state');
  }

  test('M5a: a double approval', async () => {
    // ── The administrator: cards, its own 利用者確認暗証番号, 承認設定 and 利用者権限設定.
    const { page: admin, errors: adminErrors } = await open('/');
    await login(admin, demoBank.admin);
    await adminMenu(admin, 'menu-users');
    await admin.getByTestId('users-table').waitFor();
    const card1 = await issueCard(admin, user1.loginId);
    const card2 = await issueCard(admin, user2.loginId);
    const cardA = await issueCard(admin, demoBank.admin.loginId);
    await setAdminConfirmPin(admin);

    expect(await setApprovalMode(admin, 'double_unordered')).toBe('none');
    expect(await admin.getByTestId('approval-current').getAttribute('data-mode')).toBe('double_unordered');
    expect(await admin.getByTestId('approval-current').getAttribute('data-must-differ')).toBe('true');
    expect(await admin.getByTestId('approval-current').textContent()).toContain('ダブル承認（順序なし）');
    await shot(admin, 'approvals-01-settings');

    await adminMenu(admin, 'menu-limits');
    await admin.getByTestId('limits-form').waitFor();
    expect(await admin.getByTestId('bank-limit-per-transfer').textContent()).toMatch(/^¥[\d,]+$/);
    await shot(admin, 'approvals-02-limits');

    await adminMenu(admin, 'menu-privileges');
    await admin.getByTestId('privileges-table').waitFor();
    for (const loginId of [user2.loginId, demoBank.admin.loginId]) {
      await grantApprove(admin, loginId, async () => {
        if (loginId === user2.loginId) await shot(admin, 'approvals-03-privileges-form');
      });
      expect(
        (await admin.getByTestId(`privileges-of-${loginId}`).getAttribute('data-privileges')) ?? '',
      ).toContain('approve');
    }
    await shot(admin, 'approvals-04-privileges');

    // ── user1 enters a 振替 between the contract's own accounts and confirms it → 承認待ち.
    const { page: site1, errors: errors1 } = await open('/');
    await login(site1, user1);
    const before = await balances(site1);
    await home(site1);
    const { panel, sameDay: open_ } = await enterOwnAccountTransfer(site1, '3000');
    await fillPinAndCard(panel, user1.confirmPin, card1);
    await submitConfirmation(site1);
    const receipt = (await site1.getByTestId('receipt-number').textContent()) ?? '';
    expect(receipt).toMatch(/\S+/);
    expect(await site1.getByTestId('approval-state').getAttribute('data-state')).toBe('pending_approval');
    expect(await site1.getByTestId('approval-state').textContent()).toBe('承認待ち');
    expect(await site1.getByTestId('transfer-status').count()).toBe(0);
    await shot(site1, 'approvals-05-done-awaiting');
    // Nothing moved yet.
    expect(await balances(site1)).toEqual(before);
    expect(await myState(site1, receipt)).toBe('pending_approval');
    expect(await site1.getByTestId(`approval-withdraw-${receipt}`).isVisible()).toBe(true);

    // ── user2 approves with its own card → still waiting for the second approval.
    const { page: site2, errors: errors2 } = await open('/');
    await login(site2, user2);
    await approve(site2, receipt, card2, user2.confirmPin);
    await shot(site2, 'approvals-06-first-approved');
    // ダブル承認（順序なし）: still 承認待ち, with one of the two approvals given.
    expect(await myState(site1, receipt)).toBe('pending_approval');
    expect(await site1.getByTestId(`approval-state-mine-${receipt}`).textContent()).toBe('承認待ち');
    const progress = site1.getByTestId(`approval-progress-mine-${receipt}`);
    expect(await progress.getAttribute('data-count')).toBe('1');
    expect(await progress.textContent()).toBe('（承認 1/2）');
    // user2 may not approve twice: its inbox offers 承認取消 instead of 承認.
    await home(site2);
    await site2.getByTestId('menu-approvals').click();
    await site2.getByTestId('approvals-screen').waitFor();
    await site2.getByTestId('approvals-refresh').click();
    expect(await site2.getByTestId(`approval-approve-${receipt}`).count()).toBe(0);
    expect(await balances(site1)).toEqual(before);

    // ── The administrator approves with its own card → 処理済 (or 予約中 when today is not a business day).
    await approve(admin, receipt, cardA, adminConfirmPin);
    await shot(admin, 'approvals-07-final-approved');
    // A transfer dated later stays 承認済 until the job processes it on its value date.
    expect(await myState(site1, receipt)).toBe(open_ ? 'processed' : 'approved');
    const transferBadge = site1.getByTestId(`approval-transfer-mine-${receipt}`);
    const transferStatus = await transferBadge.getAttribute('data-status');
    const transferText = await transferBadge.textContent();
    await shot(site1, 'approvals-08-mine-processed');
    const after = await balances(site1);
    await shot(site1, 'approvals-09-balances');
    if (open_) {
      expect(transferStatus).toBe('completed');
      expect(transferText).toBe('処理済');
      const changes = [...after].map(([k, v]) => v - (before.get(k) ?? 0)).filter((d) => d !== 0);
      expect(changes.sort((a, b) => a - b)).toEqual([-3000, 3000]);
    } else {
      expect(transferStatus).toBe('scheduled');
      expect(transferText).toBe('予約中');
      expect(after).toEqual(before);
    }
    expect([...adminErrors, ...errors1, ...errors2]).toEqual([]);
  }, 300_000);

  test('M5a: 承認取消 of an approved scheduled transfer', async () => {
    // ── The administrator: シングル承認 (requester and approver differ), its own card, PIN and 承認 privilege.
    const { page: admin, errors: adminErrors } = await open('/');
    await login(admin, demoBank.admin);
    await adminMenu(admin, 'menu-users');
    await admin.getByTestId('users-table').waitFor();
    const card1 = await issueCard(admin, user1.loginId);
    const cardA = await issueCard(admin, demoBank.admin.loginId);
    await setAdminConfirmPin(admin);
    await setApprovalMode(admin, 'single');
    expect(await admin.getByTestId('approval-current').getAttribute('data-mode')).toBe('single');
    await adminMenu(admin, 'menu-privileges');
    await grantApprove(admin, demoBank.admin.loginId);

    // ── user1 enters a 振替 dated the next business day and confirms it → 承認待ち.
    const { page: site1, errors: errors1 } = await open('/');
    await login(site1, user1);
    const before = await balances(site1);
    await home(site1);
    await openTransferForm(site1);
    await site1.getByTestId('payee-tab-own').click();
    await site1.locator('[data-testid^="payee-own-"]').first().check();
    await site1.getByTestId('transfer-amount').fill('4000');
    await site1.getByTestId('transfer-date').fill(nextBusinessDay(jstDate(Date.now())));
    await site1.getByTestId('transfer-submit').click();
    const panel = site1.getByTestId('confirm-panel');
    await panel.waitFor();
    await fillPinAndCard(panel, user1.confirmPin, card1);
    await submitConfirmation(site1);
    const receipt = (await site1.getByTestId('receipt-number').textContent()) ?? '';
    expect(await site1.getByTestId('approval-state').getAttribute('data-state')).toBe('pending_approval');

    // ── The administrator approves → 承認済, the transfer 予約中; its inbox now offers 承認取消.
    await approve(admin, receipt, cardA, adminConfirmPin);
    expect(await myState(site1, receipt)).toBe('approved');
    expect(await site1.getByTestId(`approval-state-mine-${receipt}`).textContent()).toBe('承認済');
    expect(await site1.getByTestId(`approval-transfer-mine-${receipt}`).getAttribute('data-status')).toBe(
      'scheduled',
    );
    // 振込予約照会 shows it 予約中 and 承認済, with no 取消 for the requester: that is the approver's.
    await home(site1);
    await site1.getByTestId('menu-scheduled').click();
    await site1.getByTestId(`scheduled-row-${receipt}`).waitFor();
    expect(await site1.getByTestId(`scheduled-approval-${receipt}`).textContent()).toBe('承認済');
    expect(await site1.getByTestId(`scheduled-cancel-${receipt}`).count()).toBe(0);
    expect(await site1.getByTestId(`scheduled-approved-${receipt}`).textContent()).toContain('承認取消');
    await shot(site1, 'approvals-10a-scheduled-approved');
    await home(admin);
    await admin.getByTestId('menu-approvals').click();
    await admin.getByTestId(`approval-row-inbox-${receipt}`).waitFor();
    expect(await admin.getByTestId(`approval-approve-${receipt}`).count()).toBe(0);
    await shot(admin, 'approvals-10-approved-scheduled');
    await admin.getByTestId(`approval-cancel-${receipt}`).click();
    await admin.getByTestId('approvals-notice').waitFor();
    expect(await admin.getByTestId('approvals-notice').textContent()).toBe('承認を取り消しました。');
    await shot(admin, 'approvals-11-approval-cancelled');

    // ── 承認取消: the request and its transfer are over; nothing moved.
    expect(await myState(site1, receipt)).toBe('approval_cancelled');
    expect(await site1.getByTestId(`approval-state-mine-${receipt}`).textContent()).toBe('承認取消');
    expect(await balances(site1)).toEqual(before);
    expect([...adminErrors, ...errors1]).toEqual([]);
  }, 300_000);
});
