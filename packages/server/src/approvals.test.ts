import { testBackends } from '@kinko/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Party, secrets, startServer, type TestServer } from './testing.ts';

describe.each(testBackends())('M5a approvals over HTTP on $name', (backend) => {
  let s: TestServer;
  let admin: Party;
  let token: Awaited<ReturnType<TestServer['activate']>>;
  let payer: string;
  let second: string;
  let n = 0;
  const otp = () => {
    s.clock.advance(30_000); // a fresh step for every proof (T2)
    return { otp: token.code() };
  };
  const balance = async (id: string) => (await s.store.accounts.get(id))?.balance;

  beforeAll(async () => {
    s = await startServer(backend);
    admin = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
    const me = (await s.request('GET', '/api/v1/session', { as: admin })).json().me;
    token = await s.activate();
    const reg = await s.request('POST', '/api/v1/admin/token-registrations', {
      as: admin,
      payload: {
        serial: token.serial,
        otp: token.code(),
        contractPin: secrets.contractPin,
        userIds: [me.user.id],
      },
    });
    expect(reg.statusCode, reg.body).toBe(200);
    const open = async (openingDeposit: number) =>
      (
        await s.kinko.openAccount(s.operatorActor, {
          contractNumber: s.contractNumber,
          branchCode: '001',
          type: 'ordinary',
          holderKana: 'ﾃｽﾄｼﾖｳｼﾞ',
          openingDeposit,
        })
      ).id;
    payer = await open(1_000_000);
    second = await open(0);
    const settings = await s.request('PUT', '/api/v1/admin/approval-settings', {
      as: admin,
      payload: { mode: 'single', approverMustDiffer: false, contractPin: secrets.contractPin },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const priv = await s.request('PUT', `/api/v1/admin/users/${me.user.id}/privileges`, {
      as: admin,
      payload: { privileges: ['transfer', 'inquiry', 'approve'], contractPin: secrets.contractPin },
    });
    expect(priv.statusCode, priv.body).toBe(200);
  });
  afterAll(() => s.close());

  async function submit(): Promise<string> {
    const entered = await s.request('POST', '/api/v1/transfers', {
      as: admin,
      headers: { 'idempotency-key': `approval-${++n}` },
      payload: {
        fromAccountId: payer,
        to: { kind: 'own', accountId: second },
        amount: 5_000,
        valueDate: '2025-01-07',
      },
    });
    expect(entered.statusCode, entered.body).toBe(201);
    const confirmed = await s.request('POST', `/api/v1/transfers/${entered.json().transfer.id}/confirm`, {
      as: admin,
      headers: { 'idempotency-key': `approval-${++n}` },
      payload: otp(),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({
      transfer: { status: 'pending' },
      approval: { state: 'pending_approval' },
    });
    return confirmed.json().approval.id;
  }

  it('M5a: the confirm is a 承認依頼; the inbox lists it; the approval with the OTP posts it once', async () => {
    const settings = await s.request('GET', '/api/v1/admin/approval-settings', { as: admin });
    expect(settings.json()).toEqual({ mode: 'single', approverMustDiffer: false });
    const id = await submit();
    expect(await balance(second)).toBe(0);
    const inbox = await s.request('GET', '/api/v1/approvals', { as: admin });
    expect(inbox.json().map((r: { id: string }) => r.id)).toContain(id);
    const approved = await s.request('POST', `/api/v1/approvals/${id}/approve`, {
      as: admin,
      payload: otp(),
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'processed', transfer: { status: 'completed' } });
    expect(await balance(second)).toBe(5_000);
    const again = await s.request('POST', `/api/v1/approvals/${id}/approve`, { as: admin, payload: otp() });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'approval.invalid_state' });
    expect(await balance(second)).toBe(5_000);
  });

  it('M5a: 引戻し needs no OTP and cancels the transfer; an unknown request is 404', async () => {
    const id = await submit();
    const withdrawn = await s.request('POST', `/api/v1/approvals/${id}/withdraw`, { as: admin });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn', transfer: { status: 'cancelled' } });
    const mine = await s.request('GET', '/api/v1/approvals?box=mine', { as: admin });
    expect(mine.json().find((r: { id: string }) => r.id === id)).toMatchObject({ state: 'withdrawn' });
    const missing = await s.request('POST', '/api/v1/approvals/nope/return', { as: admin });
    expect(missing.statusCode).toBe(404);
  });
});
