/**
 * `kinko cert request` (A5, 電子証明書取得 for scripts): makes a P-256 key pair here, sends only the
 * PKCS#10 request with the 取得 code, login ID and password, and writes the key, the certificate
 * and the bank's CA certificate (PEM). The private key never leaves this machine.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeCertificateRequest } from '@kinko/core';
import { CliError } from '../runtime.ts';

interface Issued {
  serial: string;
  certificate: string;
  chain: string[];
  notAfter: number;
}

export interface CertRequestOptions {
  server: string;
  contract: string;
  loginId: string;
  code: string;
  password: string;
  out: string;
}

/** Reads the password from standard input (first line), so it is in no argv and no shell history. */
export async function readPasswordStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (line === '') throw new CliError('--password-stdin: no password on standard input', 2);
  return line;
}

export async function certRequest(
  o: CertRequestOptions,
): Promise<{ files: string[]; serial: string; notAfter: number }> {
  const dir = resolve(o.out);
  const keyFile = join(dir, `${o.loginId}.key`);
  const certFile = join(dir, `${o.loginId}.crt`);
  const caFile = join(dir, 'ca.crt');
  for (const f of [keyFile, certFile])
    if (existsSync(f)) throw new CliError(`${f} exists; choose another --out`, 2);
  const { csrPem, privateKeyPem } = await makeCertificateRequest({
    contractNumber: o.contract,
    loginId: o.loginId,
  });
  const url = `${o.server.replace(/\/+$/, '')}/api/v1/certificates/pickup`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        contractNumber: o.contract,
        loginId: o.loginId,
        password: o.password,
        code: o.code,
        csr: csrPem,
      }),
    });
  } catch (e) {
    throw new CliError(`cannot reach ${url}: ${(e as Error).message}`);
  }
  const body = (await res.json().catch(() => ({}))) as Partial<Issued> & { code?: string; detail?: string };
  if (res.status !== 201 || typeof body.certificate !== 'string') {
    throw new CliError(`${url}: ${res.status} ${body.code ?? ''} ${body.detail ?? ''}`.trim());
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(keyFile, privateKeyPem, { mode: 0o600, flag: 'wx' });
  writeFileSync(certFile, [body.certificate, ...(body.chain ?? [])].join(''), { mode: 0o644, flag: 'wx' });
  writeFileSync(caFile, (body.chain ?? []).at(-1) ?? '', { mode: 0o644 });
  return { files: [keyFile, certFile, caFile], serial: body.serial ?? '', notAfter: body.notAfter ?? 0 };
}
