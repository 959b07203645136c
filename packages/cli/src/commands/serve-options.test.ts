import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { throwawayCertificate } from '@kinko/server/tls-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../runtime.ts';
import { loadTls, rateLimit } from './serve-options.ts';

describe('§5: kinko serve --tls-cert/--tls-key are checked before the server starts', () => {
  let dir: string;
  let cert: string;
  let key: string;
  let otherKey: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kinko-tls-'));
    const pem = await throwawayCertificate();
    const other = await throwawayCertificate();
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text, { mode: 0o600 });
      return join(dir, name);
    };
    cert = file('cert.pem', pem.cert);
    key = file('key.pem', pem.key);
    otherKey = file('other.pem', other.key);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const refused = (c: string | undefined, k: string | undefined, message: RegExp) => {
    let error: unknown;
    try {
      loadTls(c, k);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toMatch(message);
  };

  it('both or neither: none is plain HTTP, one alone is an error', () => {
    expect(loadTls(undefined, undefined)).toBeUndefined();
    refused(cert, undefined, /--tls-cert and --tls-key go together/);
    refused(undefined, key, /--tls-cert and --tls-key go together/);
  });

  it('an unreadable, non-PEM or mismatched file is an error naming the file', () => {
    refused(join(dir, 'none.pem'), key, /--tls-cert .*none\.pem: cannot read it \(ENOENT\)/);
    refused(cert, join(dir, 'none.pem'), /--tls-key .*none\.pem: cannot read it \(ENOENT\)/);
    refused(key, key, /--tls-cert .*key\.pem: not a PEM certificate/);
    refused(cert, cert, /--tls-key .*cert\.pem: not an unencrypted PEM private key/);
    refused(cert, otherKey, /other\.pem is not the key of the certificate in .*cert\.pem/);
  });

  it('a matching pair is read for the server', () => {
    const tls = loadTls(cert, key);
    expect(String(tls?.cert)).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(String(tls?.key)).toMatch(/-----BEGIN PRIVATE KEY-----/);
  });
});

describe('§5: --activation-rate-limit N/MINUTES', () => {
  it('reads N per MINUTES minutes and refuses anything else', () => {
    expect(rateLimit('10/1')).toEqual({ max: 10, timeWindowMs: 60_000 });
    expect(rateLimit('100/15')).toEqual({ max: 100, timeWindowMs: 900_000 });
    for (const bad of ['10', '0/1', '10/0', '10/1441', '-1/1', '1.5/1', 'ten/1']) {
      expect(() => rateLimit(bad), bad).toThrow(/N\/MINUTES/);
    }
  });
});
