/**
 * M1, M3 as a property: random transfer sequences (see test-transfer-ops.ts) on each backend;
 * after every sequence the ledger verifies and every completed transfer is posted exactly once.
 */

import { op, openTransferBank, run, testBackends } from '@kinko/testkit';
import fc from 'fast-check';
import { describe, it } from 'vitest';

describe.each(testBackends())('M1 M3: transfer property on $name', (backend) => {
  it('M1 M3: over random transfers, cancellations, scheduled runs, retries and failures the ledger verifies and every completed transfer is posted exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 20 }), async (ops) => {
        const tb = await openTransferBank(backend);
        try {
          await run(tb, ops);
        } finally {
          await tb.bank.cleanup();
        }
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});
