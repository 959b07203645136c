import { writeFileSync } from 'node:fs';
import { jstDate } from '@kinko/core';
import type { Runtime } from '../runtime.ts';

/**
 * `kinko transfers run-scheduled`: posts the scheduled transfers whose value date has come
 * (M6). Safe beside running servers: each transfer is claimed once across processes.
 */
export async function transfersRunScheduled(rt: Pick<Runtime, 'kinko'>): Promise<number> {
  const r = await rt.kinko.runScheduledTransfers();
  console.log(`scheduled transfers: ${r.completed} posted, ${r.failed} failed`);
  return 0;
}

/**
 * `kinko transfers export`: the day's outbound items for the Zengin network, as a 総合振込
 * file (JIS X 0201 bytes, CRLF) or CSV, to a file or standard output.
 */
export async function transfersExport(
  rt: Pick<Runtime, 'kinko'>,
  o: { date?: string; format: 'zengin' | 'csv'; out?: string; now?: number },
): Promise<number> {
  const date = o.date ?? jstDate(o.now ?? Date.now());
  const file = await rt.kinko.exportOutbound({ kind: 'system' }, date, o.format);
  if (o.out) writeFileSync(o.out, file.body);
  else process.stdout.write(file.body);
  console.error(`${file.count} outbound item(s), ¥${file.total.toLocaleString('ja-JP')} for ${date}`);
  return 0;
}
