/**
 * The `detail` a problem carries when core threw its code without a message: never the code
 * itself (a client learns nothing from `"detail": "token.not_found"`). A Record over every
 * ErrorCode, so a new code in core's errors.ts does not compile until it has one. They say what
 * was wrong and, where there is a rule, what is accepted; none names which secret was wrong.
 * docs/http-api.md's error table is generated from this map (npm run docs:errors).
 */
import type { ErrorCode } from '@kinko/core';

export const defaultDetails: Record<ErrorCode, string> = {
  'request.invalid': 'The request does not match the schema.',
  'request.too_large': 'The request is larger than the server accepts.',
  'request.unsupported_media_type': 'Send the request body as application/json.',
  'request.rate_limited': 'Too many requests from this address; try again later.',
  'request.csrf':
    'A state-changing request needs the X-CSRF-Token header of its session and no foreign Origin.',
  'auth.required': 'Log in first: this needs a session cookie.',
  'auth.invalid_credentials': 'The login details are not correct.',
  'auth.locked': 'Too many wrong passwords: the login is locked until it is unlocked.',
  'auth.forbidden': 'This session may not do this.',
  'auth.session_expired': 'The session ended after a period of inactivity; log in again.',
  'pin.invalid': 'The PIN is not correct.',
  'pin.locked': 'Too many wrong PINs: the PIN is locked.',
  'pin.not_set': 'No user confirmation PIN is set; the administrator sets one.',
  'otp.malformed': 'A one-time password is exactly 6 ASCII digits (0–9), as the token shows it.',
  'otp.invalid': 'The one-time password is not correct.',
  'otp.replayed': 'This one-time password was already used; wait for the next one.',
  'otp.user_suspended': 'Too many wrong one-time passwords: the user is suspended (利用中止).',
  'otp.token_not_active': 'No active token is registered for this user; authorise with the PIN and card.',
  'card.replaced_by_token': "The user's token is active: authorise with its one-time password.",
  'card.invalid': 'The value of the one-time password card is not correct.',
  'card.not_issued': 'No one-time password card has been issued to this user.',
  'serial.malformed': 'A serial number is SKTS followed by 8 letters or digits (12 in all).',
  'serial.check_failed': "The serial number's check character does not match: a character is mistyped.",
  'token.not_found': 'No token has this serial number.',
  'token.not_registrable': 'This token cannot be registered in its present state.',
  'token.expired': 'This token expired before it was registered; activate a new one.',
  'token.revoked': 'This token is revoked; activate a new one.',
  'token.usage_mode_mismatch': "This registration does not fit the contract's token usage mode.",
  'alert.not_found': 'No such alert for this user: acknowledge one of the alerts your session lists.',
  'token.usage_mode_unconfirmed':
    'This switch releases token registrations: send confirmed: true once they were shown.',
  'activation.bad_public_key': 'The public key is not a P-256 public JWK.',
  'activation.otpauth_disabled': 'This bank does not provision otpauth:// tokens.',
  'contract.not_found': 'No contract has this number.',
  'contract.user_limit': 'The contract has as many users as it may have.',
  'contract.stopped': "The contract's services are stopped (取引中止); only the bank restarts them.",
  'user.not_found': 'No such user in this contract.',
  'user.login_id_taken': 'Another user of the contract has this login ID.',
  'user.is_administrator': 'This cannot be done to the administrator.',
  'user.not_suspended': 'The user is neither suspended nor locked.',
  'branch.not_found': 'No branch has this code.',
  'operator.not_found': 'No such operator.',
  'audit.checkpoint_invalid': 'The file is not a Kinko audit checkpoint.',
  'ca.not_configured':
    'This bank has no certificate authority configured (KINKO_CA_KEY_FILE and KINKO_CA_CERT_FILE); certificates cannot be issued.',
  'certificate.csr_malformed':
    'The certificate request is not a PKCS#10 CSR in PEM (BEGIN CERTIFICATE REQUEST) or base64 DER.',
  'certificate.csr_too_large':
    'The certificate request is larger than a P-256 or RSA CSR can be (at most 4 KiB of DER, 8 KiB of PEM).',
  'certificate.csr_bad_signature':
    "The certificate request's signature does not verify with its own public key.",
  'certificate.csr_subject_mismatch':
    'The certificate request names another contract or user; leave its subject empty or name this contract (OU) and login ID (CN).',
  'certificate.key_unsupported': 'The key must be ECDSA P-256 or RSA of 2048 to 4096 bits.',
  'certificate.malformed':
    'The certificate is not an X.509 certificate in PEM (BEGIN CERTIFICATE) or base64 DER.',
  'certificate.too_large':
    'The certificate is larger than a client certificate of this bank can be (at most 8 KiB of DER).',
  'certificate.rejected':
    'The certificate is not an active certificate of this bank for this user (see reason: expired, not_yet_valid, revoked, not_issued, other_contract, other_user, unknown).',
  'certificate.not_found': 'No such certificate among those this caller may see.',
  'certificate.not_active': 'The certificate is already revoked or superseded.',
  'certificate.renewal_not_due':
    'A certificate is renewed from 30 days before its expiry; before that it stays in use.',
  'certificate.login_method':
    'The contract logs in with ID and password (ID・パスワード方式); certificates are for 電子証明書方式 contracts.',
  'certificate.code_invalid':
    'The 取得 code is not right, or it was used or replaced; ask for a new one (the administrator, or the bank for an administrator).',
  'certificate.code_expired': "The 取得 code's deadline has passed; ask for a new one.",
  'amount.invalid': 'An amount is a whole number of yen in range: a transfer from 1 to 9,999,999,999.',
  'account.not_found': 'No such account among those this user may use.',
  'account.closed': 'The account is closed.',
  'account.frozen': 'The account is frozen: it cannot pay out.',
  'ledger.insufficient_funds': 'The balance and overdraft limit do not cover the amount.',
  'transfer.value_date_invalid': 'The value date is a real day written YYYY-MM-DD.',
  'transfer.value_date_past': 'The value date is in the past.',
  'transfer.value_date_not_business_day': 'The value date is not a business day.',
  'transfer.value_date_after_cutoff': "Today's cut-off has passed; choose a later business day.",
  'transfer.value_date_beyond_horizon': 'The value date is further ahead than transfers can be scheduled.',
  'payee.name_required': 'The payee name is required.',
  'payee.name_invalid': 'The payee name has a character outside the Zengin character set.',
  'payee.name_too_long': 'The payee name is at most 30 half-width characters.',
  'payee.bank_code_invalid': 'A bank code is 4 digits.',
  'payee.branch_code_invalid': 'A branch code is 3 digits.',
  'payee.bank_not_found': 'No bank in the Zengin code list has this code.',
  'payee.branch_not_found': 'The bank has no branch with this code.',
  'payee.account_type_invalid': 'The account type is ordinary, current or savings.',
  'payee.account_number_invalid': 'An account number is 7 digits.',
  'payee.account_not_found': 'No account of this bank matches the branch, type and number.',
  'payee.not_found': 'No such payee.',
  'payee.registered_read_only': 'A payee registered in writing is changed by the bank only.',
  'transfer.same_day_not_allowed': 'A same-day transfer to a first-time payee is not allowed here (M4).',
  'transfer.same_account': 'The payer and payee accounts are the same.',
  'transfer.not_found': 'No such transfer among this user’s transfers.',
  'transfer.not_pending': 'The transfer is no longer waiting for confirmation.',
  'transfer.not_cancellable': 'The transfer cannot be cancelled now (a scheduled one until the day before).',
  'transfer.expired': 'The transfer was not confirmed in time; enter it again.',
  'idempotency.key_required': 'This call needs an Idempotency-Key header.',
  'idempotency.key_invalid': 'An Idempotency-Key is 1–128 printable ASCII characters.',
  'idempotency.key_reused': 'This Idempotency-Key was used for another request.',
  'limits.exceeded': 'The amount is above a transfer limit.',
  'limits.same_day_unregistered_exceeded':
    "The day's limit for same-day transfers to unregistered payees is reached.",
  'limits.invalid': 'A limit is a whole number of yen, 0 or more.',
  'limits.above_ceiling': 'A limit is above the ceiling of the layer above it.',
  'limits.per_transfer_above_per_day': 'The per-transfer limit is above the daily limit.',
  'limits.sub_limit_above_per_day': 'The same-day unregistered limit is above the daily limit.',
  'approval.not_allowed': 'This user may not take this action on the approval request.',
  'approval.same_person': 'The requester or an earlier approver may not approve it again.',
  'approval.wrong_order': 'The first approval comes before the final one.',
  'approval.expired': 'The approval request expired.',
  'approval.invalid_state': 'The approval request is not in a state that allows this action.',
  'server.internal': 'An unexpected error occurred.',
  'route.not_found': 'No such resource.',
};
