/**
 * A5 from the command line against a real `kinko serve`: a new bank's CA from `kinko ca init`,
 * given to the server by configuration, and `kinko cert request` picking up a certificate with a
 * 取得 code: the key is made and kept on the client, only the CSR crosses the wire.
 */
import { spawn } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { demoBank } from '@kinko/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient } from './client.ts';
import { type Backend, kinkoCli, kinkoRun, makeBackend, type RunningServer, startServer } from './harness.ts';

const cliMain = new URL('../packages/cli/src/main.ts', import.meta.url).pathname;

/** `kinko …` with `input` on standard input (the password for --password-stdin). */
function kinkoWithInput(backend: Backend, args: string[], input: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', cliMain, ...args], {
      cwd: new URL('..', import.meta.url).pathname,
      env: { ...process.env, ...backend.env },
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (c: Buffer) => {
      stdout += c;
    });
    p.stderr.on('data', (c: Buffer) => {
      stderr += c;
    });
    p.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    p.stdin.end(input);
  });
}

describe('kinko ca init and kinko cert request (sqlite)', () => {
  let backend: Backend;
  let server: RunningServer;
  let caDir: string;
  let caEnv: Record<string, string>;

  beforeAll(async () => {
    backend = await makeBackend('sqlite');
    await kinkoCli(backend, ['demo', '--no-serve']);
    caDir = join(backend.env.KINKO_HOME ?? '', 'new-ca');
    const init = await kinkoRun(backend, ['ca', 'init', '--out', caDir, '--bank-name', '熊本第一信用金庫']);
    expect(init.code, init.stderr).toBe(0);
    caEnv = Object.fromEntries(
      init.stdout
        .split('\n')
        .filter((l) => l.startsWith('KINKO_CA_'))
        .map((l) => l.split('=') as [string, string]),
    );
    server = await startServer(backend, caEnv);
  });

  afterAll(async () => {
    await server?.stop();
    await backend?.cleanup();
  });

  test('A5: `kinko ca init` writes a P-256 CA key (0600) and a 10-year CA certificate, and never overwrites them', async () => {
    expect(caEnv.KINKO_CA_KEY_FILE).toBe(join(caDir, 'ca.key'));
    expect(statSync(join(caDir, 'ca.key')).mode & 0o777).toBe(0o600);
    const ca = new X509Certificate(readFileSync(join(caDir, 'ca.crt')));
    expect(ca.ca).toBe(true);
    expect(ca.subject).toContain('熊本第一信用金庫');
    expect(ca.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const years = (Date.parse(ca.validTo) - Date.parse(ca.validFrom)) / (365.25 * 86_400_000);
    expect(Math.round(years)).toBe(10);
    expect(ca.checkPrivateKey(createPrivateKey(readFileSync(join(caDir, 'ca.key'))))).toBe(true);
    const again = await kinkoRun(backend, ['ca', 'init', '--out', caDir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/never overwritten/);
    // The server publishes exactly this CA.
    const published = await fetch(`${server.url}/api/v1/ca/certificate`);
    expect(await published.text()).toBe(readFileSync(join(caDir, 'ca.crt'), 'utf8'));
  });

  test("A5 A1 B1: `kinko cert request` fetches the administrator's certificate with the 取得 code; a reused code fails", async () => {
    const bank = new ApiClient(server.url);
    const { loginId, password } = demoBank.operator;
    expect((await bank.call('POST', '/api/v1/bank/session', { loginId, password })).status).toBe(200);
    const opened = await bank.call<{ contractNumber: string; certificateCode: { code: string } }>(
      'POST',
      '/api/v1/bank/contracts',
      {
        branchCode: '001',
        name: 'カ）ショウメイショ',
        loginMethod: 'certificate',
        contractPin: '135790',
        admin: { loginId: 'certadmin', name: '管理者', password: 'adminpass9' },
      },
    );
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const { contractNumber, certificateCode } = opened.body;
    const out = join(backend.env.KINKO_HOME ?? '', 'certs');
    const args = (code: string) => [
      'cert',
      'request',
      '--server',
      server.url,
      '--contract',
      contractNumber,
      '--login-id',
      'certadmin',
      '--code',
      code,
      '--password-stdin',
      '--out',
      out,
    ];
    const r = await kinkoWithInput(backend, args(certificateCode.code), 'adminpass9\n');
    expect(r.code, r.stderr).toBe(0);
    const keyFile = join(out, 'certadmin.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const cert = new X509Certificate(readFileSync(join(out, 'certadmin.crt')));
    const ca = new X509Certificate(readFileSync(join(caDir, 'ca.crt')));
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.checkPrivateKey(createPrivateKey(readFileSync(keyFile)))).toBe(true);
    expect(cert.subject).toContain(`OU=${contractNumber}`);
    expect(cert.subject).toContain('CN=certadmin');
    expect(cert.keyUsage).toContain('1.3.6.1.5.5.7.3.2'); // id-kp-clientAuth
    expect(readFileSync(join(out, 'ca.crt'), 'utf8')).toBe(readFileSync(join(caDir, 'ca.crt'), 'utf8'));

    const reused = await kinkoWithInput(
      backend,
      args(certificateCode.code).map((a) => (a === out ? join(out, 'again') : a)),
      'adminpass9\n',
    );
    expect(reused.code).toBe(1);
    expect(reused.stderr).toMatch(/certificate\.code_invalid/);
    const none = await kinkoWithInput(backend, args('XXXX'), '');
    expect(none.code).toBe(2);

    // The record is the bank's, and the CRL is empty until something is revoked.
    const list = await bank.call<{ certificates: { serial: string; state: string }[] }>(
      'GET',
      `/api/v1/bank/contracts/${contractNumber}/certificates`,
    );
    expect(list.body.certificates).toHaveLength(1);
    expect(list.body.certificates[0]?.serial).toBe(cert.serialNumber.toLowerCase());
    const crl = await fetch(`${server.url}/api/v1/ca/crl`);
    expect(crl.headers.get('content-type')).toBe('application/pkix-crl');
  });
});
