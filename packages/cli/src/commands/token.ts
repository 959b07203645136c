import { clientActivationKeys, parseSerial, totp } from '@kinko/core';
import { CliError } from '../runtime.ts';
import { readWallet, type WalletToken, walletPath, writeWallet } from '../wallet.ts';

interface Problem {
  code?: string;
  detail?: string;
  title?: string;
}

async function call(url: string, init?: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (e) {
    throw new CliError(`cannot reach ${url}: ${(e as Error).message}`);
  }
  const body = (await res.json().catch(() => ({}))) as unknown;
  if (!res.ok) {
    const p = body as Problem;
    throw new CliError(`${url}: ${res.status} ${p.code ?? ''} ${p.detail ?? p.title ?? ''}`.trim());
  }
  return body;
}

/** `kinko token activate`: T5 activation from the command line; prints the serial for the administrator. */
export async function tokenActivate(server: string): Promise<WalletToken> {
  const base = server.replace(/\/+$/, '');
  const keys = await clientActivationKeys();
  const sentAt = Date.now();
  const r = (await call(`${base}/api/v1/token/activations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ publicKey: keys.publicKey }),
  })) as { serial: string; serverPublicKey: Parameters<typeof keys.deriveSeed>[0]; serverTime: number };
  const receivedAt = Date.now();
  const seed = await keys.deriveSeed(r.serverPublicKey, r.serial);
  const token: WalletToken = {
    serial: r.serial,
    server: base,
    seed: Buffer.from(seed).toString('base64'),
    offsetMs: Math.round(r.serverTime - (sentAt + receivedAt) / 2),
    createdAt: new Date(receivedAt).toISOString(),
  };
  writeWallet([...readWallet(), token]);
  return token;
}

export function tokenList(): WalletToken[] {
  return readWallet();
}

/** `kinko token code [serial]`: the current OTP of the token (the only one, if no serial is given). */
export function tokenCode(
  serial: string | undefined,
  now = Date.now(),
): { serial: string; code: string; secondsLeft: number } {
  const tokens = readWallet();
  if (tokens.length === 0) throw new CliError(`no tokens in ${walletPath()}: run kinko token activate first`);
  let token: WalletToken | undefined;
  if (serial === undefined) {
    if (tokens.length > 1) throw new CliError('several tokens: name the serial (kinko token list)');
    token = tokens[0];
  } else {
    let wanted: string;
    try {
      wanted = parseSerial(serial);
    } catch {
      throw new CliError(`not a serial number: ${serial}`);
    }
    token = tokens.find((t) => t.serial === wanted);
  }
  if (!token) throw new CliError(`no token ${serial} in ${walletPath()}`);
  const t = now + token.offsetMs;
  return {
    serial: token.serial,
    code: totp(new Uint8Array(Buffer.from(token.seed, 'base64')), t),
    secondsLeft: 30 - Math.floor((t / 1000) % 30),
  };
}
