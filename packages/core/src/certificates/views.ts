/** A5, B1: certificates as the administrator and the bank see them (never the key: the bank has none). */
import type { CustomerActor, OperatorActor } from '../identity/actors.ts';
import { requireAdmin } from '../identity/authz.ts';
import { findContract } from '../identity/contract-lookup.ts';
import { requireOperator } from '../identity/operators.ts';
import type { CertificateRecord, CertificateState, RevocationReason, Store } from '../ports.ts';
import { type KinkoDeps, runUseCase } from '../use-case.ts';

export interface CertificateView {
  serial: string;
  userId: string;
  loginId: string | null;
  subject: string;
  notBefore: number;
  notAfter: number;
  state: CertificateState;
  revokedAt: number | null;
  revocationReason: RevocationReason | null;
}

export async function certificateView(store: Store, c: CertificateRecord): Promise<CertificateView> {
  const user = await store.users.get(c.userId);
  return {
    serial: c.serial,
    userId: c.userId,
    loginId: user?.loginId ?? null,
    subject: c.subject,
    notBefore: c.notBefore,
    notAfter: c.notAfter,
    state: c.state,
    revokedAt: c.revokedAt,
    revocationReason: c.revocationReason,
  };
}

async function views(store: Store, contractId: string): Promise<CertificateView[]> {
  const out: CertificateView[] = [];
  for (const c of await store.certificates.listByContract(contractId))
    out.push(await certificateView(store, c));
  return out;
}

export function listCertificates(deps: KinkoDeps, actor: CustomerActor): Promise<CertificateView[]> {
  return runUseCase(deps, async (tx) => views(tx.store, (await requireAdmin(tx, actor)).contract.id));
}

export function listContractCertificates(
  deps: KinkoDeps,
  actor: OperatorActor,
  contractNumber: string,
): Promise<CertificateView[]> {
  return runUseCase(deps, async (tx) => {
    await requireOperator(tx, actor);
    return views(tx.store, (await findContract(tx, contractNumber)).id);
  });
}
