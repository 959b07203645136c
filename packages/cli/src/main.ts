#!/usr/bin/env node
/** `kinko`: the command line (SPEC §4). Every failure prints one clear line and exits non-zero. */
import { isKinkoError, makeConfig } from '@kinko/core';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { auditCheckpoint, auditVerify } from './commands/audit.ts';
import { caInit } from './commands/ca.ts';
import { certRequest, readPasswordStdin } from './commands/cert.ts';
import { dbMigrate } from './commands/db.ts';
import { runDemo } from './commands/demo.ts';
import { ledgerVerify } from './commands/ledger.ts';
import { serve } from './commands/serve.ts';
import {
  type TransportFlags,
  transportHelp,
  transportOptionList,
  transportOptions,
} from './commands/serve-options.ts';
import { tokenActivate, tokenCode, tokenList } from './commands/token.ts';
import { transfersExport, transfersRunScheduled } from './commands/transfers.ts';
import { CliError, configFromEnv, openRuntime } from './runtime.ts';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is 0–65535');
  return n;
}

const program = new Command('kinko')
  .description('Kinko corporate internet banking')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

const serveCommand = program
  .command('serve')
  .description('serve the API and the web apps')
  .option('--db <url>', 'sqlite:PATH or postgres://… (default KINKO_DB or sqlite:data/kinko.db)')
  .option('--kek-file <path>', 'key-encryption key file (default KINKO_KEK, KINKO_KEK_FILE or data/kek.key)')
  .option(
    '--audit-key-file <path>',
    'audit key file (default KINKO_AUDIT_KEY, KINKO_AUDIT_KEY_FILE or data/audit.key)',
  )
  .option(
    '--ca-key-file <path>',
    "the bank's CA key (default KINKO_CA_KEY, KINKO_CA_KEY_FILE or data/ca.key)",
  )
  .option('--ca-cert-file <path>', "the bank's CA certificate (default KINKO_CA_CERT_FILE or data/ca.crt)")
  .option('--port <n>', 'port', port, Number(process.env.PORT ?? 3000))
  .option('--host <host>', 'address to listen on', process.env.HOST ?? '127.0.0.1')
  .option('--quiet', 'no request log');
for (const option of transportOptionList()) serveCommand.addOption(option);
serveCommand.addHelpText('after', transportHelp).action(
  async (
    o: {
      db?: string;
      kekFile?: string;
      auditKeyFile?: string;
      caKeyFile?: string;
      caCertFile?: string;
      port: number;
      host: string;
      quiet?: boolean;
    } & TransportFlags,
  ) => {
    // Before the database opens: a bad certificate or key is an option error, not a runtime one.
    const transport = transportOptions(o);
    const rt = await openRuntime({
      db: o.db,
      kekFile: o.kekFile,
      auditKeyFile: o.auditKeyFile,
      caKeyFile: o.caKeyFile,
      caCertFile: o.caCertFile,
    });
    const s = await serve(rt, { ...o, transport });
    console.log(`Kinko listening on ${s.url}`);
  },
);

program
  .command('demo')
  .description('migrate, load the demo bank, print its logins and serve it')
  .option('--db <url>', 'database URL', undefined)
  .option('--port <n>', 'port', port, Number(process.env.PORT ?? 3000))
  .option('--host <host>', 'address to listen on', process.env.HOST ?? '127.0.0.1')
  .option('--no-serve', 'load the demo data only')
  .action(async (o: { db?: string; port: number; host: string; serve: boolean }) => {
    await runDemo(o);
  });

const db = program.command('db').description('database');
db.command('migrate')
  .description('apply pending migrations')
  .option('--db <url>', 'database URL')
  .action(async (o: { db?: string }) => dbMigrate(o.db));

const ca = program.command('ca').description("the bank's certificate authority (A5)");
ca.command('init')
  .description('create a new CA key and self-signed CA certificate (P-256) and print the configuration')
  .requiredOption('--out <dir>', 'directory for ca.key (0600) and ca.crt')
  .option('--bank-name <name>', "the bank's name in the CA's subject (default: the configured bankName)")
  .option('--years <n>', 'validity in years', (v) => Number(v), 10)
  .action(async (o: { out: string; bankName?: string; years: number }) => {
    const bankName = o.bankName ?? makeConfig(configFromEnv()).bankName;
    console.log(await caInit({ out: o.out, bankName, years: o.years }));
  });

const cert = program.command('cert').description('client certificates (A5)');
cert
  .command('request')
  .description(
    '電子証明書取得: make a key pair here, send a CSR with the 取得 code, write key and certificate',
  )
  .option('--server <url>', 'server base URL', process.env.KINKO_SERVER ?? 'http://localhost:3000')
  .requiredOption('--contract <number>', 'ご契約先ID (11 digits)')
  .requiredOption('--login-id <id>', 'login ID')
  .requiredOption('--code <code>', 'the 取得 code')
  .requiredOption('--password-stdin', 'read the login password from standard input')
  .requiredOption('--out <dir>', 'directory for <login-id>.key (0600), <login-id>.crt and ca.crt')
  .action(async (o: { server: string; contract: string; loginId: string; code: string; out: string }) => {
    const password = await readPasswordStdin();
    const r = await certRequest({ ...o, password });
    console.log(r.files.join('\n'));
    console.error(`certificate ${r.serial}, valid until ${new Date(r.notAfter).toISOString()}`);
    console.error(
      `For a browser or the OS store: openssl pkcs12 -export -inkey ${o.loginId}.key -in ${o.loginId}.crt -out ${o.loginId}.p12`,
    );
  });

const token = program.command('token').description('command-line software token');
token
  .command('activate')
  .description('activate a new token against a Kinko server (T5) and print its serial')
  .option('--server <url>', 'server base URL', process.env.KINKO_SERVER ?? 'http://localhost:3000')
  .action(async (o: { server: string }) => {
    const t = await tokenActivate(o.server);
    console.log(t.serial);
    console.error('Give this serial number to your administrator for 利用登録.');
  });
token
  .command('list')
  .description('list the tokens in the wallet')
  .action(() => {
    for (const t of tokenList()) console.log(`${t.serial}\t${t.server}\t${t.createdAt}`);
  });
token
  .command('code [serial]')
  .description('print the current one-time password')
  .option('-v, --verbose', 'also print the serial and seconds left')
  .action((serial: string | undefined, o: { verbose?: boolean }) => {
    const c = tokenCode(serial);
    console.log(o.verbose ? `${c.code}\t${c.serial}\t${c.secondsLeft}s` : c.code);
  });

const audit = program.command('audit').description('audit log (L1)');
audit
  .command('verify')
  .description('verify every MAC chain of the audit log, optionally against a signed checkpoint')
  .option('--checkpoint <file>', 'a checkpoint from `kinko audit checkpoint`: nothing up to it may be gone')
  .option('--db <url>', 'database URL')
  .option('--kek-file <path>', 'key-encryption key file')
  .option(
    '--audit-key-file <path>',
    'audit key file (default KINKO_AUDIT_KEY, KINKO_AUDIT_KEY_FILE or data/audit.key)',
  )
  .action(async (o: { checkpoint?: string; db?: string; kekFile?: string; auditKeyFile?: string }) => {
    const rt = await openRuntime({ db: o.db, kekFile: o.kekFile, auditKeyFile: o.auditKeyFile });
    try {
      process.exitCode = await auditVerify(rt, { checkpoint: o.checkpoint });
    } finally {
      await rt.close();
    }
  });
audit
  .command('checkpoint')
  .description("print every chain's head (chain, seq, MAC, time), signed, to keep outside the database")
  .option('--out <file>', 'write to this new file instead of standard output')
  .option('--db <url>', 'database URL')
  .option('--kek-file <path>', 'key-encryption key file')
  .option(
    '--audit-key-file <path>',
    'audit key file (default KINKO_AUDIT_KEY, KINKO_AUDIT_KEY_FILE or data/audit.key)',
  )
  .action(async (o: { out?: string; db?: string; kekFile?: string; auditKeyFile?: string }) => {
    const rt = await openRuntime({ db: o.db, kekFile: o.kekFile, auditKeyFile: o.auditKeyFile });
    try {
      process.exitCode = await auditCheckpoint(rt, { out: o.out });
    } finally {
      await rt.close();
    }
  });

const ledger = program.command('ledger').description('ledger (M1)');
ledger
  .command('verify')
  .description('recompute every balance from the journal and check the ledger invariants')
  .option('--db <url>', 'database URL')
  .option('--kek-file <path>', 'key-encryption key file')
  .action(async (o: { db?: string; kekFile?: string }) => {
    const rt = await openRuntime({ db: o.db, kekFile: o.kekFile });
    try {
      process.exitCode = await ledgerVerify(rt);
    } finally {
      await rt.close();
    }
  });

const transfers = program.command('transfers').description('transfers (M6) and the outbound Zengin queue');
transfers
  .command('run-scheduled')
  .description('post the scheduled transfers whose value date has come (safe beside running servers)')
  .option('--db <url>', 'database URL')
  .option('--kek-file <path>', 'key-encryption key file')
  .action(async (o: { db?: string; kekFile?: string }) => {
    const rt = await openRuntime({ db: o.db, kekFile: o.kekFile });
    try {
      process.exitCode = await transfersRunScheduled(rt);
    } finally {
      await rt.close();
    }
  });
transfers
  .command('export')
  .description("export the day's outbound items to other banks as a Zengin 総合振込 file or CSV")
  .option('--date <YYYY-MM-DD>', 'value date (default: today in Japan)')
  .option('--format <format>', 'zengin or csv', 'zengin')
  .option('--out <file>', 'write to this file instead of standard output')
  .option('--db <url>', 'database URL')
  .option('--kek-file <path>', 'key-encryption key file')
  .action(async (o: { date?: string; format: string; out?: string; db?: string; kekFile?: string }) => {
    if (o.format !== 'zengin' && o.format !== 'csv') throw new CliError('--format is zengin or csv', 2);
    const rt = await openRuntime({ db: o.db, kekFile: o.kekFile });
    try {
      process.exitCode = await transfersExport(rt, { date: o.date, format: o.format, out: o.out });
    } finally {
      await rt.close();
    }
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else if (e instanceof CliError) {
    console.error(`kinko: ${e.message}`);
    process.exitCode = e.exitCode;
  } else if (isKinkoError(e)) {
    console.error(`kinko: ${e.code}: ${e.message}`);
    process.exitCode = 1;
  } else {
    console.error(`kinko: ${(e as Error).message ?? e}`);
    process.exitCode = 1;
  }
}
