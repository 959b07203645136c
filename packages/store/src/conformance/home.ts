/**
 * Storage conformance of what the home page reads on every visit: the reused-OTP alerts (T2),
 * each recipient acknowledging for themselves, and 前回ログイン日時 per realm and subject.
 */
import type { OtpAlertRecord, Store } from '@kinko/core/ports';
import { expect, it } from 'vitest';
import { openTestStoreTwin, type TestStore } from '../testing.ts';
import { operator, seedContract, T0, user } from './fixtures.ts';

let n = 0;
function alert(contractId: string, userId: string, over: Partial<OtpAlertRecord> = {}): OtpAlertRecord {
  n++;
  return {
    id: `${process.pid.toString(16).padStart(8, '0')}${String(n).padStart(24, '0')}`,
    contractId,
    serial: 'SKTS00000001',
    userId,
    operation: 'transfer.confirm',
    at: T0 + n,
    ...over,
  };
}

async function seedUsers(store: Store) {
  const c = await seedContract(store);
  const admin = user(c.id, { role: 'admin' });
  const holder = user(c.id);
  const bystander = user(c.id);
  for (const u of [admin, holder, bystander]) await store.users.insert(u);
  return { c, admin, holder, bystander };
}

export function homeCases(current: () => TestStore): void {
  it("T2: an alert is open for each recipient until that recipient acknowledges it; one's acknowledgement leaves the other's open", async () => {
    const store = current();
    const { c, admin, holder, bystander } = await seedUsers(store);
    const a = alert(c.id, holder.id, { at: T0 + 5_000 });
    await store.transaction((tx) => tx.otpAlerts.insert(a, [holder.id, admin.id, holder.id]));
    expect(await store.otpAlerts.listOpen(holder.id, 10)).toEqual([a]);
    expect(await store.otpAlerts.listOpen(admin.id, 10)).toEqual([a]);
    expect(await store.otpAlerts.listOpen(bystander.id, 10)).toEqual([]);
    expect(await store.otpAlerts.getForRecipient(a.id, bystander.id)).toBeNull();
    expect(await store.otpAlerts.getForRecipient('no-such-alert', admin.id)).toBeNull();
    expect(await store.otpAlerts.getForRecipient(a.id, admin.id)).toEqual({ alert: a, acknowledgedAt: null });

    expect(await store.otpAlerts.acknowledge(a.id, admin.id, T0 + 9_000)).toBe(true);
    expect(await store.otpAlerts.acknowledge(a.id, admin.id, T0 + 9_500)).toBe(false);
    expect(await store.otpAlerts.acknowledge(a.id, bystander.id, T0 + 9_500)).toBe(false);
    expect(await store.otpAlerts.getForRecipient(a.id, admin.id)).toEqual({
      alert: a,
      acknowledgedAt: T0 + 9_000,
    });
    expect(await store.otpAlerts.listOpen(admin.id, 10)).toEqual([]);
    expect(await store.otpAlerts.listOpen(holder.id, 10)).toEqual([a]);
  });

  it('T2: open alerts come newest first (by time, then id), at most limit, acknowledged ones left out', async () => {
    const store = current();
    const { c, admin, holder } = await seedUsers(store);
    const made: OtpAlertRecord[] = [];
    for (let i = 0; i < 7; i++) {
      // Two share each millisecond: the id decides between them.
      const a = alert(c.id, holder.id, { at: T0 + Math.floor(i / 2) });
      made.push(a);
      await store.otpAlerts.insert(a, [holder.id, admin.id]);
    }
    const newestFirst = [...made].sort((x, y) => y.at - x.at || (x.id < y.id ? 1 : -1));
    expect(await store.otpAlerts.listOpen(admin.id, 5)).toEqual(newestFirst.slice(0, 5));
    await store.otpAlerts.acknowledge(newestFirst[0]!.id, admin.id, T0 + 100);
    expect(await store.otpAlerts.listOpen(admin.id, 10)).toEqual(newestFirst.slice(1));
    expect(await store.otpAlerts.listOpen(holder.id, 10)).toEqual(newestFirst);
  });

  it('T2: of concurrent acknowledgements by the same recipient, from two processes, exactly one is recorded', async () => {
    const store = current();
    const twin = await openTestStoreTwin(store);
    const { c, admin, holder } = await seedUsers(store);
    const a = alert(c.id, holder.id);
    await store.otpAlerts.insert(a, [holder.id, admin.id]);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? twin : store).transaction((tx) => tx.otpAlerts.acknowledge(a.id, admin.id, T0 + i)),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await twin.otpAlerts.listOpen(holder.id, 10)).toEqual([a]);
  });

  it('T2: an alert rolled back with its transaction leaves no recipient rows behind', async () => {
    const store = current();
    const { c, admin, holder } = await seedUsers(store);
    const a = alert(c.id, holder.id);
    await expect(
      store.transaction(async (tx) => {
        await tx.otpAlerts.insert(a, [holder.id, admin.id]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await store.otpAlerts.listOpen(admin.id, 10)).toEqual([]);
  });

  it('前回ログイン日時: each login moves the last to previous; realms and subjects are apart', async () => {
    const store = current();
    const { holder } = await seedUsers(store);
    const op = operator();
    await store.operators.insert(op);
    expect(await store.lastLogins.get('customer', holder.id)).toBeNull();
    expect(await store.lastLogins.record('customer', holder.id, T0)).toEqual({
      lastAt: T0,
      previousAt: null,
    });
    expect(await store.lastLogins.record('customer', holder.id, T0 + 60_000)).toEqual({
      lastAt: T0 + 60_000,
      previousAt: T0,
    });
    expect(
      await store.transaction((tx) => tx.lastLogins.record('customer', holder.id, T0 + 120_000)),
    ).toEqual({
      lastAt: T0 + 120_000,
      previousAt: T0 + 60_000,
    });
    expect(await store.lastLogins.get('customer', holder.id)).toEqual({
      lastAt: T0 + 120_000,
      previousAt: T0 + 60_000,
    });
    // The same id in the other realm is another subject.
    expect(await store.lastLogins.get('bank', holder.id)).toBeNull();
    await store.lastLogins.record('bank', op.id, T0 + 5);
    expect(await store.lastLogins.get('bank', op.id)).toEqual({ lastAt: T0 + 5, previousAt: null });
  });

  it('前回ログイン日時: concurrent logins from two processes are ordered, none is lost', async () => {
    const store = current();
    const twin = await openTestStoreTwin(store);
    const { holder } = await seedUsers(store);
    const times = Array.from({ length: 10 }, (_, i) => T0 + (i + 1) * 1_000);
    const after = await Promise.all(
      times.map((at, i) =>
        (i % 2 ? twin : store).transaction((tx) => tx.lastLogins.record('customer', holder.id, at)),
      ),
    );
    // Each login saw the one committed before it: the previous times are all the others' last
    // times but one, each once, and exactly one login was the first.
    const previous = after.map((r) => r.previousAt);
    expect(previous.filter((p) => p === null)).toHaveLength(1);
    const lasts = after.map((r) => r.lastAt);
    const seen = previous.filter((p): p is number => p !== null);
    expect(new Set(seen).size).toBe(seen.length);
    for (const p of seen) expect(lasts).toContain(p);
    const final = await store.lastLogins.get('customer', holder.id);
    expect(lasts).toContain(final?.lastAt);
    expect(seen).not.toContain(final?.lastAt);
  });
}
