/**
 * The lists that grow with a customer's history over HTTP, a page at a time: GET
 * /api/v1/transfers (the defect: it kept the caller's transfers among the contract's newest 100,
 * so once the contract had more each user's older ones were gone) and GET …/statement.
 */
import type { TransferRecord, Yen } from '@kinko/core';
import { testBackends, transferRecord } from '@kinko/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Party, secrets, startServer, type TestServer } from './testing.ts';

describe.each(testBackends())(
  "a user's transfer list loses their own transfers, over HTTP on $name",
  (backend) => {
    let s: TestServer;
    let admin: Party;
    let user: Party;
    let accountId = '';
    // Each user's transfer ids, newest first.
    const mine: Record<'admin' | 'user1', string[]> = { admin: [], user1: [] };

    beforeAll(async () => {
      s = await startServer(backend);
      admin = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
      const added = await s.request('POST', '/api/v1/admin/users', {
        as: admin,
        payload: {
          loginId: 'user1',
          name: '利用者 一郎',
          password: secrets.user.password,
          contractPin: secrets.contractPin,
        },
      });
      expect(added.statusCode, added.body).toBe(201);
      user = await s.login(s.contractNumber, 'user1', secrets.user.password);
      const account = await s.kinko.openAccount(s.operatorActor, {
        contractNumber: s.contractNumber,
        branchCode: '001',
        type: 'ordinary',
        holderKana: 'ﾃｽﾄｼﾖｳｼﾞ',
        openingDeposit: 100_000,
      });
      accountId = account.id;
      const contract = await s.store.contracts.getByNumber(s.contractNumber);
      const adminId = (await s.request('GET', '/api/v1/session', { as: admin })).json().me.user.id;
      const userId = added.json().id;
      // 130 transfers of the contract, two of every three by user1, stored as core stores them.
      for (let i = 0; i < 130; i++) {
        const who = i % 3 === 0 ? 'admin' : 'user1';
        const id = `http-${String(i).padStart(3, '0')}`;
        const t = transfer(
          contract?.id ?? '',
          who === 'admin' ? adminId : userId,
          accountId,
          id,
          s.clock.now() + i,
        );
        await s.store.transfers.insert(t);
        mine[who].unshift(id);
      }
      // 入出金明細: 11 lines in January (the opening deposit and ten movements to the vault).
      for (let i = 1; i <= 10; i++) await withdraw(s, accountId, 100 * i);
    });
    afterAll(() => s.close());

    async function pages(as: Party, query: string) {
      const ids: string[] = [];
      let count = 0;
      for (let cursor: string | null = null; ; ) {
        const url = `/api/v1/transfers?${query}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
        const res = await s.request('GET', url, { as });
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json() as { items: { id: string; status: string }[]; nextCursor: string | null };
        count++;
        ids.push(...body.items.map((t) => t.id));
        if (body.nextCursor === null) return { ids, count };
        cursor = body.nextCursor;
      }
    }

    it('GET /api/v1/transfers answers {items, nextCursor}; each user pages through all of their own, and only those', async () => {
      for (const [as, who] of [
        [user, 'user1'],
        [admin, 'admin'],
      ] as const) {
        const { ids, count } = await pages(as, 'limit=25');
        expect(ids, who).toEqual(mine[who]);
        expect(count, who).toBe(Math.ceil(mine[who].length / 25));
      }
      expect([mine.admin.length, mine.user1.length]).toEqual([44, 86]);
      // The first page without a limit is up to 100, as the list was before it paged.
      const first = (await s.request('GET', '/api/v1/transfers', { as: user })).json();
      expect(first.items.map((t: { id: string }) => t.id)).toEqual(mine.user1);
      expect(first.nextCursor).toBeNull();
      const scheduled = await pages(user, 'status=scheduled&limit=10');
      expect(scheduled.ids.length).toBeGreaterThan(10);
      const none = await pages(user, 'status=failed&limit=10');
      expect(none).toEqual({ ids: [], count: 1 });
    });

    it('a malformed cursor or limit is 400 request.invalid, and the problem names it', async () => {
      for (const query of ['cursor=nope', 'cursor=', `cursor=${'A'.repeat(600)}`]) {
        const res = await s.request('GET', `/api/v1/transfers?${query}`, { as: user });
        expect(res.statusCode, query).toBe(400);
        expect(res.json().code).toBe('request.invalid');
        expect(JSON.stringify(res.json()), query).toContain('cursor');
      }
      for (const query of ['limit=0', 'limit=501', 'limit=ten', 'limit=1.5']) {
        const res = await s.request('GET', `/api/v1/transfers?${query}`, { as: user });
        expect(res.statusCode, query).toBe(400);
        expect(JSON.stringify(res.json()), query).toContain('limit');
      }
    });

    it('M9: GET …/statement pages its lines with limit and cursor; the CSV still holds every line', async () => {
      const url = `/api/v1/accounts/${accountId}/statement?from=2025-01-01&to=2025-01-31`;
      const whole = (await s.request('GET', url, { as: admin })).json();
      expect(whole.nextCursor).toBeNull();
      expect(whole.lines).toHaveLength(11);
      const lines: unknown[] = [];
      for (let cursor = ''; ; ) {
        const res = await s.request('GET', `${url}&limit=4${cursor && `&cursor=${cursor}`}`, { as: admin });
        expect(res.statusCode, res.body).toBe(200);
        const page = res.json();
        expect(page).toMatchObject({ openingBalance: 0, closingBalance: whole.closingBalance });
        lines.push(...page.lines);
        if (page.nextCursor === null) break;
        cursor = page.nextCursor;
      }
      expect(lines).toEqual(whole.lines);
      const csv = await s.request('GET', url.replace('statement?', 'statement.csv?'), { as: admin });
      expect(csv.statusCode).toBe(200);
      expect(csv.rawPayload.toString('utf8').split('\r\n')).toHaveLength(13); // header, 11 lines, ''
      const bad = await s.request('GET', `${url}&cursor=${encodeURIComponent('%%%')}`, { as: admin });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'request.invalid', parameter: 'cursor' });
      expect(bad.json().detail).toContain('cursor');
      expect((await s.request('GET', `${url}&limit=1001`, { as: admin })).statusCode).toBe(400);
    });

    it('OpenAPI documents limit (with its default and maximum) and cursor on both lists, and nextCursor in both answers', async () => {
      const doc = (await s.request('GET', '/api/openapi.json')).json();
      for (const [path, max, def] of [
        ['/api/v1/transfers', 500, 100],
        ['/api/v1/accounts/{id}/statement', 1000, 500],
      ] as const) {
        const params = doc.paths[path].get.parameters as {
          name: string;
          in: string;
          schema: Record<string, unknown>;
        }[];
        expect(params.find((p) => p.name === 'limit')?.schema, path).toMatchObject({
          minimum: 1,
          maximum: max,
          default: def,
        });
        expect(
          params.find((p) => p.name === 'cursor'),
          path,
        ).toMatchObject({ in: 'query' });
      }
      expect(doc.components.schemas.TransferPage.properties).toHaveProperty('nextCursor');
      expect(doc.components.schemas.Statement.properties).toHaveProperty('nextCursor');
    });
  },
);

function transfer(
  contractId: string,
  userId: string,
  fromAccountId: string,
  id: string,
  at: number,
): TransferRecord {
  return transferRecord(contractId, userId, fromAccountId, {
    id,
    status: Number(id.slice(-1)) % 2 ? 'scheduled' : 'completed',
    amount: 1000 as Yen,
    valueDate: '2025-01-08',
    receiptNumber: null,
    createdAt: at,
    confirmedAt: at,
  });
}

/** One posting of `amount` from the account to the vault, as core's post() writes it (M1). */
async function withdraw(s: TestServer, accountId: string, amount: number): Promise<void> {
  const vault = 'internal:vault_cash';
  s.clock.advance(1_000);
  await s.store.transaction(async (tx) => {
    const [a, b] = await tx.accounts.lock([accountId, vault].sort());
    const locked = new Map([a, b].map((x) => [x?.id, x]));
    const at = s.clock.now();
    const entryId = `e-${accountId}-${at}`;
    const postings = [
      [accountId, -amount],
      [vault, amount],
    ].map(([id, delta]) => {
      const x = locked.get(id as string);
      if (!x) throw new Error('no account');
      return {
        entryId,
        accountId: x.id,
        seq: x.lastSeq + 1,
        amount: delta as Yen,
        balanceAfter: (x.balance + (delta as number)) as Yen,
        at,
        memo: 'ﾋｷﾀﾞｼ',
      };
    });
    await tx.journal.append({ id: entryId, at, kind: 'withdrawal', memo: 'ﾋｷﾀﾞｼ', reference: null }, postings);
    for (const p of postings) {
      const x = locked.get(p.accountId);
      if (x) await tx.accounts.advance(x.id, x.lastSeq, { balance: p.balanceAfter, lastSeq: p.seq });
    }
  });
}
