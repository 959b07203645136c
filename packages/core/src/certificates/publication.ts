/**
 * A5: what the bank publishes: its CA certificate and a CRL (RFC 5280 §5, DER) signed by the CA,
 * listing every revoked or superseded certificate not yet expired, with its reason. Revocation
 * itself lives in the database; the CRL is made from it on each request, so it is never stale.
 */
import * as x509 from '@peculiar/x509';
import type { RevocationReason } from '../ports.ts';
import type { KinkoDeps } from '../use-case.ts';
import { CA_SIGNING, wholeSeconds } from './authority.ts';
import { requireCa } from './deliver.ts';

const crlReasons: Record<RevocationReason, x509.X509CrlReason> = {
  key_compromise: x509.X509CrlReason.keyCompromise,
  superseded: x509.X509CrlReason.superseded,
  cessation_of_operation: x509.X509CrlReason.cessationOfOperation,
  unspecified: x509.X509CrlReason.unspecified,
};

/**
 * RFC 5280 §5.2.3: every CRL carries a cRLNumber that increases with each CRL. CRLs are made on
 * demand by any server process, so the number is the thisUpdate time in seconds: monotonic
 * without a counter row that every process would write.
 */
function crlNumber(seconds: number): x509.Extension {
  let hex = Math.floor(seconds).toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (Number.parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`; // stays a positive INTEGER
  const value = Buffer.from(hex, 'hex');
  return new x509.Extension('2.5.29.20', false, Buffer.concat([Buffer.from([0x02, value.length]), value]));
}

export function caCertificate(deps: KinkoDeps): { pem: string; der: Uint8Array } {
  const ca = requireCa(deps);
  return { pem: ca.pem, der: ca.der };
}

export async function certificateRevocationList(deps: KinkoDeps): Promise<Uint8Array> {
  const ca = requireCa(deps);
  const now = deps.clock.now();
  const revoked = await deps.store.certificates.listRevoked(now);
  const crl = await x509.X509CrlGenerator.create({
    issuer: ca.certificate.subjectName,
    thisUpdate: new Date(wholeSeconds(now)),
    nextUpdate: new Date(wholeSeconds(now + deps.config.crlValidityMs)),
    entries: revoked.map((c) => ({
      serialNumber: c.serial,
      revocationDate: new Date(c.revokedAt ?? c.issuedAt),
      reason: crlReasons[c.revocationReason ?? 'unspecified'],
    })),
    signingAlgorithm: CA_SIGNING,
    signingKey: ca.privateKey,
    extensions: [
      await x509.AuthorityKeyIdentifierExtension.create(ca.certificate, false),
      crlNumber(wholeSeconds(now) / 1000),
    ],
  });
  return new Uint8Array(crl.rawData);
}
