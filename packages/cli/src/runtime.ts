/**
 * Wiring at the edge: the real clock, the real random source, the key-encryption key, the store
 * and the core use cases. Everything else takes these as ports (STYLE habit 2).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  type AuditKey,
  type BankConfig,
  type CertificateAuthority,
  type Clock,
  createAesGcmKek,
  createAuditKey,
  createCertificateAuthority,
  createKinko,
  type Kek,
  type KinkoApi,
  type KinkoDeps,
  loadCertificateAuthority,
  makeConfig,
  prepareAuditLog,
  type Random,
} from '@kinko/core';
import { type KinkoStore, openStore } from '@kinko/store';

export const systemClock: Clock = { now: () => Date.now() };
export const systemRandom: Random = { bytes: (n) => new Uint8Array(randomBytes(n)) };

const defaultDbUrl = 'sqlite:data/kinko.db';
const defaultKekFile = 'data/kek.key';
const defaultAuditKeyFile = 'data/audit.key';
const defaultCaKeyFile = 'data/ca.key';
const defaultCaCertFile = 'data/ca.crt';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function dbUrlFrom(flag: string | undefined): string {
  return flag ?? process.env.KINKO_DB ?? defaultDbUrl;
}

/** Decodes a key given as base64 (or hex) text: exactly 32 bytes (T6's KEK, L1's audit key). */
function decodeKey(text: string, source: string, what = 'the key-encryption key'): Uint8Array {
  const t = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (bytes.length !== 32) throw new CliError(`${source}: ${what} must be 32 bytes (base64 or hex)`, 2);
  return new Uint8Array(bytes);
}

/** The two keys a bank gives Kinko by configuration, never stored in its database. */
const keys = {
  kek: { env: 'KINKO_KEK', fileEnv: 'KINKO_KEK_FILE', file: defaultKekFile, what: 'the key-encryption key' },
  audit: {
    env: 'KINKO_AUDIT_KEY',
    fileEnv: 'KINKO_AUDIT_KEY_FILE',
    file: defaultAuditKeyFile,
    what: 'the audit key',
  },
} as const;

/**
 * A key comes from its variable (KINKO_KEK, KINKO_AUDIT_KEY: base64 or hex), else a key file
 * (--kek-file / KINKO_KEK_FILE / data/kek.key; --audit-key-file / KINKO_AUDIT_KEY_FILE /
 * data/audit.key). With `create`, a missing key file is generated with mode 0600 (the demo).
 */
function loadKeyBytes(which: keyof typeof keys, o: { file?: string; create?: boolean }): Uint8Array {
  const k = keys[which];
  const given = process.env[k.env];
  if (given) return decodeKey(given, k.env, k.what);
  const file = o.file ?? process.env[k.fileEnv] ?? k.file;
  if (!existsSync(file)) {
    if (!o.create) {
      throw new CliError(
        `no ${k.what.replace(/^the /, '')}: set ${k.env} or create ${file} (kinko demo creates one)`,
        2,
      );
    }
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return decodeKey(readFileSync(file, 'utf8'), file, k.what);
}

/**
 * A5: the bank's CA, given by configuration like the KEK: KINKO_CA_KEY (PEM text) or
 * KINKO_CA_KEY_FILE (default data/ca.key), and KINKO_CA_CERT_FILE (default data/ca.crt). None
 * configured: no certificate is issued (ca.not_configured). With `create` (the demo), missing
 * default files are made as `kinko ca init` makes them.
 */
async function loadCa(o: { keyFile?: string; certFile?: string; create?: boolean; bankName: string }) {
  const keyText = process.env.KINKO_CA_KEY;
  const keyFile = o.keyFile ?? process.env.KINKO_CA_KEY_FILE ?? defaultCaKeyFile;
  const certFile = o.certFile ?? process.env.KINKO_CA_CERT_FILE ?? defaultCaCertFile;
  const explicit = Boolean(
    keyText || o.keyFile || o.certFile || process.env.KINKO_CA_KEY_FILE || process.env.KINKO_CA_CERT_FILE,
  );
  if (!keyText && !existsSync(keyFile) && !existsSync(certFile)) {
    if (o.create) {
      const made = await createCertificateAuthority({
        bankName: o.bankName,
        now: Date.now(),
        random: systemRandom,
      });
      mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
      writeFileSync(keyFile, made.keyPem, { mode: 0o600, flag: 'wx' });
      writeFileSync(certFile, made.certificatePem, { mode: 0o644, flag: 'wx' });
    } else if (explicit) {
      throw new CliError(`no CA: ${keyFile} and ${certFile} do not exist (kinko ca init makes them)`, 2);
    } else {
      return undefined;
    }
  }
  const read = (file: string, what: string) => {
    if (!existsSync(file))
      throw new CliError(`no ${what}: ${file} does not exist (kinko ca init makes it)`, 2);
    return readFileSync(file, 'utf8');
  };
  const keyPem = keyText ?? read(keyFile, 'CA key');
  if (!keyText) chmodSync(keyFile, 0o600);
  try {
    return await loadCertificateAuthority(keyPem, read(certFile, 'CA certificate'));
  } catch (e) {
    throw new CliError(
      `the CA (${keyText ? 'KINKO_CA_KEY' : keyFile}, ${certFile}): ${(e as Error).message}`,
      2,
    );
  }
}

export interface Runtime {
  store: KinkoStore;
  kinko: KinkoApi;
  config: BankConfig;
  kek: Kek;
  auditKey: AuditKey;
  /** The ports as createKinko was given them, for use cases the API does not carry (L1). */
  deps: KinkoDeps;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  db?: string;
  kekFile?: string;
  auditKeyFile?: string;
  /** Create missing key files (the demo): the KEK, the audit key and the CA. */
  createKek?: boolean;
  caKeyFile?: string;
  caCertFile?: string;
  config?: Partial<BankConfig>;
}

/** Reads bank configuration overrides from KINKO_CONFIG (a JSON file), if set. */
export function configFromEnv(): Partial<BankConfig> {
  const file = process.env.KINKO_CONFIG;
  if (!file) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Partial<BankConfig>;
  } catch (e) {
    throw new CliError(`KINKO_CONFIG ${file}: ${(e as Error).message}`, 2);
  }
}

/**
 * The SQLite file holds password hashes and sealed seeds: readable by the bank's service user
 * only, like the key file. SQLite creates -wal and -shm with the database file's mode.
 */
function restrictSqliteFiles(url: string): void {
  if (!url.startsWith('sqlite:') || url.includes(':memory:')) return;
  const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(f)) chmodSync(f, 0o600);
  }
}

export async function openRuntime(o: RuntimeOptions = {}): Promise<Runtime> {
  const kekBytes = loadKeyBytes('kek', { file: o.kekFile, create: o.createKek });
  const auditKey = createAuditKey(loadKeyBytes('audit', { file: o.auditKeyFile, create: o.createKek }));
  const url = dbUrlFrom(o.db);
  // KINKO_PG_SCHEMA puts a deployment (or a test run) in its own PostgreSQL schema.
  const store = await openStore(url, { pgSchema: process.env.KINKO_PG_SCHEMA });
  restrictSqliteFiles(url);
  const kek = createAesGcmKek(kekBytes, systemRandom);
  const config = makeConfig({ ...configFromEnv(), ...o.config });
  let ca: CertificateAuthority | undefined;
  try {
    ca = await loadCa({
      keyFile: o.caKeyFile,
      certFile: o.caCertFile,
      create: o.createKek,
      bankName: config.bankName,
    });
  } catch (e) {
    await store.close();
    throw e;
  }
  const deps: KinkoDeps = {
    store,
    clock: systemClock,
    random: systemRandom,
    kek,
    auditKey,
    config,
    ...(ca ? { ca } : {}),
  };
  try {
    // L1: refuse a wrong audit key, and move a log from before the keyed chains, before serving.
    const prepared = await prepareAuditLog(deps);
    if (prepared.migrated > 0) {
      const broken = prepared.legacyBroken;
      console.error(
        `kinko: moved ${prepared.migrated} audit records into the keyed chains` +
          (broken
            ? `; the old chain did not hold at record ${broken.seq} (${broken.reason}), which is on the record`
            : ''),
      );
    }
  } catch (e) {
    await store.close();
    throw e instanceof Error && /audit key/.test(e.message) ? new CliError(e.message, 2) : e;
  }
  const kinko = createKinko(deps);
  return { store, kinko, config, kek, auditKey, deps, close: () => store.close() };
}
