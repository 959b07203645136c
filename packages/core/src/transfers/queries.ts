/** Reading transfers: the user's list (scheduled ones with their cancel button) and one transfer. */

import type { ApprovalState } from '../approvals/index.ts';
import { KinkoError } from '../errors.ts';
import type { CustomerActor } from '../identity/actors.ts';
import type { CustomerContext } from '../identity/authz.ts';
import { requireCustomer } from '../identity/authz.ts';
import type { PageQuery } from '../paging.ts';
import { decodeCursor, encodeCursor, type PageLimits, pageLimit } from '../paging.ts';
import type { TransferListKey, TransferRecord, TransferStatus } from '../ports.ts';
import type { Tx } from '../use-case.ts';
import { type KinkoDeps, runUseCase } from '../use-case.ts';

import { type TransferListItem, type TransferPage, type TransferView, toTransferView } from './views.ts';

const statuses: readonly TransferStatus[] = ['pending', 'scheduled', 'completed', 'cancelled', 'failed'];

/** GET /api/v1/transfers states these in its OpenAPI document (server transfer-schemas.ts). */
export const TRANSFER_PAGE: PageLimits = { default: 100, max: 500 };
const CURSOR_KIND = 'transfers';

/**
 * The user's own transfers, newest first, a page at a time; another user's are the approvers'
 * (M5a, the approvals inbox). The store filters by user and status and pages by the unique
 * (createdAt, id) order, so every transfer of the user is on exactly one page, however many
 * the contract has and whatever is entered between two page reads.
 */
export async function listTransfers(
  deps: KinkoDeps,
  actor: CustomerActor,
  opts: TransferListQuery = {},
): Promise<TransferPage> {
  if (opts.status !== undefined && !statuses.includes(opts.status)) {
    throw new KinkoError('request.invalid', `status is one of ${statuses.join(', ')}`);
  }
  const limit = pageLimit(opts.limit, TRANSFER_PAGE);
  const before =
    opts.cursor === undefined ? undefined : toKey(decodeCursor(CURSOR_KIND, opts.cursor, keyParts));
  return runUseCase(deps, async (tx) => {
    const ctx = await requireCustomer(tx, actor);
    // One row more than the page tells whether there is a next page without a count.
    const rows = await tx.store.transfers.listByUser(ctx.contract.id, ctx.user.id, {
      status: opts.status,
      before,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const items: TransferListItem[] = [];
    for (const t of page) {
      // M5a: an approved scheduled transfer is the approvers' to take back (承認取消), not the
      // requester's to cancel; the list says so, so that the screen offers only what works.
      const request = await tx.store.approvals.getByTransfer(t.id);
      items.push({ ...toTransferView(t), approval: (request?.state as ApprovalState | undefined) ?? null });
    }
    const last = page.at(-1);
    const nextCursor =
      rows.length > limit && last ? encodeCursor(CURSOR_KIND, [last.createdAt, last.id]) : null;
    return { items, nextCursor };
  });
}

const keyParts = ['integer', 'string'] as const;
const toKey = ([createdAt, id]: readonly [number, string]): TransferListKey => ({ createdAt, id });

export function getTransfer(
  deps: KinkoDeps,
  actor: CustomerActor,
  transferId: string,
): Promise<TransferView> {
  return runUseCase(deps, async (tx) =>
    toTransferView(await requireOwnTransfer(tx, await requireCustomer(tx, actor), transferId)),
  );
}

/** The user's own transfer; another contract's or another user's is reported as missing. */
export async function requireOwnTransfer(tx: Tx, ctx: CustomerContext, id: unknown): Promise<TransferRecord> {
  const t = typeof id === 'string' && id.length <= 64 ? await tx.store.transfers.get(id) : null;
  if (!t || t.contractId !== ctx.contract.id || t.userId !== ctx.user.id)
    throw new KinkoError(
      'transfer.not_found',
      "No such transfer: the id is one of this user's own transfers (GET /api/v1/transfers lists them).",
    );
  return t;
}

export type TransferListQuery = PageQuery & { status?: TransferStatus };
