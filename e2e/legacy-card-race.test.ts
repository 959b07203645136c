/**
 * M2 before the token (R4): one answer to one legacy card challenge (利用者確認暗証番号 and the
 * asked ア～ク position) authorises exactly one transaction, however many requests carry it at
 * once to two `kinko serve` processes on one database. Hardening defect 1: on PostgreSQL 20
 * concurrent step-ups with one answer were accepted 5–10 times, and 22 concurrent transfer
 * confirmations completed 11 transfers, because the challenge was cleared by an unconditional
 * update after it had been read.
 */
import { demoBank } from '@kinko/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { benchValueDate, lateCutoff } from '../bench/transfers.ts';
import { ApiClient } from './client.ts';
import {
  type Backend,
  backendNames,
  kinkoCli,
  makeBackend,
  type RunningServer,
  startServer,
} from './harness.ts';

type Card = Record<string, string>;
const N = 20;

describe.each(backendNames())('%s: one legacy card answer, many requests, two processes', (name) => {
  let backend: Backend;
  let a: RunningServer;
  let b: RunningServer;
  let onA: ApiClient;
  let onB: ApiClient;
  let card: Card;

  beforeAll(async () => {
    backend = await makeBackend(name, lateCutoff);
    await kinkoCli(backend, ['demo', '--no-serve']);
    [a, b] = await Promise.all([startServer(backend), startServer(backend)]);
    const contractNumber = demoBank.contract.contractNumber;
    const user2 = demoBank.users[1];

    // A fresh card for user2 (the demo's was printed once and not kept here).
    const admin = new ApiClient(a.url);
    const { loginId, password } = demoBank.admin;
    expect((await admin.call('POST', '/api/v1/session', { contractNumber, loginId, password })).status).toBe(
      200,
    );
    const users = await admin.call<{ users: { id: string; loginId: string }[] }>(
      'GET',
      '/api/v1/admin/users',
    );
    const id = users.body.users.find((u) => u.loginId === user2.loginId)?.id;
    const issued = await admin.call<{ card: Card }>('POST', `/api/v1/admin/users/${id}/card`, {
      contractPin: demoBank.contractPin,
    });
    expect(issued.status).toBe(200);
    card = issued.body.card;

    onA = new ApiClient(a.url);
    const login = { contractNumber, loginId: user2.loginId, password: user2.password };
    expect((await onA.call('POST', '/api/v1/session', login)).status).toBe(200);
    onB = onA.sameSessionOn(b.url);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await backend?.cleanup();
  });

  function answer(position: string) {
    return { confirmPin: demoBank.users[1].confirmPin, cardPosition: position, cardValue: card[position] };
  }

  test('M2: 20 concurrent step-ups with one card answer across two processes → exactly 1 accepted', async () => {
    const challenge = await onA.call<{ method: string; cardPosition: string }>('GET', '/api/v1/step-up');
    expect(challenge.body.method).toBe('legacy');
    const proof = answer(challenge.body.cardPosition);
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) => (i % 2 ? onB : onA).call('POST', '/api/v1/step-up', proof)),
    );
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of answers.filter((x) => x.status !== 200)) expect(r.body.code).toBe('card.invalid');
  });

  test('M2: 20 transfers confirmed at once with one card answer across two processes → exactly 1 completed', async () => {
    const accounts = await onA.call<{ id: string; type: string }[]>('GET', '/api/v1/accounts');
    const from = accounts.body.find((x) => x.type === 'ordinary');
    const to = accounts.body.find((x) => x.type === 'current');
    const { date } = benchValueDate();
    // Each entry asks for a card position (M2: one per transaction); the last one asked is the
    // challenge in force when the confirmations arrive.
    const entered: { id: string; position: string }[] = [];
    for (let i = 0; i < N; i++) {
      const e = await onA.call<{
        transfer: { id: string };
        authorisation: { method: string; cardPosition: string };
      }>(
        'POST',
        '/api/v1/transfers',
        {
          fromAccountId: from?.id,
          to: { kind: 'own', accountId: to?.id },
          amount: 1_000 + i,
          valueDate: date,
        },
        { 'idempotency-key': `legacy-race-enter-${i}` },
      );
      expect(e.status, JSON.stringify(e.body)).toBe(201);
      entered.push({ id: e.body.transfer.id, position: e.body.authorisation.cardPosition });
    }
    const proof = answer(entered.at(-1)?.position ?? '');
    const answers = await Promise.all(
      entered.map((t, i) =>
        (i % 2 ? onB : onA).call('POST', `/api/v1/transfers/${t.id}/confirm`, proof, {
          'idempotency-key': `legacy-race-confirm-${i}`,
        }),
      ),
    );
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of answers.filter((x) => x.status !== 200)) expect(r.body.code).toBe('card.invalid');
    // A wrong answer that lost the race counted nothing: the user is not nearer 利用中止.
    const again = await onA.call<{ method: string; cardPosition: string }>('GET', '/api/v1/step-up');
    expect((await onB.call('POST', '/api/v1/step-up', answer(again.body.cardPosition))).status).toBe(200);
  });
});
