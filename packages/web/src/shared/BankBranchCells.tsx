import type { PayeeView } from '@kinko/core/shared';

/** 金融機関 and 支店 of a payee's row: each name with its code. */
export function BankBranchCells({ payee }: { payee: PayeeView }) {
  return (
    <>
      <td>
        {payee.bankName} <span className="mono">({payee.bankCode})</span>
      </td>
      <td>
        {payee.branchName} <span className="mono">({payee.branchCode})</span>
      </td>
    </>
  );
}
