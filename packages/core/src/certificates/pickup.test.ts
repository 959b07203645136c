import {
  adminCode,
  clientCsr,
  failure,
  openBank,
  passwords,
  pickUp,
  type TestBank,
  testBackends,
  userCode,
} from '@kinko/testkit';
import * as x509 from '@peculiar/x509';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CSR_DER } from './input.ts';

const DAY = 86_400_000;

describe.each(testBackends())('A5 電子証明書取得 on $name', (backend) => {
  let bank: TestBank;
  beforeEach(async () => {
    bank = await openBank(backend);
  });
  afterEach(() => bank.cleanup());

  const issuedCount = async () =>
    (await bank.store.certificates.listByContract(bank.admin.contractId)).length;
  const auditActions = async () => (await bank.store.audit.list({ limit: 200 })).map((r) => r.action);

  it('A5 B1: opening a 電子証明書方式 contract gives the administrator a 取得 code once; pickup issues one certificate', async () => {
    const opened = await bank.kinko.openContract(bank.operator, {
      branchCode: '001',
      name: '新規商事',
      loginMethod: 'certificate',
      contractPin: '135790',
      admin: { loginId: 'admin', name: '管理者', password: passwords.admin },
    });
    expect(opened.certificateCode?.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(opened.certificateCode?.expiresAt).toBe(bank.clock.now() + 80 * DAY);
    const code = opened.certificateCode?.code ?? '';
    const issued = await pickUp(bank, 'admin', code.toLowerCase(), { contractNumber: opened.contractNumber });
    expect(issued.certificate).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const records = await bank.store.certificates.listByContract(opened.id);
    expect(records).toMatchObject([{ serial: issued.serial, state: 'active', revokedAt: null }]);
    // The code is stored only as a hash and never written to the audit log.
    const log = JSON.stringify(await bank.store.audit.list({ limit: 200 }));
    expect(log).not.toContain(code);
    expect(log).not.toContain(code.replaceAll('-', ''));
    expect(log).not.toContain(passwords.admin);
    expect(await auditActions()).toEqual(
      expect.arrayContaining(['certificate.code_issued', 'certificate.issued']),
    );
  });

  it('A5: a used 取得 code is refused; an expired one too; a new code supersedes the old', async () => {
    const code = await adminCode(bank);
    await pickUp(bank, 'admin', code);
    expect((await failure(pickUp(bank, 'admin', code))).code).toBe('certificate.code_invalid');
    const late = await adminCode(bank);
    bank.clock.advance(80 * DAY);
    expect((await failure(pickUp(bank, 'admin', late))).code).toBe('certificate.code_expired');
    const old = await adminCode(bank);
    const fresh = await adminCode(bank);
    expect((await failure(pickUp(bank, 'admin', old))).code).toBe('certificate.code_invalid');
    expect(await issuedCount()).toBe(1);
    await pickUp(bank, 'admin', fresh);
    expect(await issuedCount()).toBe(2);
    expect(await auditActions()).toContain('certificate.pickup_failed');
  });

  it('A5: bad input is a 4xx problem and issues nothing (malformed, oversized, badly signed, another subject)', async () => {
    const code = await adminCode(bank);
    const { pem, der } = await clientCsr();
    const badSignature = der.slice();
    badSignature[badSignature.length - 2] = (badSignature[badSignature.length - 2] ?? 0) ^ 0x01;
    const cases: [string, string][] = [
      ['garbage', 'certificate.csr_malformed'],
      ['', 'certificate.csr_malformed'],
      [
        pem.replace('CERTIFICATE REQUEST', 'CERTIFICATE').replace('CERTIFICATE REQUEST', 'CERTIFICATE'),
        'certificate.csr_malformed',
      ],
      [Buffer.from('not a CSR at all, but base64').toString('base64'), 'certificate.csr_malformed'],
      [Buffer.alloc(MAX_CSR_DER + 1).toString('base64'), 'certificate.csr_too_large'],
      [
        `-----BEGIN CERTIFICATE REQUEST-----\n${'A'.repeat(9000)}\n-----END CERTIFICATE REQUEST-----`,
        'certificate.csr_too_large',
      ],
      [Buffer.from(badSignature).toString('base64'), 'certificate.csr_bad_signature'],
      [
        (await clientCsr({ subject: [{ OU: [bank.contractNumber] }, { CN: ['someone'] }] })).pem,
        'certificate.csr_subject_mismatch',
      ],
      [
        (await clientCsr({ subject: [{ OU: ['12345678901'] }, { CN: ['admin'] }] })).pem,
        'certificate.csr_subject_mismatch',
      ],
    ];
    for (const [csr, expected] of cases) {
      expect((await failure(pickUp(bank, 'admin', code, { csr }))).code, expected).toBe(expected);
    }
    expect(await issuedCount()).toBe(0);
    // The refusals left the code usable; a request naming exactly this holder, in DER, is accepted.
    const own = await clientCsr({ subject: [{ OU: [bank.contractNumber] }, { CN: ['admin'] }] });
    await pickUp(bank, 'admin', code, { csr: Buffer.from(own.der).toString('base64') });
    expect(await issuedCount()).toBe(1);
  });

  it('A1 A4: a wrong password or unknown login is refused alike and counts towards the lockout', async () => {
    const code = await adminCode(bank);
    expect((await failure(pickUp(bank, 'admin', code, { password: 'wrongpass1' }))).code).toBe(
      'auth.invalid_credentials',
    );
    expect((await failure(pickUp(bank, 'nobody', code))).code).toBe('auth.invalid_credentials');
    expect((await bank.store.users.get(bank.admin.userId))?.passwordFailures).toBe(1);
    for (let i = 1; i < bank.deps.config.maxPasswordFailures; i++) {
      await failure(pickUp(bank, 'admin', code, { password: 'wrongpass1' }));
    }
    expect((await failure(pickUp(bank, 'admin', code))).code).toBe('auth.locked');
    expect(await issuedCount()).toBe(0);
  });

  it("A5: the administrator issues a user's code with the contract PIN; never their own; not under ID・パスワード方式", async () => {
    const user = await bank.addUser('user1');
    expect(
      (await failure(bank.kinko.issueUserCertificateCode(bank.admin, user.userId, { contractPin: '999999' })))
        .code,
    ).toBe('pin.invalid');
    expect(
      (
        await failure(
          bank.kinko.issueUserCertificateCode(bank.admin, bank.admin.userId, { contractPin: '246810' }),
        )
      ).code,
    ).toBe('user.is_administrator');
    expect(
      (await failure(bank.kinko.issueUserCertificateCode(user, user.userId, { contractPin: '246810' }))).code,
    ).toBe('auth.forbidden');
    const issued = await pickUp(bank, 'user1', await userCode(bank, user));
    expect((await bank.store.certificates.getBySerial(issued.serial))?.userId).toBe(user.userId);
    // A removed user's certificate is revoked with them.
    await bank.kinko.removeUser(bank.admin, user.userId, { contractPin: '246810' });
    expect(await bank.store.certificates.getBySerial(issued.serial)).toMatchObject({
      state: 'revoked',
      revocationReason: 'cessation_of_operation',
    });
    const other = await bank.openOtherContract();
    const number = (await bank.store.contracts.get(other.contractId))?.contractNumber ?? '';
    expect((await failure(adminCode(bank, number))).code).toBe('certificate.login_method');
  });

  it('A5 B1: revocation by the administrator (own contract only, with the PIN) and by the bank, on the CRL', async () => {
    const user = await bank.addUser('user1');
    const userCert = await pickUp(bank, 'user1', await userCode(bank, user));
    const adminCert = await pickUp(bank, 'admin', await adminCode(bank));
    const other = await bank.openOtherContract();
    expect(
      (await failure(bank.kinko.revokeCertificate(other.admin, userCert.serial, { contractPin: '1357' })))
        .code,
    ).toBe('certificate.not_found');
    const revoked = await bank.kinko.revokeCertificate(bank.admin, userCert.serial, {
      contractPin: '246810',
      reason: 'cessation_of_operation',
    });
    expect(revoked).toMatchObject({
      state: 'revoked',
      revocationReason: 'cessation_of_operation',
      loginId: 'user1',
    });
    expect((await failure(bank.kinko.revokeCertificateByBank(bank.operator, userCert.serial, {}))).code).toBe(
      'certificate.not_active',
    );
    await bank.kinko.revokeCertificateByBank(bank.operator, adminCert.serial, { reason: 'key_compromise' });
    const crl = new x509.X509Crl((await bank.kinko.certificateRevocationList()).slice().buffer);
    const ca = new x509.X509Certificate(bank.kinko.caCertificate().pem);
    expect(await crl.verify({ publicKey: ca.publicKey })).toBe(true);
    expect(crl.extensions.map((e) => e.type)).toContain('2.5.29.20'); // cRLNumber, RFC 5280 §5.2.3
    const entries = crl.entries.map((e) => [e.serialNumber.toLowerCase(), e.reason]);
    expect(entries).toEqual(
      expect.arrayContaining([
        [userCert.serial, x509.X509CrlReason.cessationOfOperation],
        [adminCert.serial, x509.X509CrlReason.keyCompromise],
      ]),
    );
    expect(await auditActions()).toContain('certificate.revoked');
  });

  it('A5: renewal opens 30 days before expiry and needs an active certificate of the caller', async () => {
    const cert = await pickUp(bank, 'admin', await adminCode(bank));
    const csr = (await clientCsr()).pem;
    expect(
      (await failure(bank.kinko.renewCertificate(bank.admin, { certificate: cert.certificate, csr }))).code,
    ).toBe('certificate.renewal_not_due');
    bank.clock.advance(336 * DAY);
    const user = await bank.addUser('user1');
    const e = await failure(bank.kinko.renewCertificate(user, { certificate: cert.certificate, csr }));
    expect([e.code, e.details?.reason]).toEqual(['certificate.rejected', 'other_user']);
    const renewed = await bank.kinko.renewCertificate(bank.admin, { certificate: cert.certificate, csr });
    expect((await bank.store.certificates.getBySerial(cert.serial))?.state).toBe('superseded');
    expect((await bank.store.certificates.getBySerial(renewed.serial))?.state).toBe('active');
  });
});
