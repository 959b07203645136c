import type { OperatorActor } from '../identity/actors.ts';
import { requireOperator } from '../identity/operators.ts';
import { type KinkoDeps, runUseCase } from '../use-case.ts';
import type { AuditVerification } from './verify.ts';
import { verifyAuditLog } from './verify.ts';

/**
 * B1, L1: a bank operator verifies the chains from the back office. The walk reads outside a
 * transaction first; the act itself is then recorded, so the record of a verification is part of
 * the log the next verification checks.
 */
export async function verifyAuditAs(deps: KinkoDeps, actor: OperatorActor): Promise<AuditVerification> {
  await runUseCase(deps, (tx) => requireOperator(tx, actor));
  const result = await verifyAuditLog(deps.store, deps.auditKey);
  await runUseCase(deps, async (tx) => {
    await requireOperator(tx, actor);
    const first = result.problems[0];
    tx.audit({
      actor,
      action: 'audit.verified',
      subject: null,
      outcome: result.ok ? 'success' : 'failure',
      detail: {
        records: result.records,
        chains: result.chains,
        problems: result.problems.length,
        ...(first ? { firstProblemChain: first.chain, firstProblemSeq: first.seq } : {}),
      },
    });
  });
  return result;
}
