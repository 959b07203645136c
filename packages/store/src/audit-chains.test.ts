/**
 * Hardening defect 3, SPEC §5 (no row written by every transaction of the bank): every audited
 * transaction used to lock and update the one audit_head row until it committed; on PostgreSQL
 * it was 92–94% busy under transfer load and a second server process added nothing. With a head
 * per chain, two contracts' audited transactions never wait for each other: one is held open
 * after its audit write while the other commits. PostgreSQL only: SQLite has one writer for the
 * whole file, by design (decision 3).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from './conformance/fixtures.ts';
import { openTestStoreTwin, type TestStore, testBackends } from './testing.ts';

describe.each(testBackends().filter((b) => b.name === 'postgres'))('$name: audit chains', (backend) => {
  let store: TestStore | undefined;
  afterEach(async () => {
    await store?.cleanup();
    store = undefined;
  });

  /** Opens a transaction that appends to `chain` and stays open until release() is called. */
  function holdOpen(s: TestStore, chain: string) {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let written: () => void = () => {};
    const appended = new Promise<void>((resolve) => {
      written = resolve;
    });
    const done = s.transaction(async (tx) => {
      await appendAudit(tx, { chain });
      written();
      await released;
    });
    return { appended, release, done };
  }

  it("L1 §5: two contracts' audited transactions never wait for each other's audit writes", async () => {
    store = await backend.open();
    const twin = await openTestStoreTwin(store);
    // Both chains exist already, as a contract's does after its first audited act.
    await store.transaction((tx) => appendAudit(tx, { chain: 'contract-a' }));
    await store.transaction((tx) => appendAudit(tx, { chain: 'contract-b' }));

    const a = holdOpen(store, 'contract-a');
    await a.appended;
    // Contract B's transaction commits while A's is still open after its own audit write.
    const b = await twin.transaction((tx) => appendAudit(tx, { chain: 'contract-b' }));
    expect(b).toMatchObject({ chain: 'contract-b', seq: 2 });
    expect(await twin.audit.head('contract-b')).toMatchObject({ seq: 2 });
    expect(await twin.audit.head('contract-a')).toMatchObject({ seq: 1 }); // A not committed yet
    a.release();
    await a.done;
    expect(await twin.audit.head('contract-a')).toMatchObject({ seq: 2 });
  });

  it('L1: a second transaction on the same chain does wait for the first (the control)', async () => {
    store = await backend.open();
    const twin = await openTestStoreTwin(store);
    await store.transaction((tx) => appendAudit(tx, { chain: 'contract-a' }));
    const a = holdOpen(store, 'contract-a');
    await a.appended;
    let committed = false;
    const second = twin
      .transaction((tx) => appendAudit(tx, { chain: 'contract-a' }))
      .then((r) => {
        committed = true;
        return r;
      });
    // It is queued on A's head: give it every chance to (wrongly) get through first.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(committed).toBe(false);
    a.release();
    expect(await second).toMatchObject({ seq: 3 });
  });
});
