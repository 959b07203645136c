import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { transfersExport, transfersRunScheduled } from './transfers.ts';

describe('kinko transfers (M6)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('M6: run-scheduled runs the job once and reports what it posted', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const run = vi.fn(async () => ({ completed: 2, failed: 1 }));
    expect(await transfersRunScheduled({ kinko: { runScheduledTransfers: run } } as never)).toBe(0);
    expect(run).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith('scheduled transfers: 2 posted, 1 failed');
  });

  it("export writes the day's outbound file as the system and defaults the date to today in Japan", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const exportOutbound = vi.fn(async () => ({
      filename: 'outbound-20250108.csv',
      contentType: 'text/csv',
      body: new TextEncoder().encode('receiptNumber\r\n'),
      count: 0,
      total: 0,
    }));
    const out = join(mkdtempSync(join(tmpdir(), 'kinko-cli-')), 'out.csv');
    const now = Date.UTC(2025, 0, 7, 15, 30); // 2025-01-08 00:30 JST
    await transfersExport({ kinko: { exportOutbound } } as never, { format: 'csv', out, now });
    expect(exportOutbound).toHaveBeenCalledWith({ kind: 'system' }, '2025-01-08', 'csv');
    expect(readFileSync(out, 'utf8')).toBe('receiptNumber\r\n');
  });
});
