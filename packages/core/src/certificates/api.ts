/** The certificate use cases core offers the server and the CLI (A5, A3, B1). */
import type { AnonymousActor, CustomerActor, OperatorActor } from '../identity/actors.ts';
import type { RevocationReason } from '../ports.ts';
import type { CertificateCheck } from './check.ts';
import type { CertificateCode } from './codes.ts';
import type { IssuedCertificate } from './deliver.ts';
import type { PickupInput } from './pickup.ts';
import type { CertificateView } from './views.ts';

export interface CertificatesApi {
  /** A5: the CA certificate the bank publishes, PEM and DER. */
  caCertificate(): { pem: string; der: Uint8Array };
  /** A5: the CRL, DER, signed by the CA, made from the database now. */
  certificateRevocationList(): Promise<Uint8Array>;
  /** A5: 電子証明書取得 with the 取得 code, login ID and password; a PKCS#10 request in, the certificate out. */
  pickUpCertificate(actor: AnonymousActor, input: PickupInput): Promise<IssuedCertificate>;
  /** A5: 電子証明書更新, from 30 days before expiry; the old certificate is superseded. */
  renewCertificate(
    actor: CustomerActor,
    input: { certificate: string; csr: string },
  ): Promise<IssuedCertificate>;
  /** A5: whether a client certificate may log in as this contract's login ID, and if not, why. */
  checkClientCertificate(
    der: Uint8Array | string,
    login: { contractNumber: string; loginId: string },
  ): Promise<CertificateCheck>;
  /** A5: 利用者の電子証明書発行: the administrator issues a user's 取得 code (shown once). */
  issueUserCertificateCode(
    actor: CustomerActor,
    userId: string,
    input: { contractPin: string },
  ): Promise<CertificateCode>;
  /** A3, B1: the bank issues the administrator's 取得 code (shown once). */
  issueAdministratorCertificateCode(actor: OperatorActor, contractNumber: string): Promise<CertificateCode>;
  listCertificates(actor: CustomerActor): Promise<CertificateView[]>;
  listContractCertificates(actor: OperatorActor, contractNumber: string): Promise<CertificateView[]>;
  /** A5: the administrator revokes a certificate of the contract (PC change or loss). */
  revokeCertificate(
    actor: CustomerActor,
    serial: string,
    input: { contractPin: string; reason?: RevocationReason },
  ): Promise<CertificateView>;
  /** B1: the bank revokes any certificate. */
  revokeCertificateByBank(
    actor: OperatorActor,
    serial: string,
    input: { reason?: RevocationReason },
  ): Promise<CertificateView>;
}
