/** Reading transfers: the user's list (scheduled ones with their cancel button) and one transfer. */
import type { CustomerActor } from '../api.ts';
import { type KinkoDeps, runUseCase } from '../audit/use-case.ts';
import { KinkoError } from '../errors.ts';
import type { TransferStatus } from '../ports.ts';
import type { ApprovalState } from './approval-states.ts';
import { requireOwnTransfer } from './confirm.ts';
import { transferContext } from './enter.ts';
import { type TransferListItem, type TransferView, toTransferView } from './views.ts';

const statuses: readonly TransferStatus[] = ['pending', 'scheduled', 'completed', 'cancelled', 'failed'];

export async function listTransfers(
  deps: KinkoDeps,
  actor: CustomerActor,
  opts: { status?: TransferStatus; limit?: number } = {},
): Promise<TransferListItem[]> {
  if (opts.status !== undefined && !statuses.includes(opts.status)) {
    throw new KinkoError('request.invalid', `status is one of ${statuses.join(', ')}`);
  }
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 500);
  return runUseCase(deps, async (tx) => {
    const ctx = await transferContext(tx, actor);
    const rows = await tx.store.transfers.listByContract(ctx.contract.id, {
      statuses: opts.status ? [opts.status] : undefined,
      limit,
    });
    // The user's own transfers; another user's are the approvers' (M5a, the approvals inbox).
    const out: TransferListItem[] = [];
    for (const t of rows) {
      if (t.userId !== ctx.user.id) continue;
      // M5a: an approved scheduled transfer is the approvers' to take back (承認取消), not the
      // requester's to cancel; the list says so, so that the screen offers only what works.
      const request = await tx.store.approvals.getByTransfer(t.id);
      out.push({ ...toTransferView(t), approval: (request?.state as ApprovalState | undefined) ?? null });
    }
    return out;
  });
}

export function getTransfer(
  deps: KinkoDeps,
  actor: CustomerActor,
  transferId: string,
): Promise<TransferView> {
  return runUseCase(deps, async (tx) =>
    toTransferView(await requireOwnTransfer(tx, await transferContext(tx, actor), transferId)),
  );
}
