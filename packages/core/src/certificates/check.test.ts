import {
  adminCode,
  clientCsr,
  makeTestCa,
  openBank,
  passwords,
  pickUp,
  pins,
  type TestBank,
  testBackends,
  userCode,
} from '@kinko/testkit';
import * as x509 from '@peculiar/x509';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyRequest } from './csr.ts';
import { issueCertificate } from './issue.ts';

const DAY = 86_400_000;

describe.each(testBackends())('A5 client certificate check on $name', (backend) => {
  let bank: TestBank;
  beforeEach(async () => {
    bank = await openBank(backend);
  });
  afterEach(() => bank.cleanup());

  const login = (loginId = 'admin', contractNumber = bank.contractNumber) => ({ contractNumber, loginId });
  const check = (certificate: string | Uint8Array, l = login()) =>
    bank.kinko.checkClientCertificate(certificate, l);
  const adminCertificate = async () => pickUp(bank, 'admin', await adminCode(bank));

  it('A1 A5: a certificate the CA issued is accepted for its own holder, as PEM and as DER', async () => {
    const issued = await adminCertificate();
    expect(await check(issued.certificate)).toEqual({
      accepted: true,
      serial: issued.serial,
      notAfter: issued.notAfter,
    });
    const der = new Uint8Array(new x509.X509Certificate(issued.certificate).rawData);
    expect((await check(der)).accepted).toBe(true);
    // X.509 v3, the holder named, for client authentication only, a serial of ≥ 64 random bits.
    const cert = new x509.X509Certificate(issued.certificate);
    expect(cert.subjectName.getField('OU')).toEqual([bank.contractNumber]);
    expect(cert.subjectName.getField('CN')).toEqual(['admin']);
    expect(cert.getExtension(x509.ExtendedKeyUsageExtension)?.usages).toEqual([
      x509.ExtendedKeyUsage.clientAuth,
    ]);
    expect(cert.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(false);
    expect(issued.serial).toMatch(/^[4-7][0-9a-f]{31}$/);
    expect(issued.notAfter - issued.notBefore).toBe(365 * DAY);
    expect(issued.chain).toEqual([bank.kinko.caCertificate().pem]);
  });

  it('A5: an expired certificate is refused as expired; one not yet valid as not_yet_valid', async () => {
    const issued = await adminCertificate();
    bank.clock.advance(365 * DAY + 1000);
    expect(await check(issued.certificate)).toMatchObject({
      accepted: false,
      reason: 'expired',
      serial: issued.serial,
    });
    bank.clock.ms = issued.notBefore - 1000;
    expect(await check(issued.certificate)).toMatchObject({ accepted: false, reason: 'not_yet_valid' });
  });

  it('A5 B1: a revoked certificate is refused as revoked, from the database at once', async () => {
    const issued = await adminCertificate();
    await bank.kinko.revokeCertificateByBank(bank.operator, issued.serial, { reason: 'key_compromise' });
    expect(await check(issued.certificate)).toMatchObject({ accepted: false, reason: 'revoked' });
  });

  it("A5: another CA's certificate, even naming this holder, is refused as not_issued", async () => {
    const other = await makeTestCa(bank.deps.config.bankName);
    const request = await verifyRequest((await clientCsr()).pem);
    const { certificate } = await issueCertificate(other, bank.deps.random, {
      request,
      holder: login(),
      bankName: bank.deps.config.bankName,
      contractId: 'x',
      userId: 'y',
      now: bank.clock.now(),
      validityMs: DAY,
    });
    expect(await check(certificate.toString('pem'))).toMatchObject({ accepted: false, reason: 'not_issued' });
  });

  it('A5: a certificate with a changed signature is refused as not_issued; a malformed one as malformed', async () => {
    const issued = await adminCertificate();
    const der = new Uint8Array(new x509.X509Certificate(issued.certificate).rawData);
    const tampered = der.slice();
    tampered[tampered.length - 3] = (tampered[tampered.length - 3] ?? 0) ^ 0x01;
    expect(await check(tampered)).toMatchObject({ accepted: false, reason: 'not_issued' });
    // A changed subject (another login ID) breaks the CA's signature the same way.
    const text = Buffer.from(der);
    const at = text.indexOf(Buffer.from('admin'));
    text.write('bdmin', at);
    expect(await check(new Uint8Array(text), login('bdmin'))).toMatchObject({
      accepted: false,
      reason: 'not_issued',
    });
    for (const bad of [
      '',
      'not a certificate',
      '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
    ]) {
      expect(await check(bad)).toMatchObject({ accepted: false, reason: 'malformed', serial: null });
    }
    expect(await check(new Uint8Array(9000))).toMatchObject({ accepted: false, reason: 'malformed' });
  });

  it("A5: another contract's certificate is refused as other_contract; another user's as other_user", async () => {
    const user = await bank.addUser('user1');
    const userCertificate = await pickUp(bank, 'user1', await userCode(bank, user));
    expect((await check(userCertificate.certificate, login('user1'))).accepted).toBe(true);
    expect(await check(userCertificate.certificate, login('admin'))).toMatchObject({
      accepted: false,
      reason: 'other_user',
    });
    const other = await bank.kinko.openContract(bank.operator, {
      branchCode: '001',
      name: '他社',
      loginMethod: 'certificate',
      contractPin: pins.other,
      admin: { loginId: 'user1', name: '他社管理者', password: passwords.admin },
    });
    expect(await check(userCertificate.certificate, login('user1', other.contractNumber))).toMatchObject({
      accepted: false,
      reason: 'other_contract',
    });
    expect(await check(userCertificate.certificate, login('user1', '99999999999'))).toMatchObject({
      accepted: false,
      reason: 'other_contract',
    });
  });

  it('A5: a renewal supersedes the old certificate, which is then refused as revoked', async () => {
    const first = await adminCertificate();
    bank.clock.advance(340 * DAY);
    const second = await bank.kinko.renewCertificate(bank.admin, {
      certificate: first.certificate,
      csr: (await clientCsr({ rsa: true })).pem,
    });
    expect(await check(first.certificate)).toMatchObject({ accepted: false, reason: 'revoked' });
    expect(await check(second.certificate)).toMatchObject({ accepted: true, serial: second.serial });
  });
});
