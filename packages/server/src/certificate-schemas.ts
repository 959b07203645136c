/** The schemas of the certificate operations (A5, B1): requests strict, responses named. */
import { CERTIFICATE_STATES, REVOCATION_REASONS } from '@kinko/core';
import { z } from 'zod';
import { ContractView, schemaRegistry } from './schemas.ts';
import { code, secret, secretCode, text } from './text.ts';

/** PEM or base64 DER. Core bounds the size (certificate.csr_too_large); this only bounds the JSON. */
const pkix = text(12_000);

export const CertificateCode = z
  .object({ code: z.string(), expiresAt: z.number().int() })
  .register(schemaRegistry, {
    id: 'CertificateCode',
    description: 'A one-time 取得 code, shown once to whoever issued it, and its deadline (A5)',
  });

export const OpenedContract = ContractView.extend({ certificateCode: CertificateCode.optional() }).register(
  schemaRegistry,
  { id: 'OpenedContract', description: "電子証明書方式: the administrator's 取得 code, shown once" },
);

export const IssuedCertificate = z
  .object({
    serial: z.string(),
    certificate: z.string().describe('PEM'),
    chain: z.array(z.string()).describe("PEM, up to the bank's CA"),
    notBefore: z.number().int(),
    notAfter: z.number().int(),
  })
  .register(schemaRegistry, { id: 'IssuedCertificate' });

export const CertificateView = z
  .object({
    serial: z.string(),
    userId: z.string(),
    loginId: z.string().nullable(),
    subject: z.string(),
    notBefore: z.number().int(),
    notAfter: z.number().int(),
    state: z.enum(CERTIFICATE_STATES),
    revokedAt: z.number().int().nullable(),
    revocationReason: z.enum(REVOCATION_REASONS).nullable(),
  })
  .register(schemaRegistry, { id: 'CertificateView' });

export const CertificateList = z.object({ certificates: z.array(CertificateView) });

const revocationReason = z.enum(['key_compromise', 'cessation_of_operation', 'unspecified']).optional();

export const certificateRequests = {
  pickup: z.strictObject({
    contractNumber: code(),
    loginId: text(),
    password: secret,
    code: secretCode.describe('The 取得 code, with or without its hyphens'),
    csr: pkix.describe('PKCS#10 request, PEM or base64 DER; the private key stays with the client'),
  }),
  renewal: z.strictObject({
    certificate: pkix.describe('The current certificate, PEM or base64 DER'),
    csr: pkix.describe('PKCS#10 request for the new key, PEM or base64 DER'),
  }),
  adminRevocation: z.strictObject({ contractPin: secretCode, reason: revocationReason }),
  bankRevocation: z.strictObject({ reason: revocationReason }),
};

/** Binary PKIX downloads: the bytes as they are sent (documented, not serialised). */
export const pkixResponse = (description: string, types: readonly string[]) => ({
  description,
  content: Object.fromEntries(types.map((t) => [t, { schema: z.string() }])),
});
