import type { KinkoApi } from './api.ts';
import { getApprovalSettings, setApprovalSettings } from './approvals/index.ts';
import { auditCsv } from './audit/csv.ts';
import { verifyAuditAs } from './audit/verify-as.ts';
import { readAudit } from './audit/view.ts';
import {
  caCertificate,
  certificateRevocationList,
  checkClientCertificate,
  issueAdministratorCertificateCode,
  issueUserCertificateCode,
  listCertificates,
  listContractCertificates,
  pickUpCertificate,
  renewCertificate,
  revokeCertificate,
  revokeCertificateByBank,
} from './certificates/index.ts';
import { setConfirmPin } from './identity/confirm-pin.ts';
import { getContract, listBranches, listContracts, openContract } from './identity/contracts.ts';
import { login } from './identity/login.ts';
import { operatorLogin, operatorProfile } from './identity/operators.ts';
import { restoreAdministrator } from './identity/restore.ts';
import { changePassword, me } from './identity/self.ts';
import { logout, resumeSession } from './identity/sessions.ts';
import { unlockUser } from './identity/unlock.ts';
import { createUser, listUsers, removeUser, updateUser } from './identity/users.ts';
import { openAccount } from './ledger/open-account.ts';
import { listAccounts, statement } from './ledger/statement.ts';
import { statementCsv } from './ledger/statement-csv.ts';
import { verifyLedger } from './ledger/verify.ts';
import { getLimits, setBankLimits, setLimits, setUserPrivileges } from './limits/index.ts';
import {
  listPayees,
  listWrittenPayees,
  registerWrittenPayee,
  removeSavedPayee,
  removeWrittenPayee,
  savePayee,
  searchBankDirectory,
  searchBranchDirectory,
} from './payees/index.ts';
import { activateOtpauthToken, activateToken, expireUnregisteredTokens } from './tokens/activation.ts';
import { issueCard } from './tokens/legacy-card.ts';
import { tokenPublicStatus } from './tokens/public-status.ts';
import { registerToken, removeTokenRegistration } from './tokens/registration.ts';
import { acknowledgeAlert } from './tokens/replay-alerts.ts';
import { revokeToken } from './tokens/revocation.ts';
import { stepUp, stepUpChallenge } from './tokens/step-up.ts';
import { checkToken } from './tokens/token-check.ts';
import { setUsageMode, usageModeImpact } from './tokens/usage-mode.ts';
import {
  actOnApproval,
  cancelScheduledTransfer,
  confirmTransfer,
  enterTransfer,
  exportOutbound,
  getTransfer,
  listApprovals,
  listOutbound,
  listTransfers,
  runScheduledTransfers,
} from './transfers/index.ts';
import type { KinkoDeps } from './use-case.ts';

export type { KinkoDeps } from './use-case.ts';

/**
 * The bank's use cases over the given ports. Each method lives in the domain module named after
 * its rule; this file only wires them, so a rule is implemented in exactly one place (STYLE).
 */
export function createKinko(deps: KinkoDeps): KinkoApi {
  return {
    serverTime: () => deps.clock.now(),

    activateToken: (actor, publicKey) => activateToken(deps, actor, publicKey),
    tokenStatus: (serial) => tokenPublicStatus(deps, serial),
    activateOtpauthToken: (actor, label) => activateOtpauthToken(deps, actor, label),
    expireUnregisteredTokens: () => expireUnregisteredTokens(deps),

    login: (actor, input) => login(deps, actor, input),
    resumeSession: (token, realm) => resumeSession(deps, token, realm),
    extendSession: async (token, realm) => (await resumeSession(deps, token, realm, true)).timing,
    logout: (token) => logout(deps, token),
    me: (actor) => me(deps, actor),
    acknowledgeAlert: (actor, alertId) => acknowledgeAlert(deps, actor, alertId),
    changePassword: (actor, input) => changePassword(deps, actor, input),

    stepUpChallenge: (actor) => stepUpChallenge(deps, actor),
    stepUp: (actor, proof, purpose) => stepUp(deps, actor, proof, purpose),
    checkToken: (actor, otp) => checkToken(deps, actor, otp),

    listUsers: (actor) => listUsers(deps, actor),
    createUser: (actor, input) => createUser(deps, actor, input),
    updateUser: (actor, userId, input) => updateUser(deps, actor, userId, input),
    removeUser: (actor, userId, input) => removeUser(deps, actor, userId, input),
    setUsageMode: (actor, input) => setUsageMode(deps, actor, input),
    usageModeImpact: (actor, input) => usageModeImpact(deps, actor, input),
    registerToken: (actor, input) => registerToken(deps, actor, input),
    removeTokenRegistration: (actor, input) => removeTokenRegistration(deps, actor, input),
    unlockUser: (actor, userId, input) => unlockUser(deps, actor, userId, input),
    issueCard: (actor, userId, input) => issueCard(deps, actor, userId, input),
    setConfirmPin: (actor, userId, input) => setConfirmPin(deps, actor, userId, input),

    operatorLogin: (actor, input) => operatorLogin(deps, actor, input),
    operatorProfile: (actor) => operatorProfile(deps, actor),
    listBranches: (actor) => listBranches(deps, actor),
    openContract: (actor, input) => openContract(deps, actor, input),
    listContracts: (actor) => listContracts(deps, actor),
    getContract: (actor, contractNumber) => getContract(deps, actor, contractNumber),
    restoreAdministrator: (actor, contractNumber, input) =>
      restoreAdministrator(deps, actor, contractNumber, input),
    revokeToken: (actor, serial) => revokeToken(deps, actor, serial),
    readAudit: (actor, opts) => readAudit(deps, actor, opts),
    auditCsv: (actor, query) => auditCsv(deps, actor, query),
    verifyAudit: (actor) => verifyAuditAs(deps, actor),

    caCertificate: () => caCertificate(deps),
    certificateRevocationList: () => certificateRevocationList(deps),
    pickUpCertificate: (actor, input) => pickUpCertificate(deps, actor, input),
    renewCertificate: (actor, input) => renewCertificate(deps, actor, input),
    checkClientCertificate: (der, login) => checkClientCertificate(deps, der, login),
    issueUserCertificateCode: (actor, userId, input) => issueUserCertificateCode(deps, actor, userId, input),
    issueAdministratorCertificateCode: (actor, number) =>
      issueAdministratorCertificateCode(deps, actor, number),
    listCertificates: (actor) => listCertificates(deps, actor),
    listContractCertificates: (actor, number) => listContractCertificates(deps, actor, number),
    revokeCertificate: (actor, serial, input) => revokeCertificate(deps, actor, serial, input),
    revokeCertificateByBank: (actor, serial, input) => revokeCertificateByBank(deps, actor, serial, input),

    openAccount: (actor, input) => openAccount(deps, actor, input),
    listAccounts: (actor) => listAccounts(deps, actor),
    statement: (actor, accountId, query) => statement(deps, actor, accountId, query),
    statementCsv: (actor, accountId, query) => statementCsv(deps, actor, accountId, query),
    verifyLedger: () => verifyLedger(deps.store),

    enterTransfer: (actor, input, key) => enterTransfer(deps, actor, input, key),
    confirmTransfer: (actor, id, proof, key) => confirmTransfer(deps, actor, id, proof, key),
    cancelScheduledTransfer: (actor, id, proof) => cancelScheduledTransfer(deps, actor, id, proof),
    listTransfers: (actor, opts) => listTransfers(deps, actor, opts),
    getTransfer: (actor, id) => getTransfer(deps, actor, id),
    runScheduledTransfers: (now) => runScheduledTransfers(deps, now),
    getLimits: (actor) => getLimits(deps, actor),
    setLimits: (actor, input) => setLimits(deps, actor, input),
    setUserPrivileges: (actor, userId, input) => setUserPrivileges(deps, actor, userId, input),
    setBankLimits: (actor, number, limits) => setBankLimits(deps, actor, number, limits),
    getApprovalSettings: (actor) => getApprovalSettings(deps, actor),
    setApprovalSettings: (actor, input) => setApprovalSettings(deps, actor, input),
    listApprovals: (actor, opts) => listApprovals(deps, actor, opts),
    actOnApproval: (actor, id, action, proof) => actOnApproval(deps, actor, id, action, proof),
    listPayees: (actor) => listPayees(deps, actor),
    savePayee: (actor, input, key) => savePayee(deps, actor, input, key),
    removeSavedPayee: (actor, id) => removeSavedPayee(deps, actor, id),
    searchBanks: (actor, query) => searchBankDirectory(deps, actor, query),
    searchBranches: (actor, bankCode, query) => searchBranchDirectory(deps, actor, bankCode, query),
    registerWrittenPayee: (actor, number, input, key) =>
      registerWrittenPayee(deps, actor, number, input, key),
    listWrittenPayees: (actor, number) => listWrittenPayees(deps, actor, number),
    removeWrittenPayee: (actor, number, id) => removeWrittenPayee(deps, actor, number, id),
    listOutbound: (actor, date) => listOutbound(deps, actor, date),
    exportOutbound: (actor, date, format) => exportOutbound(deps, actor, date, format),
  };
}
