/**
 * Wiring at the edge: the real clock, the real random source, the key-encryption key, the store
 * and the core use cases. Everything else takes these as ports (STYLE habit 2).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  type BankConfig,
  type Clock,
  createAesGcmKek,
  createKinko,
  type Kek,
  type KinkoApi,
  makeConfig,
  type Random,
} from '@kinko/core';
import { type KinkoStore, openStore } from '@kinko/store';

export const systemClock: Clock = { now: () => Date.now() };
export const systemRandom: Random = { bytes: (n) => new Uint8Array(randomBytes(n)) };

export const defaultDbUrl = 'sqlite:data/kinko.db';
export const defaultKekFile = 'data/kek.key';

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

/** Decodes a KEK given as base64 (or hex) text: exactly 32 bytes for AES-256 (T6). */
export function decodeKek(text: string, source: string): Uint8Array {
  const t = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (bytes.length !== 32)
    throw new CliError(`${source}: the key-encryption key must be 32 bytes (base64 or hex)`, 2);
  return new Uint8Array(bytes);
}

/**
 * The KEK comes from KINKO_KEK (base64), else a key file (--kek-file, KINKO_KEK_FILE, or
 * data/kek.key). With `create`, a missing key file is generated with mode 0600 (the demo).
 */
export function loadKekBytes(o: { kekFile?: string; create?: boolean }): Uint8Array {
  if (process.env.KINKO_KEK) return decodeKek(process.env.KINKO_KEK, 'KINKO_KEK');
  const file = o.kekFile ?? process.env.KINKO_KEK_FILE ?? defaultKekFile;
  if (!existsSync(file)) {
    if (!o.create) {
      throw new CliError(
        `no key-encryption key: set KINKO_KEK or create ${file} (kinko demo creates one)`,
        2,
      );
    }
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return decodeKek(readFileSync(file, 'utf8'), file);
}

export interface Runtime {
  store: KinkoStore;
  kinko: KinkoApi;
  config: BankConfig;
  kek: Kek;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  db?: string;
  kekFile?: string;
  createKek?: boolean;
  config?: Partial<BankConfig>;
}

/** Reads bank configuration overrides from KINKO_CONFIG (a JSON file), if set. */
function configFromEnv(): Partial<BankConfig> {
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
  const kekBytes = loadKekBytes({ kekFile: o.kekFile, create: o.createKek });
  const url = dbUrlFrom(o.db);
  // KINKO_PG_SCHEMA puts a deployment (or a test run) in its own PostgreSQL schema.
  const store = await openStore(url, { pgSchema: process.env.KINKO_PG_SCHEMA });
  restrictSqliteFiles(url);
  const kek = createAesGcmKek(kekBytes, systemRandom);
  const config = makeConfig({ ...configFromEnv(), ...o.config });
  const kinko = createKinko({ store, clock: systemClock, random: systemRandom, kek, config });
  return { store, kinko, config, kek, close: () => store.close() };
}
