import { auditRecordCount } from '@kinko/store/testing';
import {
  aDayAtTheBank,
  failure,
  openBank,
  passwords,
  pins,
  type TestBank,
  testBackends,
} from '@kinko/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerActor } from '../identity/actors.ts';
import { BANK_CHAIN, GENESIS_MAC } from '../ports.ts';
import { runUseCase } from '../use-case.ts';
import type { AuditAction } from './actions.ts';
import { appendAudit } from './chain.ts';
import { createAuditKey } from './key.ts';
import { canonicalJson, recordMac, storableText } from './record.ts';
import { verifyAuditLog } from './verify.ts';

describe('L1 record format', () => {
  it('L1: canonical JSON sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[{"y":2,"z":1}]},"b":1}',
    );
  });

  it('L1: the MAC is HMAC-SHA-256 under the audit key over the record in a fixed encoding (format frozen)', () => {
    const key = createAuditKey(Uint8Array.from({ length: 32 }, (_, i) => i + 1));
    const record = {
      chain: BANK_CHAIN,
      seq: 1,
      at: 1_736_211_600_000,
      actorType: 'user' as const,
      actorId: 'u1',
      contractId: null,
      action: 'login.success',
      subject: 'u1',
      outcome: 'success' as const,
      detail: '{"clientAddress":"192.0.2.1"}',
      prevMac: GENESIS_MAC,
    };
    // = HMAC-SHA-256(HKDF-SHA256(key, salt = "", info = "kinko-audit-mac-v1"), UTF-8 of
    //   JSON.stringify(["kinko-audit-v2", chain, seq, at, actorType, actorId, contractId, action,
    //   subject, outcome, detail, prevMac])); checked against Python's hmac and hashlib.
    expect(recordMac(key, record)).toBe('6904bd6f6f44ade50428b45aea1ebdf642c7a3290ad6fce0643abe1246a37c89');
    expect(recordMac(key, { ...record, at: record.at + 1 })).not.toBe(recordMac(key, record));
    expect(recordMac(key, { ...record, chain: 'c1' })).not.toBe(recordMac(key, record));
    // Without the key, the same formula gives another MAC: nobody can recompute a chain.
    const other = createAuditKey(Uint8Array.from({ length: 32 }, (_, i) => i + 2));
    expect(recordMac(other, record)).not.toBe(recordMac(key, record));
    expect(key.id).toMatch(/^[0-9a-f]{32}$/);
    expect(other.id).not.toBe(key.id);
  });

  it('L1: text is stored as both databases store it: lone surrogates and NUL become U+FFFD, the rest stays', () => {
    expect(storableText('a\ud800b')).toBe('a\ufffdb');
    expect(storableText('\udc00')).toBe('\ufffd');
    expect(storableText('a\0b')).toBe('a\ufffdb');
    expect(storableText('𠮷野家😀 ｶﾅ')).toBe('𠮷野家😀 ｶﾅ');
  });
});

describe.each(testBackends())('audit chains on $name', (backend) => {
  let bank: TestBank;
  let user1: CustomerActor;
  beforeEach(async () => {
    bank = await openBank(backend);
    user1 = await bank.addUser('user1');
  });
  afterEach(() => bank.cleanup());

  const verify = (checkpoint?: Parameters<typeof verifyAuditLog>[2]) =>
    verifyAuditLog(bank.store, bank.deps.auditKey, checkpoint);
  const chainOfContract = () => user1.contractId;
  const records = (chain: string) => bank.store.audit.chainRecords(chain, { limit: 1000 });

  /** A day at the bank: most security events once each, in the contract's and the bank's chains. */
  it('L1: every security event is audited in its own transaction, in its contract’s chain or the bank’s, and every chain verifies', async () => {
    await aDayAtTheBank(bank, user1);
    const page = await bank.kinko.readAudit(bank.operator, { limit: 1000 });
    const actions = new Set(page.items.map((r) => r.action));
    for (const action of [
      'operator.created',
      'contract.opened',
      'user.created',
      'login.failure',
      'login.success',
      'token.activated',
      'contract_pin.failure',
      'token.registered',
      'otp.accepted',
      'otp.replayed',
      'otp.invalid',
      'user.suspended',
      'user.unlocked',
      'token.revoked',
      'logout',
      'admin.restored',
    ]) {
      expect(actions, action).toContain(action);
    }
    for (const r of page.items) expect(r.chain).toBe(r.contractId ?? BANK_CHAIN);
    const chains = new Set(page.items.map((r) => r.chain));
    expect(chains).toContain(BANK_CHAIN);
    expect(chains).toContain(chainOfContract());
    const count = await auditRecordCount(bank.store);
    expect(await verify()).toEqual({ ok: true, records: count, chains: chains.size, problems: [] });

    const own = await bank.kinko.readAudit(bank.operator, {
      limit: 1000,
      contractNumber: bank.contractNumber,
    });
    expect(own.items.length).toBeGreaterThan(10);
    expect(own.items.every((r) => r.contractId === user1.contractId)).toBe(true);
    expect((await failure(bank.kinko.readAudit(bank.admin as never, { limit: 10 }))).code).toBe(
      'auth.forbidden',
    );
  });

  it('B1 L1: the log reads newest first, a page at a time with a cursor, never repeating or skipping a record', async () => {
    await aDayAtTheBank(bank, user1);
    const whole = (await bank.kinko.readAudit(bank.operator, { limit: 1000 })).items;
    const paged: typeof whole = [];
    let cursor: string | undefined;
    do {
      const page = await bank.kinko.readAudit(bank.operator, { limit: 7, ...(cursor ? { cursor } : {}) });
      paged.push(...page.items);
      cursor = page.nextCursor ?? undefined;
      // Records written between pages come before the cursor's place, so they never shift it.
      await bank.kinko.login(bank.anon, {
        contractNumber: bank.contractNumber,
        loginId: 'user1',
        password: passwords.user,
      });
    } while (cursor);
    expect(paged.map((r) => `${r.chain}/${r.seq}`)).toEqual(whole.map((r) => `${r.chain}/${r.seq}`));
    const bad = await failure(bank.kinko.readAudit(bank.operator, { limit: 5, cursor: 'bm90LWEtY3Vyc29y' }));
    expect(bad.code).toBe('request.invalid');
    expect(bad.message).toMatch(/cursor/);
  });

  it('B1 L1: only a bank operator verifies the chains from the API, and each verification is audited', async () => {
    expect((await failure(bank.kinko.verifyAudit(bank.admin as never))).code).toBe('auth.forbidden');
    const before = await auditRecordCount(bank.store);
    expect(await bank.kinko.verifyAudit(bank.operator)).toMatchObject({ ok: true, records: before });
    const [last] = await bank.store.audit.list({ chain: BANK_CHAIN, limit: 1 });
    expect(last).toMatchObject({ action: 'audit.verified', actorType: 'operator', outcome: 'success' });
    expect(await bank.kinko.verifyAudit(bank.operator)).toMatchObject({ ok: true, records: before + 1 });
  });

  it('L1: lone surrogates, NUL and non-BMP characters in every audited text field are MACed as stored, and verify', async () => {
    const samples = ['\ud800', 'x\udfffy', 'a\0b', '𠮷野家😀', '\ud83d'];
    for (const text of samples) {
      await runUseCase(bank.deps, async (tx) => {
        tx.audit({
          actor: { ...user1, userId: text },
          // Not an action core writes: the storage of any text is what is tested here.
          action: `test.${text}` as AuditAction,
          subject: text,
          detail: { [text]: text, name: text, nested: { list: [text] } },
        });
      });
      // The same through the edge of the product: a login with such a login ID (refused by the
      // HTTP schemas; core must not be broken by it either).
      await failure(
        bank.kinko.login(
          { kind: 'anonymous', clientAddress: text },
          { contractNumber: bank.contractNumber, loginId: text, password: text },
        ),
      );
    }
    expect(await verify()).toMatchObject({ ok: true, problems: [] });
    // Re-read from the database: each record's MAC is over exactly what is stored.
    for (const chain of [chainOfContract(), BANK_CHAIN]) {
      for (const r of await records(chain)) {
        expect(recordMac(bank.deps.auditKey, r)).toBe(r.mac);
        for (const text of [r.actorId, r.action, r.subject, r.detail]) {
          if (text !== null) expect(text.isWellFormed() && !text.includes('\0')).toBe(true);
        }
      }
    }
    const stored = (await records(chainOfContract())).filter((r) => r.action.startsWith('test.'));
    expect(stored.map((r) => r.subject)).toEqual(samples.map(storableText));
    expect(JSON.parse(stored[3]?.detail ?? '{}')).toMatchObject({ name: '𠮷野家😀' });
  });

  it('L1: a detail that would carry a secret value is refused, and nothing of the act commits', async () => {
    const count = await auditRecordCount(bank.store);
    const leaking = runUseCase(bank.deps, async (tx) => {
      tx.audit({
        actor: { kind: 'system' },
        action: 'test.leak' as AuditAction,
        detail: { contractPin: pins.contract },
      });
    });
    await expect(leaking).rejects.toThrow(/detail\.contractPin, a secret/);
    // A flag or a count under such a name is a fact, not the secret.
    await runUseCase(bank.deps, async (tx) => {
      tx.audit({
        actor: { kind: 'system' },
        action: 'test.flag' as AuditAction,
        detail: { newPassword: true, failedPin: 2 },
      });
    });
    expect(await auditRecordCount(bank.store)).toBe(count + 1);
  });

  it('L1: appendAudit puts a transaction’s records of several chains each in its own, continuing each head', async () => {
    const before = await bank.store.audit.head(chainOfContract());
    await bank.store.transaction((tx) =>
      appendAudit(tx, bank.deps.auditKey, [
        {
          at: 1,
          actorType: 'system',
          actorId: null,
          contractId: null,
          action: 'a',
          subject: null,
          outcome: 'success',
          detail: {},
        },
        {
          at: 1,
          actorType: 'system',
          actorId: null,
          contractId: user1.contractId,
          action: 'b',
          subject: null,
          outcome: 'success',
          detail: {},
        },
        {
          at: 1,
          actorType: 'system',
          actorId: null,
          contractId: user1.contractId,
          action: 'c',
          subject: null,
          outcome: 'success',
          detail: {},
        },
      ]),
    );
    const after = await bank.store.audit.head(chainOfContract());
    expect(after?.seq).toBe((before?.seq ?? 0) + 2);
    expect(await verify()).toMatchObject({ ok: true });
  });
});
