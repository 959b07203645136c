import { testBackends } from '@kinko/store/testing';
import { clientCsr } from '@kinko/testkit';
import * as x509 from '@peculiar/x509';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Party, secrets, startServer, type TestServer } from './testing.ts';

describe.each(testBackends())('A5 certificates over HTTP on $name', (backend) => {
  let s: TestServer;
  let bank: Party;
  let admin: Party;
  beforeAll(async () => {
    // Pickups share token provisioning's per-address limit; these tests make more than ten.
    s = await startServer(backend, { server: { activationRateLimit: { max: 1000, timeWindowMs: 60_000 } } });
    bank = await s.operatorLogin();
    admin = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
  });
  afterAll(() => s?.close());

  const adminCode = async (): Promise<string> => {
    const res = await s.request('POST', `/api/v1/bank/contracts/${s.contractNumber}/certificate-code`, {
      as: bank,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    return res.json().code;
  };
  const pickup = (code: string, csr: string, o: { loginId?: string; password?: string } = {}) =>
    s.request('POST', '/api/v1/certificates/pickup', {
      payload: {
        contractNumber: s.contractNumber,
        loginId: o.loginId ?? secrets.admin.loginId,
        password: o.password ?? secrets.admin.password,
        code,
        csr,
      },
    });
  const issued = async () =>
    (
      await s.store.certificates.listByContract(
        (await s.store.contracts.getByNumber(s.contractNumber))?.id ?? '',
      )
    ).length;

  it("A5 B1: the bank opens a 電子証明書方式 contract and its answer carries the administrator's 取得 code", async () => {
    const res = await s.request('POST', '/api/v1/bank/contracts', {
      as: bank,
      payload: {
        branchCode: '001',
        name: '証明書商事',
        loginMethod: 'certificate',
        contractPin: '135790',
        admin: { loginId: 'admin', name: '管理者', password: secrets.admin.password },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().certificateCode.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  });

  it('A5: pickup with the 取得 code answers the certificate and chain; the CA certificate and CRL are published', async () => {
    const code = await adminCode();
    const res = await pickup(code, (await clientCsr()).pem);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.chain).toHaveLength(1);
    const ca = await s.request('GET', '/api/v1/ca/certificate');
    expect(ca.headers['content-type']).toMatch(/application\/x-pem-file/);
    expect(body.chain[0]).toBe(ca.body);
    const der = await s.request('GET', '/api/v1/ca/certificate', {
      headers: { accept: 'application/pkix-cert' },
    });
    expect(der.headers['content-type']).toMatch(/application\/pkix-cert/);
    expect(Buffer.compare(der.rawPayload, Buffer.from(new x509.X509Certificate(ca.body).rawData))).toBe(0);
    expect((await s.request('GET', '/api/v1/ca/certificate.der')).rawPayload).toEqual(der.rawPayload);
    const cert = new x509.X509Certificate(body.certificate);
    expect(
      await cert.verify({ publicKey: new x509.X509Certificate(ca.body).publicKey, signatureOnly: true }),
    ).toBe(true);

    // B1: the bank revokes it; the CRL, DER and signed by the CA, lists it.
    const revoked = await s.request('POST', `/api/v1/bank/certificates/${body.serial}/revocation`, {
      as: bank,
      payload: { reason: 'key_compromise' },
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ state: 'revoked', revocationReason: 'key_compromise' });
    const crl = await s.request('GET', '/api/v1/ca/crl');
    expect(crl.headers['content-type']).toBe('application/pkix-crl');
    const list = new x509.X509Crl(new Uint8Array(crl.rawPayload).buffer);
    expect(list.entries.map((e) => e.serialNumber.toLowerCase())).toContain(body.serial);
    const again = await s.request('POST', `/api/v1/admin/certificates/${body.serial}/revocation`, {
      as: admin,
      payload: { contractPin: secrets.contractPin },
    });
    expect(again.json().code).toBe('certificate.not_active');
  });

  it('A5: bad input is a 4xx problem and issues nothing', async () => {
    const before = await issued();
    const code = await adminCode();
    const { der } = await clientCsr();
    const bad = der.slice();
    bad[bad.length - 2] = (bad[bad.length - 2] ?? 0) ^ 1;
    const cases: [string, number, string][] = [
      ['not a csr', 400, 'certificate.csr_malformed'],
      [Buffer.from(bad).toString('base64'), 400, 'certificate.csr_bad_signature'],
      [Buffer.alloc(5000).toString('base64').slice(0, 11_996), 413, 'certificate.csr_too_large'],
      [(await clientCsr({ subject: [{ CN: ['user9'] }] })).pem, 422, 'certificate.csr_subject_mismatch'],
    ];
    for (const [csr, status, problem] of cases) {
      const res = await pickup(code, csr);
      expect([res.statusCode, res.json().code]).toEqual([status, problem]);
    }
    const huge = await pickup(code, 'A'.repeat(20_000));
    expect([huge.statusCode, huge.json().code]).toEqual([413, 'request.too_large']);
    const wrong = await pickup('0000-0000-0000-0000', (await clientCsr()).pem);
    expect([wrong.statusCode, wrong.json().code]).toEqual([403, 'certificate.code_invalid']);
    expect(await issued()).toBe(before);
    const ok = await pickup(code, (await clientCsr()).pem);
    expect(ok.statusCode).toBe(201);
    const reused = await pickup(code, (await clientCsr()).pem);
    expect([reused.statusCode, reused.json().code]).toEqual([403, 'certificate.code_invalid']);
    expect(await issued()).toBe(before + 1);
    // The code is in no response but the issuer's, and never in the audit log.
    const log = await s.request('GET', '/api/v1/bank/audit?limit=100', { as: bank });
    expect(log.body).not.toContain(code);
    expect(log.body).toContain('certificate.pickup_failed');
  });

  it("A5: the administrator issues a user's code, lists and revokes the contract's certificates", async () => {
    const created = await s.request('POST', '/api/v1/admin/users', {
      as: admin,
      payload: {
        loginId: 'user7',
        name: '利用者',
        password: secrets.user.password,
        contractPin: secrets.contractPin,
      },
    });
    const userId = created.json().id;
    const code = await s.request('POST', `/api/v1/admin/users/${userId}/certificate-code`, {
      as: admin,
      payload: { contractPin: secrets.contractPin },
    });
    expect(code.statusCode, code.body).toBe(201);
    const res = await pickup(code.json().code, (await clientCsr({ rsa: true })).pem, {
      loginId: 'user7',
      password: secrets.user.password,
    });
    expect(res.statusCode, res.body).toBe(201);
    const list = await s.request('GET', '/api/v1/admin/certificates', { as: admin });
    // The test clock stands still, so the list's order among these is by serial: find it.
    const listed = list.json().certificates.find((c: { serial: string }) => c.serial === res.json().serial);
    expect(listed).toMatchObject({ loginId: 'user7', state: 'active' });
    const revoked = await s.request('POST', `/api/v1/admin/certificates/${res.json().serial}/revocation`, {
      as: admin,
      payload: { contractPin: secrets.contractPin, reason: 'cessation_of_operation' },
    });
    expect(revoked.json()).toMatchObject({ state: 'revoked', revocationReason: 'cessation_of_operation' });
    const bankList = await s.request('GET', `/api/v1/bank/contracts/${s.contractNumber}/certificates`, {
      as: bank,
    });
    expect(bankList.json().certificates.length).toBeGreaterThan(0);
  });

  it('A5: renewal before the window is refused with renewal_not_due', async () => {
    const code = await adminCode();
    const cert = (await pickup(code, (await clientCsr()).pem)).json().certificate;
    const res = await s.request('POST', '/api/v1/certificates/renewal', {
      as: admin,
      payload: { certificate: cert, csr: (await clientCsr()).pem },
    });
    expect([res.statusCode, res.json().code]).toEqual([409, 'certificate.renewal_not_due']);
    const junk = await s.request('POST', '/api/v1/certificates/renewal', {
      as: admin,
      payload: { certificate: 'junk', csr: (await clientCsr()).pem },
    });
    expect([junk.statusCode, junk.json().code]).toEqual([400, 'certificate.malformed']);
  });
});
