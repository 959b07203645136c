/**
 * Storage conformance for client certificates and 取得 codes (A5): round-trips, the CRL's list,
 * and the two conditional UPDATEs (revoke, consume) exact across processes (a second store
 * stands in for a second process), as core's certificates room relies on.
 */
import type { CertificateCodeRecord, CertificateRecord } from '@kinko/core/ports';
import { expect, it } from 'vitest';
import { openTestStoreTwin, type TestStore } from '../testing.ts';
import { seedContract, T0, user } from './fixtures.ts';

const DAY = 86_400_000;

async function holder(store: TestStore): Promise<{ contractId: string; userId: string }> {
  const c = await seedContract(store, { loginMethod: 'certificate' });
  const u = user(c.id);
  await store.users.insert(u);
  return { contractId: c.id, userId: u.id };
}

let serials = 0;
function certificate(
  h: { contractId: string; userId: string },
  over: Partial<CertificateRecord> = {},
): CertificateRecord {
  return {
    serial: `4${String(++serials).padStart(31, '0')}`,
    ...h,
    subject: 'O=Kinko, OU=10000000001, CN=admin',
    notBefore: T0,
    notAfter: T0 + 365 * DAY,
    state: 'active',
    revokedAt: null,
    revocationReason: null,
    issuedAt: T0,
    der: new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]),
    ...over,
  };
}

function code(
  h: { contractId: string; userId: string },
  over: Partial<CertificateCodeRecord> = {},
): CertificateCodeRecord {
  return {
    id: `code-${++serials}`,
    ...h,
    codeHash: 'a'.repeat(64),
    issuedAt: T0,
    expiresAt: T0 + 80 * DAY,
    usedAt: null,
    supersededAt: null,
    ...over,
  };
}

export function certificateCases(current: () => TestStore): void {
  it('A5: a certificate round-trips (bytes, times past 2^31) and lists newest first; a serial is unique', async () => {
    const store = current();
    const h = await holder(store);
    const a = certificate(h);
    const b = certificate(h, { issuedAt: T0 + 1 });
    await store.certificates.insert(a);
    await store.certificates.insert(b);
    expect(await store.certificates.getBySerial(a.serial)).toEqual(a);
    expect((await store.certificates.listByContract(h.contractId)).map((c) => c.serial)).toEqual([
      b.serial,
      a.serial,
    ]);
    expect(await store.certificates.getBySerial('ffff')).toBeNull();
    await expect(store.certificates.insert(a)).rejects.toMatchObject({ code: 'unique' });
  });

  it('A5: revoke changes an active certificate once, from two processes at once; the CRL lists it until expiry', async () => {
    const store = current();
    const twin = await openTestStoreTwin(store);
    const h = await holder(store);
    const a = certificate(h);
    const b = certificate(h, { notAfter: T0 + DAY });
    await store.certificates.insert(a);
    await store.certificates.insert(b);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? twin : store).transaction((tx) =>
          tx.certificates.revoke(a.serial, 'revoked', T0 + 5, 'key_compromise'),
        ),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.certificates.revoke(b.serial, 'superseded', T0 + 6, 'superseded')).toBe(true);
    expect(await store.certificates.getBySerial(a.serial)).toMatchObject({
      state: 'revoked',
      revokedAt: T0 + 5,
      revocationReason: 'key_compromise',
    });
    expect((await store.certificates.listRevoked(T0 + 10)).map((c) => c.serial)).toEqual(
      [a.serial, b.serial].sort(),
    );
    expect((await store.certificates.listRevoked(T0 + 2 * DAY)).map((c) => c.serial)).toEqual([a.serial]);
  });

  it('A5: the database refuses a state it does not know and a revoked certificate with no time', async () => {
    const store = current();
    const h = await holder(store);
    await expect(store.certificates.insert(certificate(h, { state: 'lost' as never }))).rejects.toThrow();
    await expect(store.certificates.insert(certificate(h, { state: 'revoked' }))).rejects.toThrow();
    expect(await store.certificates.listByContract(h.contractId)).toEqual([]);
  });

  it('A5: 取得 codes: current is the newest open one; supersede closes them; consume succeeds once across processes', async () => {
    const store = current();
    const twin = await openTestStoreTwin(store);
    const h = await holder(store);
    const first = code(h);
    await store.certificateCodes.insert(first);
    expect(await store.certificateCodes.current(h.userId)).toEqual(first);
    expect(await store.certificateCodes.supersede(h.userId, T0 + 1)).toBe(1);
    expect(await store.certificateCodes.current(h.userId)).toBeNull();
    expect(await store.certificateCodes.consume(first.id, T0 + 2)).toBe(false);
    const second = code(h, { issuedAt: T0 + 3 });
    await store.certificateCodes.insert(second);
    expect((await store.certificateCodes.current(h.userId))?.id).toBe(second.id);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? twin : store).transaction((tx) => tx.certificateCodes.consume(second.id, T0 + 4)),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.certificateCodes.current(h.userId)).toBeNull();
  });
}
