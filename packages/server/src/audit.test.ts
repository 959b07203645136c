/** The audit log over HTTP (B1, L1): pages with a cursor, one contract's chain, verification. */
import { testBackends } from '@kinko/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Party, startServer, type TestServer } from './testing.ts';

interface Page {
  items: { chain: string; seq: number; contractId: string | null; mac: string; action: string }[];
  nextCursor: string | null;
}

describe.each(testBackends())('the audit log over HTTP on $name', (backend) => {
  let s: TestServer;
  let bank: Party;
  beforeAll(async () => {
    s = await startServer(backend);
    bank = await s.operatorLogin();
    // Some records in both contracts' chains and the bank's.
    for (const n of [s.contractNumber, s.otherContractNumber]) {
      await s.request('POST', '/api/v1/session', {
        payload: { contractNumber: n, loginId: 'admin', password: 'wrong-pass1' },
      });
    }
  });
  afterAll(() => s.close());

  it('B1 L1: GET /api/v1/bank/audit pages newest first with nextCursor, never repeating a record', async () => {
    const whole = (await s.request('GET', '/api/v1/bank/audit?limit=1000', { as: bank })).json() as Page;
    expect(whole.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const res = await s.request('GET', `/api/v1/bank/audit?limit=3${q}`, { as: bank });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as Page;
      seen.push(...page.items.map((r) => `${r.chain}/${r.seq}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(whole.items.map((r) => `${r.chain}/${r.seq}`));
    expect(new Set(whole.items.map((r) => r.chain)).size).toBeGreaterThanOrEqual(3);
    for (const r of whole.items) expect(r.mac).toMatch(/^[0-9a-f]{64}$/);
  });

  it("B1 L1: contractNumber narrows the listing to that contract's chain", async () => {
    const res = await s.request('GET', `/api/v1/bank/audit?contractNumber=${s.contractNumber}`, { as: bank });
    const page = res.json() as Page;
    expect(page.items.length).toBeGreaterThan(0);
    expect(new Set(page.items.map((r) => r.chain)).size).toBe(1);
    expect(page.items.every((r) => r.contractId === page.items[0]?.chain)).toBe(true);
  });

  it('a cursor the server did not give out is 400 request.invalid naming the cursor', async () => {
    const res = await s.request('GET', '/api/v1/bank/audit?cursor=not-a-cursor', { as: bank });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'request.invalid', detail: expect.stringMatching(/cursor/) });
  });

  it('L1: GET /api/v1/bank/audit/verify reports records, chains and problems', async () => {
    const res = await s.request('GET', '/api/v1/bank/audit/verify', { as: bank });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      ok: true,
      problems: [],
      chains: expect.any(Number),
      records: expect.any(Number),
    });
  });
});
