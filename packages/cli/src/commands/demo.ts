import { type DemoSeed, seedDemo } from '@kinko/core';
import { openRuntime, systemClock, systemRandom } from '../runtime.ts';
import { serve } from './serve.ts';

/**
 * `kinko demo` (and `npm start`): migrate the SQLite default, load the demo bank once, print the
 * demo logins and serve http://localhost:3000.
 */
export async function runDemo(o: { db?: string; port: number; host: string; serve: boolean }): Promise<void> {
  const rt = await openRuntime({ db: o.db, createKek: true });
  const logins = await seedDemo(rt.kinko, rt.store, {
    clock: systemClock,
    random: systemRandom,
    config: rt.config,
    auditKey: rt.auditKey,
  });
  if (!o.serve) {
    printLogins(logins, undefined);
    await rt.close();
    return;
  }
  const s = await serve(rt, { port: o.port, host: o.host, quiet: true });
  printLogins(logins, s.url);
}

function printLogins(seed: DemoSeed, url: string | undefined): void {
  const lines = [''];
  if (url)
    lines.push(`Kinko demo bank: ${url}`, `  token app:   ${url}/token`, `  back office: ${url}/bank`, '');
  lines.push('Demo logins (demo secrets; never use them for a real bank):');
  for (const l of seed.logins) {
    const where = l.realm === 'bank' ? 'back office ' : `contract ${l.contractNumber}`;
    const pin = l.confirmPin ? `  利用者確認暗証番号 ${l.confirmPin}` : '';
    lines.push(`  ${l.role.padEnd(8)} ${where}  login ${l.loginId} / ${l.password}${pin}`);
    if (l.card)
      lines.push(
        `           利用者ワンタイムパスワード card: ${Object.entries(l.card)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`,
      );
  }
  lines.push(`  ご契約先確認暗証番号 (contract PIN): ${seed.contractPin}`, '');
  console.log(lines.join('\n'));
}
