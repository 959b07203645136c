/** Records for the storage conformance tests: valid by default, any field overridable. */
import { createHash } from 'node:crypto';
import type {
  AuditRecord,
  BranchRecord,
  ContractRecord,
  CustomerAccountRecord,
  OperatorRecord,
  SessionRecord,
  Store,
  TokenRecord,
  TransferRecord,
  UserRecord,
} from '@kinko/core/ports';
import { yen } from '@kinko/core/ports';

let next = 0;
const unique = () => `${process.pid}-${++next}`;
const T0 = 1_750_000_000_000; // 2025-06-15, past 2^31 so int8 columns matter

export const branch = (over: Partial<BranchRecord> = {}): BranchRecord => ({
  code: '001',
  name: '本店',
  ...over,
});

function contract(over: Partial<ContractRecord> = {}): ContractRecord {
  const n = ++next;
  return {
    id: `c-${unique()}`,
    contractNumber: String(10_000_000_000 + n),
    name: 'カ）キンコショウジ',
    branchCode: '001',
    loginMethod: 'id_password',
    usageMode: 'individual',
    sharedTokenId: null,
    contractPinHash: '$argon2id$contract',
    contractPinFailures: 0,
    contractPinLocked: false,
    stopped: false,
    createdAt: T0,
    ...over,
  };
}

export function user(contractId: string, over: Partial<UserRecord> = {}): UserRecord {
  const id = `u-${unique()}`;
  return {
    id,
    contractId,
    loginId: `login${id}`,
    name: '山田太郎',
    role: 'user',
    passwordHash: '$argon2id$password',
    passwordFailures: 0,
    loginLocked: false,
    otpFailures: 0,
    confirmPinFailures: 0,
    suspended: false,
    confirmPinHash: null,
    cardCiphertext: null,
    tokenId: null,
    cardChallenge: null,
    removed: false,
    createdAt: T0,
    ...over,
  };
}

export function token(over: Partial<TokenRecord> = {}): TokenRecord {
  const n = ++next;
  return {
    id: `t-${unique()}`,
    serial: `SKTS${String(n).padStart(8, '0')}`,
    seedCiphertext: new Uint8Array([0, 1, 2, 253, 254, 255, n % 256]),
    status: 'activated',
    lastStep: -1,
    drift: 0,
    contractId: null,
    createdAt: T0,
    expiresAt: T0 + 86_400_000,
    registeredAt: null,
    revokedAt: null,
    ...over,
  };
}

export function session(subjectId: string, over: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: createHash('sha256').update(unique()).digest('hex'),
    realm: 'customer',
    subjectId,
    contractId: null,
    csrfToken: `csrf-${unique()}`,
    createdAt: T0,
    lastSeenAt: T0,
    expiresAt: T0 + 600_000,
    ...over,
  };
}

export function operator(over: Partial<OperatorRecord> = {}): OperatorRecord {
  const id = `o-${unique()}`;
  return {
    id,
    loginId: `op${id}`,
    name: '窓口一郎',
    passwordHash: '$argon2id$operator',
    passwordFailures: 0,
    locked: false,
    createdAt: T0,
    ...over,
  };
}

/** A customer account at branch 001 (seed the branch first), balance 0. */
export function account(over: Partial<CustomerAccountRecord> = {}): CustomerAccountRecord {
  const n = ++next;
  return {
    id: `a-${unique()}`,
    internal: null,
    branchCode: '001',
    type: 'ordinary',
    number: String(1_000_000 + n).slice(-7),
    holderKana: 'ｶ)ｷﾝｺｼﾖｳｼﾞ',
    contractId: null,
    overdraftLimit: yen(0),
    balance: yen(0),
    lastSeq: 0,
    status: 'active',
    createdAt: T0,
    ...over,
  };
}

/** A contract with its branch, ready for users and tokens. */
export async function seedContract(
  store: Store,
  over: Partial<ContractRecord> = {},
): Promise<ContractRecord> {
  if (!(await store.branches.get('001'))) await store.branches.insert(branch());
  const c = contract(over);
  await store.contracts.insert(c);
  return c;
}

/**
 * Appends one audit record the way core does (L1): lock the chain's head, chain to it, append,
 * all in the caller's transaction. The mac here is a stand-in for core's keyed one.
 */
export async function appendAudit(
  tx: Store,
  over: Partial<AuditRecord> = {},
  beforeAppend?: () => Promise<void>,
): Promise<AuditRecord> {
  const chain = over.chain ?? 'bank';
  const [head] = await tx.audit.lockHeads([chain]);
  if (!head) throw new Error('lockHeads returned no head');
  await beforeAppend?.();
  const seq = head.seq + 1;
  const record: AuditRecord = {
    chain,
    seq,
    at: T0 + seq,
    actorType: 'system',
    actorId: null,
    contractId: chain === 'bank' ? null : chain,
    action: 'test.event',
    subject: null,
    outcome: 'success',
    detail: '{}',
    prevMac: head.mac,
    mac: createHash('sha256').update(`${chain}:${head.mac}:${seq}`).digest('hex'),
    ...over,
  };
  await tx.audit.append([record]);
  return record;
}

/** A transfer as the store holds it (scheduled, to another bank), any field overridable. */
export function transfer(
  contractId: string,
  userId: string,
  fromAccountId: string,
  over: Partial<TransferRecord> = {},
): TransferRecord {
  return {
    id: `t-${unique()}`,
    contractId,
    userId,
    kind: 'other_bank',
    status: 'scheduled',
    fromAccountId,
    toAccountId: null,
    payeeId: null,
    standing: 'first_time',
    bankCode: '0001',
    bankName: 'みずほ',
    branchCode: '001',
    branchName: '東京営業部',
    accountType: 'ordinary',
    accountNumber: '1234567',
    payeeName: 'ﾔﾏﾀﾞ ﾀﾛｳ',
    remitterName: 'ｶ)ｷﾝｺｼﾖｳｼﾞ',
    amount: yen(9_999_999_999),
    fee: yen(440),
    valueDate: '2025-06-16',
    receiptNumber: `20250615-${unique()}`,
    entryId: null,
    outbound: null,
    failure: null,
    createdAt: T0,
    confirmedAt: T0,
    executedAt: null,
    cancelledAt: null,
    ...over,
  };
}

export { T0 };
