/**
 * The `kinko` command line as an operator and a token holder use it: the command-line token
 * (T5, T1), the audit verifier (L1) and clear failures for bad input.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { demoBank, totp } from '@kinko/core';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient } from './client.ts';
import { type Backend, kinkoCli, kinkoRun, makeBackend, type RunningServer, startServer } from './harness.ts';

describe('kinko command line (sqlite)', () => {
  let backend: Backend;
  let server: RunningServer;

  beforeAll(async () => {
    backend = await makeBackend('sqlite');
    await kinkoCli(backend, ['demo', '--no-serve']);
    server = await startServer(backend);
  });

  afterAll(async () => {
    await server?.stop();
    await backend?.cleanup();
  });

  test('T5 T1: `kinko token activate` keeps its token in a 0600 wallet and its codes register (R2)', async () => {
    const activated = await kinkoRun(backend, ['token', 'activate', '--server', server.url]);
    expect(activated.code).toBe(0);
    const serial = activated.stdout.trim();
    expect(serial).toMatch(/^SKTS[0-9A-Z]{8}$/);

    const wallet = join(backend.env.KINKO_HOME ?? '', '.kinko', 'tokens.json');
    expect(statSync(wallet).mode & 0o777).toBe(0o600);
    expect((await kinkoRun(backend, ['token', 'list'])).stdout).toContain(serial);

    const code = await kinkoRun(backend, ['token', 'code']);
    expect(code.code).toBe(0);
    expect(code.stdout.trim()).toMatch(/^\d{6}$/);

    const admin = new ApiClient(server.url);
    const c = demoBank.contract.contractNumber;
    await admin.call('POST', '/api/v1/session', {
      contractNumber: c,
      loginId: 'admin',
      password: 'adminpass1',
    });
    const users = await admin.call<{ users: { id: string; loginId: string }[] }>(
      'GET',
      '/api/v1/admin/users',
    );
    const user2 = users.body.users.find((u) => u.loginId === 'user2');
    const fresh = await kinkoRun(backend, ['token', 'code', serial]);
    const reg = await admin.call('POST', '/api/v1/admin/token-registrations', {
      serial,
      otp: fresh.stdout.trim(),
      contractPin: demoBank.contractPin,
      userIds: [user2?.id],
    });
    expect(reg.status).toBe(200);
  });

  test('T1: the wallet code equals the RFC 6238 code of the agreed seed', async () => {
    const { readFileSync } = await import('node:fs');
    const wallet = JSON.parse(
      readFileSync(join(backend.env.KINKO_HOME ?? '', '.kinko', 'tokens.json'), 'utf8'),
    ) as {
      tokens: { seed: string; offsetMs: number }[];
    };
    const t = wallet.tokens[0];
    const before = Date.now();
    const printed = (await kinkoRun(backend, ['token', 'code'])).stdout.trim();
    const after = Date.now();
    const seed = new Uint8Array(Buffer.from(t?.seed ?? '', 'base64'));
    const expected = [totp(seed, before + (t?.offsetMs ?? 0)), totp(seed, after + (t?.offsetMs ?? 0))];
    expect(expected).toContain(printed);
  });

  test('T6: the SQLite file with sealed seeds is readable by its owner only', () => {
    const file = (backend.env.KINKO_DB ?? '').replace(/^sqlite:/, '');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  test('bad input: clear message and a non-zero exit, nothing written', async () => {
    const badPort = await kinkoRun(backend, ['serve', '--port', '99999']);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toMatch(/port/);

    const badSerial = await kinkoRun(backend, ['token', 'code', 'SKTS-NOPE']);
    expect(badSerial.code).toBe(1);
    expect(badSerial.stderr).toMatch(/not a serial number/);

    const badDb = await kinkoRun(backend, ['audit', 'verify', '--db', 'mysql://nowhere/kinko']);
    expect(badDb.code).not.toBe(0);
    expect(badDb.stderr).toMatch(/kinko: /);

    const badKek = await kinkoRun({ ...backend, env: { ...backend.env, KINKO_KEK: 'c2hvcnQ=' } }, [
      'audit',
      'verify',
    ]);
    expect(badKek.code).toBe(2);
    expect(badKek.stderr).toMatch(/32 bytes/);

    const unknown = await kinkoRun(backend, ['transfer-everything']);
    expect(unknown.code).toBe(2);
  });

  test('L1: a login ID with a lone surrogate, sent before any login, is refused and leaves `kinko audit verify` intact', async () => {
    // Hardening defect 2: this answered 401, and afterwards verify reported a record changed that
    // never was (the hash covered \ud800, the database stored U+FFFD).
    const res = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: '{"contractNumber":"12345678901","loginId":"\\ud800","password":"x"}',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'request.invalid', errors: [{ path: 'body.loginId' }] });
    const verified = await kinkoRun(backend, ['audit', 'verify']);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/intact/);
  });

  test('L1: `kinko audit checkpoint` signs every head; `audit verify --checkpoint` catches a cut-back chain that plain verify cannot', async () => {
    const ok = await kinkoRun(backend, ['audit', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/audit log intact: \d+ records in \d+ chains/);

    const out = join(backend.env.KINKO_HOME ?? '', 'checkpoint.json');
    const cp = await kinkoRun(backend, ['audit', 'checkpoint', '--out', out]);
    expect(cp.code).toBe(0);
    expect(cp.stderr).toMatch(/checkpoint of \d+ chains written/);
    const again = await kinkoRun(backend, ['audit', 'checkpoint', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/never overwritten/);
    const printed = await kinkoRun(backend, ['audit', 'checkpoint']);
    expect(JSON.parse(printed.stdout)).toMatchObject({
      format: 'kinko-audit-checkpoint-v1',
      heads: expect.any(Array),
    });

    // A database administrator deletes the contract chain's newest record and rolls its head back.
    const file = (backend.env.KINKO_DB ?? '').replace(/^sqlite:/, '');
    const db = new Database(file);
    const chain = (
      db.prepare("SELECT chain FROM audit_heads WHERE chain <> 'bank' ORDER BY seq DESC LIMIT 1").get() as {
        chain: string;
      }
    ).chain;
    const [last, previous] = db
      .prepare('SELECT seq, mac, at FROM audit_records WHERE chain = ? ORDER BY seq DESC LIMIT 2')
      .all(chain) as { seq: number; mac: string; at: number }[];
    db.prepare('DELETE FROM audit_records WHERE chain = ? AND seq = ?').run(chain, last?.seq);
    db.prepare('UPDATE audit_heads SET seq = ?, mac = ?, at = ? WHERE chain = ?').run(
      previous?.seq,
      previous?.mac,
      previous?.at,
      chain,
    );
    db.close();
    expect((await kinkoRun(backend, ['audit', 'verify'])).code).toBe(0);
    const caught = await kinkoRun(backend, ['audit', 'verify', '--checkpoint', out]);
    expect(caught.code).toBe(3);
    expect(caught.stderr).toMatch(new RegExp(`chain ${chain} record ${last?.seq}: .*cut back`));

    const notACheckpoint = await kinkoRun(backend, ['audit', 'verify', '--checkpoint', file]);
    expect(notACheckpoint.code).toBe(1);
    expect(notACheckpoint.stderr).toMatch(/audit.checkpoint_invalid: not a Kinko audit checkpoint/);
  });

  test('L1: `kinko audit verify` fails after a record is changed, and names the chain and record', async () => {
    const file = (backend.env.KINKO_DB ?? '').replace(/^sqlite:/, '');
    const db = new Database(file);
    db.prepare("UPDATE audit_records SET action = 'login.success' WHERE chain = 'bank' AND seq = 2").run();
    db.close();
    const broken = await kinkoRun(backend, ['audit', 'verify']);
    expect(broken.code).toBe(3);
    expect(broken.stderr).toMatch(/chain bank record 2: record 2 was changed/);
  });

  test('L1: a process given another audit key refuses to start, naming both key ids', async () => {
    const other = {
      ...backend,
      env: { ...backend.env, KINKO_AUDIT_KEY: Buffer.alloc(32, 7).toString('base64') },
    };
    const refused = await kinkoRun(other, ['audit', 'verify']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /the audit key given \(id [0-9a-f]+\) is not the one this audit log was written under/,
    );
    const short = await kinkoRun({ ...backend, env: { ...backend.env, KINKO_AUDIT_KEY: 'c2hvcnQ=' } }, [
      'audit',
      'verify',
    ]);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/KINKO_AUDIT_KEY: the audit key must be 32 bytes/);
  });
});
