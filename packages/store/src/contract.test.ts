/**
 * The storage contract: the same cases on every database this machine offers (SQLite always,
 * PostgreSQL when KINKO_TEST_PG is set), each case on a fresh database or schema.
 */
import { afterEach, beforeEach, describe } from 'vitest';
import { atomicCases } from './contract/atomic.ts';
import { auditCases } from './contract/audit.ts';
import { commitCases } from './contract/commits.ts';
import { ledgerCases } from './contract/ledger.ts';
import { limitCases } from './contract/limits.ts';
import { listCases } from './contract/lists.ts';
import { migrationCases } from './contract/migrations.ts';
import { recordCases } from './contract/records.ts';
import { transactionCases } from './contract/transactions.ts';
import { transferCases } from './contract/transfers.ts';
import { type TestStore, testBackends } from './testing.ts';

describe.each(testBackends())('store contract on $name', (backend) => {
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
});
