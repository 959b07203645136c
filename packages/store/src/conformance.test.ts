/**
 * The storage conformance tests: the same cases on every database this machine offers (SQLite
 * always, PostgreSQL when KINKO_TEST_PG is set), each case on a fresh database or schema. (Not
 * "contract": in this bank a contract is ご契約先.)
 */
import { afterEach, beforeEach, describe } from 'vitest';
import { atomicCases } from './conformance/atomic.ts';
import { auditCases } from './conformance/audit.ts';
import { certificateCases } from './conformance/certificates.ts';
import { commitCases } from './conformance/commits.ts';
import { homeCases } from './conformance/home.ts';
import { ledgerCases } from './conformance/ledger.ts';
import { limitCases } from './conformance/limits.ts';
import { listCases } from './conformance/lists.ts';
import { migrationCases } from './conformance/migrations.ts';
import { recordCases } from './conformance/records.ts';
import { transactionCases } from './conformance/transactions.ts';
import { transferCases } from './conformance/transfers.ts';
import { type TestStore, testBackends } from './testing.ts';

describe.each(testBackends())('store conformance on $name', (backend) => {
  let store: TestStore | undefined;
  beforeEach(async () => {
    store = await backend.open();
  });
  afterEach(async () => {
    await store?.cleanup();
    store = undefined;
  });
  const current = (): TestStore => {
    if (!store) throw new Error('no store: beforeEach did not run');
    return store;
  };

  describe('migrations', () => migrationCases(current));
  describe('records', () => recordCases(current));
  describe('transactions', () => transactionCases(current));
  describe('concurrent commits', () => commitCases(current));
  describe('atomic operations', () => atomicCases(current));
  describe('audit chain', () => auditCases(current));
  describe('ledger', () => ledgerCases(current));
  describe('transfers', () => transferCases(current));
  describe('limits', () => limitCases(current));
  describe('lists', () => listCases(current));
  describe('home page', () => homeCases(current));
  describe('certificates', () => certificateCases(current));
});
