import type {
  CertificateCodeRecord,
  CertificateRecord,
  CertificateState,
  RevocationReason,
  Store,
} from '@kinko/core/ports';
import type { Selectable } from 'kysely';
import type { CertificateCodesTable, CertificatesTable } from '../schema.ts';
import { bytes, type Executor, mapUnique } from './shared.ts';

export function certificatesRepo(db: Executor): Store['certificates'] {
  const select = () => db().selectFrom('certificates').selectAll();
  return {
    async insert(c) {
      await mapUnique(
        db()
          .insertInto('certificates')
          .values({
            serial: c.serial,
            contract_id: c.contractId,
            user_id: c.userId,
            subject: c.subject,
            not_before: c.notBefore,
            not_after: c.notAfter,
            state: c.state,
            revoked_at: c.revokedAt,
            revocation_reason: c.revocationReason,
            issued_at: c.issuedAt,
            der: c.der,
          })
          .execute(),
      );
    },
    async getBySerial(serial) {
      const row = await select().where('serial', '=', serial).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async listByContract(contractId) {
      const rows = await select()
        .where('contract_id', '=', contractId)
        .orderBy('issued_at', 'desc')
        .orderBy('serial', 'desc')
        .execute();
      return rows.map(fromRow);
    },
    async listRevoked(now) {
      const rows = await select()
        .where('state', 'in', ['revoked', 'superseded'])
        .where('not_after', '>', now)
        .orderBy('serial')
        .execute();
      return rows.map(fromRow);
    },
    async revoke(serial, state, at, reason) {
      // One conditional UPDATE: of concurrent revocations, in any number of processes, one wins.
      const result = await db()
        .updateTable('certificates')
        .set({ state, revoked_at: at, revocation_reason: reason })
        .where('serial', '=', serial)
        .where('state', '=', 'active')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

export function certificateCodesRepo(db: Executor): Store['certificateCodes'] {
  return {
    async insert(c) {
      await mapUnique(
        db()
          .insertInto('certificate_codes')
          .values({
            id: c.id,
            contract_id: c.contractId,
            user_id: c.userId,
            code_hash: c.codeHash,
            issued_at: c.issuedAt,
            expires_at: c.expiresAt,
            used_at: c.usedAt,
            superseded_at: c.supersededAt,
          })
          .execute(),
      );
    },
    async current(userId) {
      const row = await db()
        .selectFrom('certificate_codes')
        .selectAll()
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .where('superseded_at', 'is', null)
        .orderBy('issued_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? codeFromRow(row) : null;
    },
    async supersede(userId, at) {
      const result = await db()
        .updateTable('certificate_codes')
        .set({ superseded_at: at })
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .where('superseded_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async consume(id, at) {
      const result = await db()
        .updateTable('certificate_codes')
        .set({ used_at: at })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('superseded_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

function fromRow(r: Selectable<CertificatesTable>): CertificateRecord {
  return {
    serial: r.serial,
    contractId: r.contract_id,
    userId: r.user_id,
    subject: r.subject,
    notBefore: r.not_before,
    notAfter: r.not_after,
    state: r.state as CertificateState, // CHECK certificates_state
    revokedAt: r.revoked_at,
    revocationReason: r.revocation_reason as RevocationReason | null, // CHECK certificates_reason
    issuedAt: r.issued_at,
    der: bytes(r.der),
  };
}

function codeFromRow(r: Selectable<CertificateCodesTable>): CertificateCodeRecord {
  return {
    id: r.id,
    contractId: r.contract_id,
    userId: r.user_id,
    codeHash: r.code_hash,
    issuedAt: r.issued_at,
    expiresAt: r.expires_at,
    usedAt: r.used_at,
    supersededAt: r.superseded_at,
  };
}
