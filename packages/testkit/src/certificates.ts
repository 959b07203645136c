/**
 * Client-side certificate helpers for tests (A5): a holder's key pair and PKCS#10 request, made as
 * a browser or `kinko cert request` makes them, and a pickup through the kinko API.
 */
import type { CustomerActor, IssuedCertificate } from '@kinko/core';
import * as x509 from '@peculiar/x509';
import { passwords, pins, type TestBank } from './bank.ts';

const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const RSA = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
} as const;

export interface TestCsr {
  pem: string;
  der: Uint8Array;
  keys: CryptoKeyPair;
}

/** A PKCS#10 request with the given subject (default: none); `rsa` for an RSA-2048 key. */
export async function clientCsr(
  o: { subject?: x509.JsonName | string; rsa?: boolean } = {},
): Promise<TestCsr> {
  const alg = o.rsa ? RSA : EC;
  const keys = (await crypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: o.subject ?? [],
    keys,
    signingAlgorithm: alg,
  });
  return { pem: csr.toString('pem'), der: new Uint8Array(csr.rawData), keys };
}

/** The bank issues the administrator's 取得 code (A3) and returns it. */
export async function adminCode(bank: TestBank, contractNumber = bank.contractNumber): Promise<string> {
  return (await bank.kinko.issueAdministratorCertificateCode(bank.operator, contractNumber)).code;
}

/** The administrator issues the user's 取得 code. */
export async function userCode(bank: TestBank, user: CustomerActor): Promise<string> {
  return (await bank.kinko.issueUserCertificateCode(bank.admin, user.userId, { contractPin: pins.contract }))
    .code;
}

/** Picks up a certificate for the login with its code (password as the test bank sets it). */
export async function pickUp(
  bank: TestBank,
  loginId: string,
  code: string,
  o: { csr?: string; contractNumber?: string; password?: string } = {},
): Promise<IssuedCertificate> {
  const csr = o.csr ?? (await clientCsr()).pem;
  return bank.kinko.pickUpCertificate(bank.anon, {
    contractNumber: o.contractNumber ?? bank.contractNumber,
    loginId,
    password: o.password ?? (loginId === 'admin' ? passwords.admin : passwords.user),
    code,
    csr,
  });
}
