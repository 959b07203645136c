/** The certificates room (A5): the bank's CA, 取得 codes, issuance, renewal, revocation, the CRL. */

export type { CertificatesApi } from './api.ts';
export {
  type CertificateAuthority,
  createCertificateAuthority,
  loadCertificateAuthority,
} from './authority.ts';
export { checkClientCertificate } from './check.ts';
export { makeCertificateRequest } from './client.ts';
export { type CertificateCode, issueCode } from './codes.ts';
export { type IssuedCertificate, requireCa } from './deliver.ts';
export { issueAdministratorCertificateCode, issueUserCertificateCode } from './issuance.ts';
export { pickUpCertificate } from './pickup.ts';
export { caCertificate, certificateRevocationList } from './publication.ts';
export { renewCertificate } from './renewal.ts';
export { revokeCertificate, revokeCertificateByBank, revokeHolderCertificates } from './revocation.ts';
export { type CertificateView, listCertificates, listContractCertificates } from './views.ts';
