import type { AuditVerification, OperatorActor } from '../api.ts';
import { requireOperator } from '../identity/operators.ts';
import { type KinkoDeps, runUseCase } from './use-case.ts';
import { verifyChain } from './verify.ts';

/**
 * B1, L1: a bank operator verifies the chain from the back office. The walk reads a consistent
 * view first; the act itself is then recorded, so the record of a verification is part of the
 * chain the next verification checks.
 */
export async function verifyAuditAs(deps: KinkoDeps, actor: OperatorActor): Promise<AuditVerification> {
  await runUseCase(deps, (tx) => requireOperator(tx, actor));
  const result = await verifyChain(deps.store);
  await runUseCase(deps, async (tx) => {
    await requireOperator(tx, actor);
    tx.audit({
      actor,
      action: 'audit.verified',
      subject: null,
      outcome: result.ok ? 'success' : 'failure',
      detail: {
        count: result.count,
        ...(result.brokenAt === undefined ? {} : { brokenAt: result.brokenAt }),
      },
    });
  });
  return result;
}
