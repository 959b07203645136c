import { auditRecordCount } from '@kinko/store/testing';
import {
  failure,
  liftedCeiling,
  mizuho,
  openTransferBank,
  type TransferBank,
  testBackends,
  typedOutsider,
  wrongCode,
} from '@kinko/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_OTP_OPERATIONS } from '../config.ts';
import { verifyLedger } from '../ledger/verify.ts';

const DEFAULT_OTP_OPERATIONS_LIST = [...DEFAULT_OTP_OPERATIONS];

describe.each(testBackends())('transfers on $name', (backend) => {
  let tb: TransferBank;
  beforeEach(async () => {
    tb = await openTransferBank(backend);
  });
  afterEach(() => tb.bank.cleanup());

  const balance = async (id: string) => (await tb.bank.store.accounts.get(id))?.balance;
  const internal = async (code: 'fee_income' | 'zengin_outbound') =>
    (await tb.bank.store.accounts.getInternal(code)).balance;
  const ledgerOk = async () => expect((await verifyLedger(tb.bank.store)).problems).toEqual([]);

  it('M1, M3, M7: a same-day 振込 to another branch: enter shows fee and payee, confirm posts once with a receipt number', async () => {
    const pending = await tb.enter(tb.user, { to: typedOutsider(tb, 'やまだ　たろう'), amount: 30_000 });
    expect(pending.authorisation).toEqual({ method: 'otp' });
    expect(pending.transfer).toMatchObject({
      status: 'pending',
      kind: 'same_bank',
      fee: 220, // 本支店 from ¥30,000
      total: 30_220,
      valueDate: '2025-01-07',
      sameDay: true,
      receiptNumber: null,
      payee: { name: 'ﾔﾏﾀﾞ ﾀﾛｳ', branchName: '中央支店', standing: 'first_time' },
    });
    expect(await balance(tb.payer.id)).toBe(1_000_000);
    const r = await tb.bank.kinko.confirmTransfer(
      tb.user,
      pending.transfer.id,
      tb.proof(tb.user, pending),
      tb.key(),
    );
    expect(r.receiptNumber).toMatch(/^20250107-\d{8}$/);
    expect(r.transfer).toMatchObject({ status: 'completed', receiptNumber: r.receiptNumber });
    expect(await balance(tb.payer.id)).toBe(1_000_000 - 30_220);
    expect(await balance(tb.outsider.id)).toBe(30_000);
    expect(await internal('fee_income')).toBe(220);
    await ledgerOk();
    const actions = (await tb.bank.store.audit.list({ limit: 10 })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['transfer.executed', 'ledger.posted', 'otp.accepted']));
  });

  it('M3: a retried confirm with the same Idempotency-Key posts once and returns the first receipt', async () => {
    const pending = await tb.enter(tb.user, { to: typedOutsider(tb) });
    const key = tb.key();
    const proof = tb.proof(tb.user, pending);
    const [a, b] = await Promise.all([
      tb.bank.kinko.confirmTransfer(tb.user, pending.transfer.id, proof, key),
      tb.bank.kinko.confirmTransfer(tb.user, pending.transfer.id, proof, key),
    ]);
    const c = await tb.bank.kinko.confirmTransfer(tb.user, pending.transfer.id, proof, key);
    expect(b.receiptNumber).toBe(a.receiptNumber);
    expect(c).toEqual(a);
    expect(await balance(tb.outsider.id)).toBe(10_000);
    const other = await failure(
      tb.bank.kinko.confirmTransfer(tb.user, pending.transfer.id, tb.proof(tb.user, pending), tb.key()),
    );
    expect(other.code).toBe('transfer.not_pending');
    expect(await balance(tb.outsider.id)).toBe(10_000);
    await ledgerOk();
  });

  it('M3: a retried enter returns the same pending transfer; the same key with another body is idempotency.key_reused', async () => {
    const key = tb.key();
    const first = await tb.enter(tb.user, { to: typedOutsider(tb) }, key);
    const again = await tb.enter(tb.user, { to: typedOutsider(tb) }, key);
    expect(again).toEqual(first);
    const head = await auditRecordCount(tb.bank.store);
    const e = await failure(tb.enter(tb.user, { to: typedOutsider(tb), amount: 99 }, key));
    expect(e.code).toBe('idempotency.key_reused');
    expect(await auditRecordCount(tb.bank.store)).toBe(head);
    expect((await failure(tb.enter(tb.user, { to: typedOutsider(tb) }, ''))).code).toBe(
      'idempotency.key_required',
    );
  });

  it('M2: a wrong OTP posts nothing and leaves the key free for the corrected confirmation', async () => {
    const pending = await tb.enter(tb.user, { to: typedOutsider(tb) });
    const key = tb.key();
    tb.bank.clock.advance(30_000);
    const e = await failure(
      tb.bank.kinko.confirmTransfer(tb.user, pending.transfer.id, { otp: wrongCode(tb.token.code()) }, key),
    );
    expect(e.code).toBe('otp.invalid');
    expect((await tb.bank.store.users.get(tb.user.userId))?.otpFailures).toBe(1); // A2: committed
    expect(await balance(tb.outsider.id)).toBe(0);
    const r = await tb.bank.kinko.confirmTransfer(
      tb.user,
      pending.transfer.id,
      { otp: tb.token.code() },
      key,
    );
    expect(r.transfer.status).toBe('completed');
  });

  it('M2, R4: without a token the confirmation is the user confirmation PIN and the card position asked at entry', async () => {
    const pending = await tb
      .enter(tb.idp.actor, { to: { kind: 'own', accountId: tb.idp.account.id } })
      .catch(() => null);
    expect(pending).toBeNull(); // the same account: refused
    const second = await tb.bank.kinko.openAccount(tb.bank.operator, {
      contractNumber: tb.idp.contractNumber,
      branchCode: '001',
      type: 'current',
      holderKana: 'ﾖｿﾌﾞﾂｻﾝ',
      openingDeposit: 0,
    });
    const p = await tb.enter(tb.idp.actor, { to: { kind: 'own', accountId: second.id }, amount: 5_000 });
    expect(p.authorisation.method).toBe('legacy');
    expect(p.transfer).toMatchObject({ kind: 'own', fee: 0, sameDay: true });
    expect(
      (await failure(tb.bank.kinko.confirmTransfer(tb.idp.actor, p.transfer.id, { otp: '123456' }, tb.key())))
        .code,
    ).toBe('otp.token_not_active');
    const r = await tb.bank.kinko.confirmTransfer(
      tb.idp.actor,
      p.transfer.id,
      tb.proof(tb.idp.actor, p),
      tb.key(),
    );
    expect(r.transfer.status).toBe('completed');
    expect(await balance(second.id)).toBe(5_000);
    await ledgerOk();
  });

  it('M4: a same-day transfer to a first-time payee is refused on ID・パスワード方式 with the next business day offered', async () => {
    const e = await failure(tb.enter(tb.idp.actor, { to: typedOutsider(tb) }));
    expect(e.code).toBe('transfer.same_day_not_allowed');
    expect(e.details).toMatchObject({ reason: 'login_method_id_password', nextPossible: '2025-01-08' });
    const scheduled = await tb.enter(tb.idp.actor, { to: typedOutsider(tb), valueDate: '2025-01-08' });
    expect(scheduled.transfer).toMatchObject({
      sameDay: false,
      valueDate: '2025-01-08',
      payee: { standing: 'first_time' },
    });
  });

  it('M4: on ID・パスワード方式 a payee registered in writing may be paid the same day', async () => {
    const payee = await tb.bank.kinko.registerWrittenPayee(
      tb.bank.operator,
      tb.idp.contractNumber,
      typedOutsider(tb),
      tb.key(),
    );
    const p = await tb.enter(tb.idp.actor, { to: { kind: 'payee', payeeId: payee.id } });
    expect(p.transfer.payee).toMatchObject({ standing: 'registered', payeeId: payee.id });
    // Typed by hand, the same account is still the registered payee.
    const typed = await tb.enter(tb.idp.actor, { to: typedOutsider(tb) });
    expect(typed.transfer.payee.standing).toBe('registered');
  });

  it('M4: on 電子証明書方式 a same-day transfer to a payee not registered in writing needs an active token, even once paid', async () => {
    const noToken = await tb.bank.addUser('user2');
    const e = await failure(tb.enter(noToken, { to: typedOutsider(tb) }));
    expect(e.details).toMatchObject({ reason: 'token_not_active', nextPossible: '2025-01-08' });
    const p = await tb.enter(tb.user, { to: typedOutsider(tb) });
    await tb.bank.kinko.confirmTransfer(tb.user, p.transfer.id, tb.proof(tb.user, p), tb.key());
    const again = await failure(tb.enter(noToken, { to: typedOutsider(tb) }));
    expect(again.details).toMatchObject({ reason: 'token_not_active', nextPossible: '2025-01-08' });
  });

  it('M1: a 振込 to another bank debits the payer and credits the outbound clearing account and fee income', async () => {
    const p = await tb.enter(tb.user, { to: mizuho, amount: 29_999 });
    expect(p.transfer).toMatchObject({
      kind: 'other_bank',
      fee: 275,
      payee: { bankName: 'みずほ', name: 'ｶ)ﾐｽﾞﾎﾄﾘﾋｷ' },
    });
    await tb.bank.kinko.confirmTransfer(tb.user, p.transfer.id, tb.proof(tb.user, p), tb.key());
    expect(await balance(tb.payer.id)).toBe(1_000_000 - 30_274);
    expect(await internal('zengin_outbound')).toBe(29_999);
    expect(await internal('fee_income')).toBe(275);
    await ledgerOk();
    const items = await tb.bank.kinko.listOutbound(tb.bank.operator, '2025-01-07');
    expect(items).toMatchObject([{ bankCode: '0001', accountNumber: '1234567', amount: 29_999 }]);
    const file = await tb.bank.kinko.exportOutbound(tb.bank.operator, '2025-01-07', 'zengin');
    expect(file).toMatchObject({ count: 1, total: 29_999 });
    expect(file.body.length).toBe(4 * 122);
  });

  it('M1: insufficient funds refuse the confirmation and move nothing', async () => {
    const p = await tb.enter(tb.user, { to: typedOutsider(tb), amount: 1_000_000 });
    const e = await failure(
      tb.bank.kinko.confirmTransfer(tb.user, p.transfer.id, tb.proof(tb.user, p), tb.key()),
    );
    expect(e.code).toBe('ledger.insufficient_funds');
    expect(await balance(tb.payer.id)).toBe(1_000_000);
    expect((await tb.bank.kinko.getTransfer(tb.user, p.transfer.id)).status).toBe('pending');
    await ledgerOk();
  });

  describe('bad input is a 4xx code and writes nothing', () => {
    it.each([
      ['amount 0', { amount: 0 }, 'amount.invalid'],
      ['a negative amount', { amount: -1 }, 'amount.invalid'],
      ['a fractional amount', { amount: 1.5 }, 'amount.invalid'],
      ['over ¥9,999,999,999', { amount: 10_000_000_000 }, 'amount.invalid'],
      ['an unknown bank', { to: { ...mizuho, bankCode: '9998' } }, 'payee.bank_not_found'],
      ['an unknown branch', { to: { ...mizuho, branchCode: '998' } }, 'payee.branch_not_found'],
      ['a name in kanji', { to: { ...mizuho, name: '山田太郎' } }, 'payee.name_invalid'],
      ['a bad account number', { to: { ...mizuho, accountNumber: '12345' } }, 'payee.account_number_invalid'],
      ['a holiday', { valueDate: '2025-01-13' }, 'transfer.value_date_not_business_day'],
      ['a date past the horizon', { valueDate: '2025-03-31' }, 'transfer.value_date_beyond_horizon'],
      ['a past date', { valueDate: '2025-01-06' }, 'transfer.value_date_past'],
      ['a malformed date', { valueDate: '2025/01/08' }, 'transfer.value_date_invalid'],
    ] as const)('%s', async (_what, over, code) => {
      const head = await auditRecordCount(tb.bank.store);
      const e = await failure(tb.enter(tb.user, { to: mizuho, ...over }));
      expect(e.code).toBe(code);
      expect(await auditRecordCount(tb.bank.store)).toBe(head);
      expect(await tb.bank.kinko.listTransfers(tb.user)).toEqual({ items: [], nextCursor: null });
    });

    it("another contract's account ids are account.not_found, as payer or as 振替 payee", async () => {
      const head = await auditRecordCount(tb.bank.store);
      const from = await failure(tb.enter(tb.user, { fromAccountId: tb.idp.account.id, to: mizuho }));
      const to = await failure(tb.enter(tb.user, { to: { kind: 'own', accountId: tb.idp.account.id } }));
      expect([from.code, to.code]).toEqual(['account.not_found', 'account.not_found']);
      expect(await auditRecordCount(tb.bank.store)).toBe(head);
    });
  });
});

describe.each(testBackends())('M5b: configured OTP operations on $name', (backend) => {
  const withoutExecution = DEFAULT_OTP_OPERATIONS_LIST.filter((op) => op !== 'transfer.execute');

  it('M5b: with the default configuration, a confirmation without a proof is refused and moves nothing', async () => {
    const tb = await openTransferBank(backend);
    try {
      expect(tb.bank.deps.config.otpOperations).toContain('transfer.execute');
      const p = await tb.enter(tb.user, { to: typedOutsider(tb) });
      const head = await auditRecordCount(tb.bank.store);
      const e = await failure(tb.bank.kinko.confirmTransfer(tb.user, p.transfer.id, undefined, tb.key()));
      expect(e.code).toBe('request.invalid');
      expect(await auditRecordCount(tb.bank.store)).toBe(head);
      expect((await tb.bank.kinko.getTransfer(tb.user, p.transfer.id)).status).toBe('pending');
      expect((await tb.bank.store.accounts.get(tb.outsider.id))?.balance).toBe(0);
      expect((await verifyLedger(tb.bank.store)).ok).toBe(true);
    } finally {
      await tb.bank.cleanup();
    }
  });

  it('M5b: with a configuration that drops transfer execution, a confirmation needs no proof, consumes none and is audited as without step-up; a suspended user is still refused (A2); the ledger verifies', async () => {
    const tb = await openTransferBank(backend, { ...liftedCeiling, otpOperations: withoutExecution });
    try {
      const p = await tb.enter(tb.user, { to: typedOutsider(tb), amount: 20_000 });
      const r = await tb.bank.kinko.confirmTransfer(tb.user, p.transfer.id, undefined, tb.key());
      expect(r.transfer.status).toBe('completed');
      expect((await tb.bank.store.accounts.get(tb.outsider.id))?.balance).toBe(20_000);
      const audit = await tb.bank.store.audit.list({ limit: 10 });
      const actions = audit.map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(['step_up.not_required', 'transfer.executed']));
      expect(actions).not.toContain('otp.accepted');
      const skipped = audit.find((a) => a.action === 'step_up.not_required');
      expect(skipped?.subject).toBe(p.transfer.id);
      expect(JSON.parse(skipped?.detail ?? '{}')).toMatchObject({
        operation: 'transfer.execute',
        reason: 'configuration',
      });
      // A proof given anyway is ignored: a wrong code is neither refused nor counted (A2).
      const q = await tb.enter(tb.user, { to: typedOutsider(tb), amount: 5_000 });
      tb.bank.clock.advance(30_000);
      const wrong = { otp: wrongCode(tb.token.code()) };
      const s = await tb.bank.kinko.confirmTransfer(tb.user, q.transfer.id, wrong, tb.key());
      expect(s.transfer.status).toBe('completed');
      expect((await tb.bank.store.users.get(tb.user.userId))?.otpFailures).toBe(0);
      // Cancelling a scheduled transfer is still in the set: it still asks for the OTP.
      const later = await tb.enter(tb.user, { to: typedOutsider(tb), valueDate: '2025-01-08' });
      await tb.bank.kinko.confirmTransfer(tb.user, later.transfer.id, undefined, tb.key());
      const c = await failure(tb.bank.kinko.cancelScheduledTransfer(tb.user, later.transfer.id, undefined));
      expect(c.code).toBe('request.invalid');
      // A2: 利用中止 still stops the user where this bank asks no OTP.
      const r2 = await tb.enter(tb.user, { to: typedOutsider(tb), amount: 1_000 });
      await tb.bank.store.users.update(tb.user.userId, { suspended: true });
      const refused = await failure(
        tb.bank.kinko.confirmTransfer(tb.user, r2.transfer.id, undefined, tb.key()),
      );
      expect(refused.code).toBe('otp.user_suspended');
      const report = await verifyLedger(tb.bank.store);
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
    } finally {
      await tb.bank.cleanup();
    }
  });

  it('M5b: with a configuration that drops scheduled-transfer cancellation, a cancellation needs no proof and is audited as without step-up', async () => {
    const tb = await openTransferBank(backend, {
      ...liftedCeiling,
      otpOperations: DEFAULT_OTP_OPERATIONS_LIST.filter((op) => op !== 'transfer.cancel_scheduled'),
    });
    try {
      const p = await tb.enter(tb.user, { to: typedOutsider(tb), valueDate: '2025-01-08' });
      const r = await tb.bank.kinko.confirmTransfer(tb.user, p.transfer.id, tb.proof(tb.user, p), tb.key());
      expect(r.transfer.status).toBe('scheduled');
      const v = await tb.bank.kinko.cancelScheduledTransfer(tb.user, p.transfer.id, undefined);
      expect(v.status).toBe('cancelled');
      const audit = await tb.bank.store.audit.list({ limit: 5 });
      const detailOf = (action: string) =>
        JSON.parse(audit.find((a) => a.action === action)?.detail ?? '{}') as unknown;
      expect(detailOf('transfer.cancelled')).toMatchObject({ method: 'none_by_configuration' });
      expect(detailOf('step_up.not_required')).toMatchObject({ operation: 'transfer.cancel_scheduled' });
      expect((await verifyLedger(tb.bank.store)).ok).toBe(true);
    } finally {
      await tb.bank.cleanup();
    }
  });
});
