/**
 * The command-line token's wallet: ~/.kinko/tokens.json, mode 0600 in a 0700 folder. A phone
 * keeps its seed as a non-extractable WebCrypto key; a command line has only the file system,
 * so the file's permissions are the protection, as with ssh keys.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CliError } from './runtime.ts';

export interface WalletToken {
  serial: string;
  server: string;
  /** base64 of the 20-byte seed. */
  seed: string;
  /** Server time minus local time, measured at activation (T8). */
  offsetMs: number;
  createdAt: string;
}

export function walletPath(): string {
  return join(process.env.KINKO_HOME ?? homedir(), '.kinko', 'tokens.json');
}

export function readWallet(): WalletToken[] {
  const file = walletPath();
  if (!existsSync(file)) return [];
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { tokens?: WalletToken[] };
    return Array.isArray(parsed.tokens) ? parsed.tokens : [];
  } catch (e) {
    throw new CliError(`${file} is not a token wallet: ${(e as Error).message}`);
  }
}

export function writeWallet(tokens: WalletToken[]): void {
  const file = walletPath();
  mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ tokens }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file); // atomic replace: a crash never leaves half a wallet
}
