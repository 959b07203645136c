import type { FailureKind, Store, UserRecord, UserRole } from '@kinko/core/ports';
import type { Insertable, Selectable } from 'kysely';
import type { UsersTable } from '../schema.ts';
import { insertRows, prepared } from './prepared.ts';
import { bool, bytesOrNull, type Executor, mapUnique, patchColumns, recordFailure } from './shared.ts';

type UserPatch = Parameters<Store['users']['update']>[1];

const patchMap = {
  name: 'name',
  passwordHash: 'password_hash',
  passwordFailures: 'password_failures',
  loginLocked: 'login_locked',
  otpFailures: 'otp_failures',
  confirmPinFailures: 'confirm_pin_failures',
  suspended: 'suspended',
  confirmPinHash: 'confirm_pin_hash',
  cardCiphertext: 'card_ciphertext',
  tokenId: 'token_id',
  cardChallenge: 'card_challenge',
  removed: 'removed',
} as const satisfies Record<keyof UserPatch, keyof UsersTable>;

/** Which counter a failure counts on and which flag it sets at the limit (A2, A4). */
const failureColumns = {
  password: ['password_failures', 'login_locked'],
  otp: ['otp_failures', 'suspended'], // 利用中止
  confirm_pin: ['confirm_pin_failures', 'suspended'],
} as const satisfies Record<FailureKind, readonly [keyof UsersTable, keyof UsersTable]>;

const byId = prepared((db, id: string) => db.selectFrom('users').selectAll().where('id', '=', id));
const consumeChallenge = prepared((db, id: string, position: string) =>
  db
    .updateTable('users')
    .set({ card_challenge: null })
    .where('id', '=', id)
    .where('card_challenge', '=', position),
);

export function usersRepo(db: Executor): Store['users'] {
  const select = () => db().selectFrom('users').selectAll();
  return {
    async insert(u) {
      await mapUnique(insertRows(db, 'users', [toRow(u)]));
    },
    async get(id) {
      const row = (await byId(db, id)).rows[0];
      return row ? fromRow(row) : null;
    },
    async getByLogin(contractId, loginId) {
      const row = await select()
        .where('contract_id', '=', contractId)
        .where('login_id', '=', loginId)
        .executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async listByContract(contractId) {
      const rows = await select()
        .where('contract_id', '=', contractId)
        .where('removed', '=', false)
        .orderBy('created_at')
        .orderBy('id') // same-millisecond inserts still list in a stable order
        .execute();
      return rows.map(fromRow);
    },
    async countByContract(contractId) {
      // Not removed, like listByContract: the count is for the per-contract user limit.
      const row = await db()
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('contract_id', '=', contractId)
        .where('removed', '=', false)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async listByToken(tokenId) {
      const rows = await select()
        .where('token_id', '=', tokenId)
        .where('removed', '=', false)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(fromRow);
    },
    async update(id, patch) {
      const set = patchColumns<UserPatch, UsersTable>(patch, patchMap);
      if (Object.keys(set).length === 0) return;
      await mapUnique(db().updateTable('users').set(set).where('id', '=', id).execute());
    },
    recordFailure(id, kind, max) {
      const [counter, flag] = failureColumns[kind];
      return recordFailure(db(), 'users', counter, flag, id, max);
    },
    async resetFailures(id, kind) {
      const [counter] = failureColumns[kind];
      // The `<> 0` spares a write (and a WAL frame) on every successful login.
      await db()
        .updateTable('users')
        .set({ [counter]: 0 })
        .where('id', '=', id)
        .where(counter, '<>', 0)
        .execute();
    },
    async consumeCardChallenge(id, position) {
      // PostgreSQL (READ COMMITTED): a concurrent update waits for the row lock, then re-checks
      // the WHERE on the committed row and changes nothing; SQLite's one writer serialises.
      return (await consumeChallenge(db, id, position)).numAffectedRows === 1n;
    },
  };
}

function toRow(u: UserRecord): Insertable<UsersTable> {
  return {
    id: u.id,
    contract_id: u.contractId,
    login_id: u.loginId,
    name: u.name,
    role: u.role,
    password_hash: u.passwordHash,
    password_failures: u.passwordFailures,
    login_locked: u.loginLocked,
    otp_failures: u.otpFailures,
    confirm_pin_failures: u.confirmPinFailures,
    suspended: u.suspended,
    confirm_pin_hash: u.confirmPinHash,
    card_ciphertext: u.cardCiphertext,
    token_id: u.tokenId,
    card_challenge: u.cardChallenge,
    removed: u.removed,
    created_at: u.createdAt,
  };
}

function fromRow(r: Selectable<UsersTable>): UserRecord {
  return {
    id: r.id,
    contractId: r.contract_id,
    loginId: r.login_id,
    name: r.name,
    role: r.role as UserRole, // CHECK users_role
    passwordHash: r.password_hash,
    passwordFailures: r.password_failures,
    loginLocked: bool(r.login_locked),
    otpFailures: r.otp_failures,
    confirmPinFailures: r.confirm_pin_failures,
    suspended: bool(r.suspended),
    confirmPinHash: r.confirm_pin_hash,
    cardCiphertext: bytesOrNull(r.card_ciphertext),
    tokenId: r.token_id,
    cardChallenge: r.card_challenge,
    removed: bool(r.removed),
    createdAt: r.created_at,
  };
}
