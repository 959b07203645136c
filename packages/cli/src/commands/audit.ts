import { readFileSync, writeFileSync } from 'node:fs';
import { type AuditVerification, checkpointAudit, parseCheckpoint, verifyAuditLog } from '@kinko/core';
import { CliError, type Runtime } from '../runtime.ts';

/**
 * `kinko audit verify [--checkpoint FILE]`: walks every chain of the audit log (L1); with a
 * checkpoint, also proves that nothing up to its heads was removed or changed. Exit 0 when
 * intact, 3 when broken. The command line runs beside the database as the bank's own system,
 * not as an operator.
 */
export async function auditVerify(rt: Runtime, o: { checkpoint?: string } = {}): Promise<number> {
  const checkpoint = o.checkpoint === undefined ? undefined : parseCheckpoint(readText(o.checkpoint));
  const r = await verifyAuditLog(rt.store, rt.auditKey, checkpoint);
  const against = r.checkpoint
    ? ` against the checkpoint of ${new Date(r.checkpoint.createdAt).toISOString()} (${r.checkpoint.chains} chains)`
    : '';
  if (r.ok) {
    console.log(`audit log intact: ${r.records} records in ${r.chains} chains${against}`);
    return 0;
  }
  console.error(`audit log BROKEN${against}: ${r.problems.length} problem(s)`);
  for (const p of r.problems) console.error(`  ${describe(p)}`);
  console.error(`(${r.records} records in ${r.chains} chains verified)`);
  return 3;
}

function describe(p: AuditVerification['problems'][number]): string {
  const where = p.chain === '*' ? 'log' : `chain ${p.chain}${p.seq === null ? '' : ` record ${p.seq}`}`;
  return `${where}: ${p.reason}`;
}

/**
 * `kinko audit checkpoint [--out FILE]`: every chain's head, signed with the audit key, to keep
 * outside the database (L1). The act is audited first, so the checkpoint covers its own record.
 */
export async function auditCheckpoint(rt: Runtime, o: { out?: string } = {}): Promise<number> {
  const cp = await checkpointAudit(rt.deps);
  const text = `${JSON.stringify(cp, null, 2)}\n`;
  if (o.out === undefined) process.stdout.write(text);
  else {
    try {
      writeFileSync(o.out, text, { flag: 'wx' });
    } catch (e) {
      throw new CliError(
        `--out ${o.out}: ${(e as NodeJS.ErrnoException).code === 'EEXIST' ? 'the file exists (a checkpoint is never overwritten)' : (e as Error).message}`,
        2,
      );
    }
    console.error(`checkpoint of ${cp.heads.length} chains written to ${o.out} (key id ${cp.keyId})`);
  }
  return 0;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`--checkpoint ${file}: ${(e as Error).message}`, 2);
  }
}
