/**
 * `kinko ca init` (A5): a new CA for a new bank, its key written like the KEK (0600, never in the
 * database), and the configuration that gives it to `kinko serve`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCertificateAuthority } from '@kinko/core';
import { CliError, systemClock, systemRandom } from '../runtime.ts';

export async function caInit(o: { out: string; bankName: string; years: number }): Promise<string> {
  const dir = resolve(o.out);
  const keyFile = join(dir, 'ca.key');
  const certFile = join(dir, 'ca.crt');
  for (const f of [keyFile, certFile]) {
    if (existsSync(f)) throw new CliError(`${f} exists: a CA is never overwritten (move it away first)`, 2);
  }
  if (!Number.isInteger(o.years) || o.years < 1 || o.years > 30) throw new CliError('--years is 1–30', 2);
  const ca = await createCertificateAuthority({
    bankName: o.bankName,
    now: systemClock.now(),
    random: systemRandom,
    years: o.years,
  });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(keyFile, ca.keyPem, { mode: 0o600, flag: 'wx' });
  writeFileSync(certFile, ca.certificatePem, { mode: 0o644, flag: 'wx' });
  return [
    `# The bank's CA (A5). Keep ca.key like the KEK: readable by the service user only, never in the database.`,
    `KINKO_CA_KEY_FILE=${keyFile}`,
    `KINKO_CA_CERT_FILE=${certFile}`,
  ].join('\n');
}
