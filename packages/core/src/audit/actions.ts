/**
 * Every action core writes to the audit log (L1), with how the back office names it (B1, issue
 * 9.6). AuditEvent.action is typed by this list, so core cannot write an action it lacks, and
 * the list is a Record of labels, so an action cannot be added without its Japanese and English
 * names. Browser-safe: the back office's screens and the server's CSV read the same labels.
 */
export const AUDIT_ACTIONS = {
  // authentication and sessions (A*)
  'login.success': { ja: 'ログイン', en: 'Login' },
  'login.failure': { ja: 'ログイン失敗', en: 'Login failed' },
  'login.locked': { ja: 'ログイン停止（パスワード誤り）', en: 'Login locked (wrong passwords)' },
  logout: { ja: 'ログアウト', en: 'Logout' },
  'session.expired': { ja: 'セッション時間切れ', en: 'Session expired' },
  'password.changed': { ja: 'パスワード変更', en: 'Password changed' },
  'password.failure': { ja: 'パスワード誤り', en: 'Wrong password' },
  'contract_pin.failure': { ja: 'ご契約先確認暗証番号誤り', en: 'Wrong contract PIN' },
  'contract_pin.locked': { ja: 'ご契約先確認暗証番号ロック', en: 'Contract PIN locked' },
  // OTP and tokens (T*, R*)
  'otp.accepted': { ja: 'ワンタイムパスワード認証', en: 'One-time password accepted' },
  'otp.invalid': { ja: 'ワンタイムパスワード誤り', en: 'Wrong one-time password' },
  'otp.replayed': { ja: 'ワンタイムパスワード再使用', en: 'One-time password reused' },
  'step_up.not_required': { ja: '追加認証不要', en: 'No step-up needed' },
  'legacy.accepted': {
    ja: '確認暗証番号・利用者ワンタイムパスワード認証',
    en: 'Confirmation PIN and card accepted',
  },
  'legacy.failure': {
    ja: '確認暗証番号・利用者ワンタイムパスワード誤り',
    en: 'Wrong confirmation PIN or card value',
  },
  'card.issued': { ja: '利用者ワンタイムパスワード発行', en: 'Legacy card issued' },
  'token.activated': { ja: 'トークン発行（アプリ初期設定）', en: 'Token activated' },
  'token.expired': { ja: 'トークン期限切れ', en: 'Token expired' },
  'token.registered': { ja: 'トークン利用登録', en: 'Token registered' },
  'token.unregistered': { ja: 'トークン利用登録解除', en: 'Token registration removed' },
  'token.revoked': { ja: 'トークン失効', en: 'Token revoked' },
  'user.suspended': { ja: '利用中止', en: 'User suspended' },
  'user.unlocked': { ja: '利用中止解除', en: 'User unlocked' },
  'token.check': { ja: 'トークン動作確認', en: 'Token check' },
  'alert.acknowledged': { ja: 'セキュリティのお知らせ確認', en: 'Security notice acknowledged' },
  // contracts, users, back office (R*, B*, A3)
  'contract.opened': { ja: 'ご契約先開設', en: 'Contract opened' },
  'contract.usage_mode_set': { ja: '利用形態設定', en: 'Token usage mode set' },
  'user.created': { ja: '利用者登録', en: 'User added' },
  'user.updated': { ja: '利用者情報変更', en: 'User changed' },
  'user.removed': { ja: '利用者削除', en: 'User removed' },
  'user.privileges_set': { ja: '利用者権限設定', en: 'User privileges set' },
  'user.confirm_pin_set': { ja: '利用者確認暗証番号設定', en: 'User confirmation PIN set' },
  'admin.restored': { ja: '管理者復旧', en: 'Administrator restored' },
  'operator.created': { ja: '当金庫担当者登録', en: 'Bank operator added' },
  'branch.created': { ja: '店舗登録', en: 'Branch added' },
  'account.opened': { ja: '口座開設', en: 'Account opened' },
  // client certificates (A5)
  'certificate.code_issued': { ja: '電子証明書取得コード発行', en: 'Certificate pickup code issued' },
  'certificate.issued': { ja: '電子証明書発行', en: 'Certificate issued' },
  'certificate.superseded': { ja: '電子証明書更新（旧証明書の失効）', en: 'Certificate superseded' },
  'certificate.revoked': { ja: '電子証明書失効', en: 'Certificate revoked' },
  'certificate.pickup_failed': { ja: '電子証明書取得失敗', en: 'Certificate pickup refused' },
  'certificate.renewal_failed': { ja: '電子証明書更新失敗', en: 'Certificate renewal refused' },
  // limits and approvals (M5, M5a)
  'limits.bank_set': { ja: 'ご契約先上限額設定（当金庫）', en: 'Contract ceiling set (bank)' },
  'limits.contract_set': { ja: 'ご契約先限度額変更', en: 'Contract limits set' },
  'limits.user_set': { ja: '利用者限度額設定', en: 'User limits set' },
  'approval.settings_set': { ja: '承認設定', en: 'Approval settings set' },
  'approval.submitted': { ja: '承認依頼', en: 'Approval requested' },
  'approval.submit': { ja: '承認依頼', en: 'Approval requested' },
  'approval.approve': { ja: '承認', en: 'Approved' },
  'approval.withdraw': { ja: '引戻し', en: 'Pulled back' },
  'approval.return': { ja: '差戻し', en: 'Returned' },
  'approval.cancel_approval': { ja: '承認取消', en: 'Approval cancelled' },
  'approval.expire': { ja: '承認期限切れ', en: 'Approval expired' },
  'approval.process': { ja: '承認済取引の処理', en: 'Approved request processed' },
  // payees (M8)
  'payee.registered': { ja: '事前登録振込先登録', en: 'Written payee registered' },
  'payee.unregistered': { ja: '事前登録振込先削除', en: 'Written payee removed' },
  'payee.saved': { ja: '振込先登録', en: 'Payee saved' },
  'payee.removed': { ja: '振込先削除', en: 'Payee removed' },
  // money movement (M1–M7)
  'transfer.entered': { ja: '振込・振替入力', en: 'Transfer entered' },
  'transfer.executed': { ja: '振込・振替実行', en: 'Transfer executed' },
  'transfer.scheduled': { ja: '振込・振替予約', en: 'Transfer scheduled' },
  'transfer.cancelled': { ja: '振込・振替取消', en: 'Transfer cancelled' },
  'transfer.failed': { ja: '振込・振替不能', en: 'Transfer failed' },
  'transfer.limit_refused': { ja: '限度額超過', en: 'Refused over a limit' },
  'transfer.outbound_exported': { ja: '他行宛振込データ出力', en: 'Outbound transfers exported' },
  'ledger.posted': { ja: '勘定記帳', en: 'Ledger posting' },
  // the log itself (L1)
  'audit.verified': { ja: '監査ログ検証', en: 'Audit log verified' },
  'audit.checkpointed': { ja: '監査ログチェックポイント', en: 'Audit checkpoint written' },
  'audit.migrated': { ja: '監査ログ移行', en: 'Audit log migrated' },
} as const satisfies Record<string, { ja: string; en: string }>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_CODES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && Object.hasOwn(AUDIT_ACTIONS, value);
}

/** A record's action as the reader's language names it; a code of no label (a record older than this list) as it is. */
export function auditActionLabel(action: string, lang: 'ja' | 'en'): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action][lang] : action;
}

/**
 * The labels of the detail fields core writes. A field of no label is shown by its key: the
 * details hold non-secret facts only (use-case.ts asserts it), so nothing is hidden here.
 */
const AUDIT_DETAIL_LABELS: Record<string, { ja: string; en: string }> = {
  clientAddress: { ja: '接続元IPアドレス', en: 'Client address' },
  realm: { ja: '利用区分', en: 'Realm' },
  reason: { ja: '理由', en: 'Reason' },
  failures: { ja: '失敗回数', en: 'Failures' },
  attempt: { ja: '試行回数', en: 'Attempt' },
  loginId: { ja: 'ログインID', en: 'Login ID' },
  contractNumber: { ja: '契約者番号', en: 'Contract number' },
  from: { ja: '変更前', en: 'From' },
  to: { ja: '変更後', en: 'To' },
  before: { ja: '変更前', en: 'Before' },
  after: { ja: '変更後', en: 'After' },
  mode: { ja: '方式', en: 'Mode' },
  usageMode: { ja: '利用形態', en: 'Usage mode' },
  userId: { ja: '利用者', en: 'User' },
  userIds: { ja: '利用者', en: 'Users' },
  releasedUserIds: { ja: '登録が無効になった利用者', en: 'Users whose registration went out of force' },
  restoredUserIds: { ja: '登録が有効に戻った利用者', en: 'Users whose registration came back' },
  step: { ja: 'タイムステップ', en: 'Time step' },
  purpose: { ja: '操作', en: 'Operation' },
  operation: { ja: '操作', en: 'Operation' },
  cardPosition: { ja: 'カード位置', en: 'Card position' },
  transferId: { ja: '取引ID', en: 'Transfer ID' },
  receiptNumber: { ja: '受付番号', en: 'Receipt number' },
  amount: { ja: '金額', en: 'Amount' },
  fee: { ja: '手数料', en: 'Fee' },
  valueDate: { ja: '指定日', en: 'Value date' },
  accountId: { ja: '口座ID', en: 'Account ID' },
  bankCode: { ja: '金融機関コード', en: 'Bank code' },
  branchCode: { ja: '支店コード', en: 'Branch code' },
  payee: { ja: '振込先', en: 'Payee' },
  payeeNumber: { ja: '振込先番号', en: 'Payee number' },
  loginMethod: { ja: 'ログイン方式', en: 'Login method' },
  openingDeposit: { ja: '初回入金額', en: 'Opening deposit' },
  expiresAt: { ja: '有効期限', en: 'Expires' },
  kind: { ja: '種類', en: 'Kind' },
  count: { ja: '件数', en: 'Count' },
  name: { ja: '名称', en: 'Name' },
  suspended: { ja: '利用中止', en: 'Suspended' },
  loginLocked: { ja: 'ログイン停止', en: 'Login locked' },
};

export function auditDetailLabel(key: string, lang: 'ja' | 'en'): string {
  return Object.hasOwn(AUDIT_DETAIL_LABELS, key) ? (AUDIT_DETAIL_LABELS[key]?.[lang] ?? key) : key;
}

/** Who acted, by role (AuditView.actorRole). */
export const AUDIT_ROLE_LABELS = {
  customer_user: { ja: '利用者', en: 'Customer user' },
  administrator: { ja: '管理者', en: 'Administrator' },
  bank_operator: { ja: '当金庫担当者', en: 'Bank operator' },
  system: { ja: 'システム', en: 'System' },
  anonymous: { ja: '不明（未認証）', en: 'Unknown (not signed in)' },
} as const satisfies Record<string, { ja: string; en: string }>;

export const AUDIT_OUTCOME_LABELS = {
  success: { ja: '成功', en: 'Success' },
  failure: { ja: '失敗', en: 'Failure' },
} as const satisfies Record<string, { ja: string; en: string }>;

/**
 * A detail value as a person reads it: lists joined, objects as compact JSON, a user id by the
 * name the listing resolved for it (AuditView.names).
 */
export function auditDetailValue(value: unknown, names: Readonly<Record<string, string>> = {}): string {
  if (value === null || value === undefined) return '-';
  if (Array.isArray(value))
    return value.length === 0 ? '-' : value.map((v) => auditDetailValue(v, names)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'string' && Object.hasOwn(names, value)) return names[value] ?? value;
  return String(value);
}
