/**
 * A message for every error code of core's errors.ts (the compiler checks the list is
 * complete), plus the few the browser itself raises.
 */
import type { ErrorCode } from './types.ts';

type ClientCode =
  | 'network'
  | 'crypto.unavailable'
  | 'password.mismatch'
  | 'register.no_user'
  | 'restore.empty'
  | 'transfer.payee_required'
  | 'unknown';
type Table = Record<ErrorCode | ClientCode, string>;

export const errorMessagesJa: Table = {
  'transfer.payee_required': '振込先を選択または入力してください。',
  'request.invalid': '入力内容に誤りがあります。入力内容をご確認ください。',
  'request.too_large': '送信データが大きすぎます。',
  'request.unsupported_media_type': '送信データの形式が正しくありません。',
  'request.rate_limited': '短時間に操作が集中しました。しばらくお待ちのうえ、再度お試しください。',
  'request.csrf': '画面の有効期限が切れました。画面を再読み込みしてから、再度操作してください。',
  'auth.required': 'ログインしてください。',
  'auth.invalid_credentials': 'ログイン情報（ID またはパスワード）が正しくありません。',
  'auth.locked':
    'パスワードの入力誤りが規定回数に達したため、ログインできません。利用者の方は管理者に、管理者の方はお取引店にお問い合わせください。',
  'auth.forbidden': 'この操作を行う権限がありません。',
  'auth.session_expired': '一定時間操作がなかったため、ログアウトしました。再度ログインしてください。',
  'pin.invalid': '暗証番号が正しくありません。',
  'pin.locked':
    '暗証番号の入力誤りが規定回数に達したため、ご利用いただけません。ご契約先確認暗証番号の場合はお取引店にお問い合わせください。',
  'pin.not_set': '利用者確認暗証番号が設定されていません。管理者に設定を依頼してください。',
  'otp.malformed':
    'ワンタイムパスワードは、トークンに表示されている6桁の数字で入力してください（全角数字も使えます。英字・記号は使えません）。',
  'otp.invalid': 'ワンタイムパスワードが正しくありません。',
  'otp.replayed':
    'このワンタイムパスワードは既に使用されています。トークンに次のワンタイムパスワードが表示されるまでお待ちのうえ、新しいワンタイムパスワードを入力してください。お心当たりがない場合、第三者にワンタイムパスワードを見られた可能性があります。管理者またはお取引店にご連絡ください。',
  'otp.user_suspended':
    'ワンタイムパスワードの入力誤りが規定回数に達したため、利用中止状態です。管理者に利用中止解除を依頼してください。',
  'otp.token_not_active':
    'ワンタイムパスワードの利用登録がされていません。管理者に利用登録を依頼してください。',
  'card.replaced_by_token':
    'ワンタイムパスワード（トークン）の利用を開始しているため、利用者確認暗証番号と利用者ワンタイムパスワードは使用できません。トークンのワンタイムパスワードを入力してください。',
  'card.invalid': '利用者ワンタイムパスワードが正しくありません。',
  'card.not_issued': '利用者ワンタイムパスワードが発行されていません。管理者に発行を依頼してください。',
  'serial.malformed':
    'シリアル番号は「SKTS」で始まる12桁の英数字で入力してください（例：SKTS7K2M9QXD。全角・小文字・スペース・ハイフンも使えます）。',
  'serial.check_failed':
    'シリアル番号に誤りがあります。トークンの画面下部に表示されているシリアル番号をご確認ください。',
  'token.not_found': '入力されたシリアル番号のトークンは見つかりません。',
  'token.not_registrable': 'このトークンは利用登録できません。',
  'token.expired': 'このトークンは有効期限が切れています。トークンを発行しなおしてください。',
  'token.revoked': 'このトークンは利用停止されています。トークンを発行しなおしてください。',
  'token.usage_mode_mismatch': '利用形態と登録内容が一致しません。利用形態設定をご確認ください。',
  'alert.not_found':
    'このお知らせは見つかりません。画面を更新して、表示されているお知らせを確認してください。',
  'token.usage_mode_unconfirmed':
    '利用形態を変更すると、トークンの利用登録が無効になる利用者がいます。対象の利用者をご確認のうえ、確認欄にチェックしてください。',
  'activation.bad_public_key': 'トークンを発行できませんでした（鍵の形式が正しくありません）。',
  'activation.otpauth_disabled': 'この発行方法はご利用いただけません。',
  'contract.not_found': 'ご契約先が見つかりません。',
  'contract.user_limit': '登録できる利用者数の上限に達しています。',
  'contract.stopped': 'ご契約先のサービスは取引中止中です。お取引店にお問い合わせください。',
  'user.not_found': '利用者が見つかりません。',
  'user.login_id_taken': 'この利用者IDは既に使用されています。',
  'user.is_administrator': '管理者に対してはこの操作を行えません。',
  'user.not_suspended': 'この利用者は利用中止状態ではありません。',
  'branch.not_found': '店舗が見つかりません。',
  'operator.not_found': '担当者が見つかりません。',
  'audit.checkpoint_invalid': '監査ログのチェックポイントとして読み取れません。',
  'amount.invalid':
    '金額は9,999,999,999円以下の、1円単位の整数で入力してください（例：5,000。全角数字・カンマ・「円」も使えます。小数点・マイナス記号・その他の文字は使えません）。',
  'ca.not_configured': '電子証明書の発行機能が準備されていません。お取引店にお問い合わせください。',
  'certificate.csr_malformed': '証明書の発行要求（CSR）の形式が正しくありません。',
  'certificate.csr_too_large': '証明書の発行要求（CSR）が大きすぎます。',
  'certificate.csr_bad_signature': '証明書の発行要求（CSR）の署名が正しくありません。',
  'certificate.csr_subject_mismatch': '証明書の発行要求（CSR）の名義がご本人のものではありません。',
  'certificate.key_unsupported': 'この鍵の種類には対応していません（P-256 または RSA 2048 ビット以上）。',
  'certificate.malformed': '電子証明書の形式が正しくありません。',
  'certificate.too_large': '電子証明書のデータが大きすぎます。',
  'certificate.rejected':
    'この電子証明書はご利用いただけません（有効期限切れ・失効済み・当金庫発行でない等）。',
  'certificate.not_found': '電子証明書が見つかりません。',
  'certificate.not_active': 'この電子証明書はすでに失効しています。',
  'certificate.renewal_not_due': '電子証明書の更新は有効期限の30日前から行えます。',
  'certificate.login_method': 'ID・パスワード方式のご契約では電子証明書は発行されません。',
  'certificate.code_invalid': '証明書取得用のコードが正しくないか、すでに使用済みです。',
  'certificate.code_expired': '証明書取得用のコードの有効期限が過ぎています。再発行を依頼してください。',
  'account.not_found': '口座が見つかりません。',
  'account.closed': 'この口座は解約済みのため、お取引できません。',
  'account.frozen': 'この口座は現在お支払いができません。お取引店にお問い合わせください。',
  'ledger.insufficient_funds': '残高が不足しています。支払可能残高をご確認ください。',
  'transfer.value_date_invalid':
    '振込指定日は、カレンダーから日付を選んで入力してください（例：2026/04/01）。',
  'transfer.value_date_past': '過去の日付は振込指定日にできません。指定可能な日付をお選びください。',
  'transfer.value_date_not_business_day':
    '振込指定日が銀行の休業日です。翌営業日以降の日付をお選びください。',
  'transfer.value_date_after_cutoff':
    '本日の振込受付時間を過ぎました。翌営業日以降の日付を指定してください。',
  'transfer.value_date_beyond_horizon': '振込指定日は予約可能な期間を超えています。',
  'payee.name_required': '受取人名を入力してください。',
  'payee.name_invalid':
    '受取人名は、カナ（全角・半角。ひらがなはカナに変換します）、英字、数字、スペース、記号（ ）－ ． で入力してください。漢字などは使用できません。',
  'payee.name_too_long': '受取人名は半角30文字以内で入力してください（濁点・半濁点も1文字です）。',
  'payee.bank_code_invalid': '金融機関コードは4桁の数字で入力してください（例：0001。全角数字も使えます）。',
  'payee.branch_code_invalid': '支店コードは3桁の数字で入力してください（例：001。全角数字も使えます）。',
  'payee.bank_not_found': '該当する金融機関がありません。金融機関コードをご確認ください。',
  'payee.branch_not_found': '該当する支店がありません。支店コードをご確認ください。',
  'payee.account_type_invalid': '預金種目をお選びください（普通・当座・貯蓄）。',
  'payee.account_number_invalid':
    '口座番号は7桁の数字で入力してください（7桁に満たない場合は先頭に0を付けてください。全角数字も使えます）。',
  'payee.account_not_found': '該当する口座がありません。支店・預金種目・口座番号をご確認ください。',
  'payee.not_found': '該当する振込先がありません。',
  'payee.registered_read_only': '事前登録の振込先は、書面によるお届けで当金庫が変更します。',
  'transfer.same_day_not_allowed':
    '初めてのお振込先（一見先）への当日扱いはできません。翌営業日以降の予約扱いでお手続きください。',
  'transfer.same_account': '支払口座と入金口座が同じです。',
  'transfer.not_found': '該当するお取引がありません。',
  'transfer.not_pending': 'このお取引はすでに処理されています。お取引状況をご確認ください。',
  'transfer.not_cancellable': 'このお取引は取り消せません（予約の取消は指定日の前日まで）。',
  'transfer.expired': '入力から時間が経過しました。もう一度ご入力ください。',
  'idempotency.key_required': '送信内容に不備があります。画面を再読み込みしてやり直してください。',
  'idempotency.key_invalid': '送信内容に不備があります。画面を再読み込みしてやり直してください。',
  'idempotency.key_reused': '同じお取引の重複送信です。お取引状況をご確認ください。',
  'limits.exceeded':
    'お振込金額がご利用限度額を超えています。限度額の範囲内の金額でお手続きいただくか、管理者に限度額をご確認ください。',
  'limits.same_day_unregistered_exceeded':
    '事前登録されていないお振込先への当日扱いのお振込が、本日のご利用限度額を超えています。翌営業日以降の日付をご指定ください。',
  'limits.invalid': '限度額は0円以上の1円単位の整数で入力してください（全角数字・カンマも使えます）。',
  'limits.above_ceiling':
    '当金庫にお届けのご契約先限度額を超える金額は設定できません。引き上げをご希望の場合はお取引店にお申し込みください。',
  'limits.per_transfer_above_per_day': '1回あたりの限度額は1日あたりの限度額以下で設定してください。',
  'limits.sub_limit_above_per_day':
    '事前登録のないお振込先への当日扱いの限度額は、1日あたりの限度額以下で設定してください。',
  'approval.not_allowed': 'このお取引を承認・操作する権限がありません。',
  'approval.same_person':
    '依頼者ご本人、または既に承認した方は、このお取引を承認できません。別の承認者に承認を依頼してください。',
  'approval.wrong_order':
    'このお取引は承認の順序が異なります。一次承認者の承認後に最終承認者が承認してください。',
  'approval.expired': '承認期限を過ぎたため、このお取引は期限切れとなりました。改めてご依頼ください。',
  'approval.invalid_state': 'このお取引は現在の状態ではこの操作を行えません。お取引状況をご確認ください。',
  'server.internal': 'システムエラーが発生しました。しばらくお待ちのうえ、再度お試しください。',
  'route.not_found': 'お探しの情報は見つかりません。',
  network: '通信エラーが発生しました。通信環境をご確認のうえ、再度お試しください。',
  'crypto.unavailable':
    'この端末（ブラウザ）では暗号機能を利用できません。最新のブラウザで、HTTPS で接続してご利用ください。',
  'password.mismatch': '新しいパスワードと確認用のパスワードが一致しません。',
  'register.no_user': '利用登録する利用者を選択してください。',
  'restore.empty': '新しいログインパスワードまたは新しいご契約先確認暗証番号を入力してください。',
  unknown: 'エラーが発生しました。',
};

export const errorMessagesEn: Table = {
  'transfer.payee_required': 'Choose or enter a payee.',
  'request.invalid': 'Some of the input is not valid. Please check it.',
  'request.too_large': 'The request is too large.',
  'request.unsupported_media_type': 'The request format is not supported.',
  'request.rate_limited': 'Too many requests in a short time. Please wait a moment and try again.',
  'request.csrf': 'This page has expired. Please reload it and try again.',
  'auth.required': 'Please log in.',
  'auth.invalid_credentials': 'The login details (ID or password) are not correct.',
  'auth.locked':
    'Too many wrong passwords: login is locked. Users, please ask your administrator; administrators, please contact your branch.',
  'auth.forbidden': 'You are not allowed to do this.',
  'auth.session_expired': 'You were logged out after a period of inactivity. Please log in again.',
  'pin.invalid': 'The PIN is not correct.',
  'pin.locked':
    'Too many wrong PINs: the PIN is locked. For the contract confirmation PIN, please contact your branch.',
  'pin.not_set': 'No confirmation PIN has been set. Please ask your administrator to set one.',
  'otp.malformed':
    'Enter the one-time password as the 6 digits the token shows (full-width digits are fine; no letters or symbols).',
  'otp.invalid': 'The one-time password is not correct.',
  'otp.replayed':
    'This one-time password has already been used. Wait for the token to show the next one and enter that. If you did not use it yourself, someone else may have seen it: please tell your administrator or the bank.',
  'otp.user_suspended':
    'Too many wrong one-time passwords: you are suspended. Please ask your administrator to lift the suspension.',
  'otp.token_not_active': 'No token is registered for you. Please ask your administrator to register one.',
  'card.replaced_by_token':
    'Your token is in use, so the confirmation PIN and the one-time password card no longer apply. Enter the one-time password from your token.',
  'card.invalid': 'The card one-time password is not correct.',
  'card.not_issued': 'No one-time password card has been issued. Please ask your administrator.',
  'serial.malformed':
    'Enter the serial number: 12 letters and digits starting with "SKTS" (e.g. SKTS7K2M9QXD; full-width, lower case, spaces and hyphens are fine).',
  'serial.check_failed':
    'The serial number contains an error. Please check the serial shown at the bottom of the token.',
  'token.not_found': 'No token has this serial number.',
  'token.not_registrable': 'This token cannot be registered.',
  'token.expired': 'This token has expired. Please issue a new token.',
  'token.revoked': 'This token has been revoked. Please issue a new token.',
  'token.usage_mode_mismatch': 'This does not match the token usage mode. Please check the usage mode.',
  'alert.not_found': 'This notice was not found. Please reload the page and check the notices shown.',
  'token.usage_mode_unconfirmed':
    'Changing the usage mode takes some users’ token registrations out of force. Check who and tick the confirmation.',
  'activation.bad_public_key': 'The token could not be issued (invalid key format).',
  'activation.otpauth_disabled': 'This issuing method is not available.',
  'contract.not_found': 'Contract not found.',
  'contract.user_limit': 'The maximum number of users has been reached.',
  'contract.stopped': 'All services of this contract are stopped. Please contact your branch.',
  'user.not_found': 'User not found.',
  'user.login_id_taken': 'This user ID is already taken.',
  'user.is_administrator': 'This cannot be done to the administrator.',
  'user.not_suspended': 'This user is not suspended.',
  'branch.not_found': 'Branch not found.',
  'operator.not_found': 'Operator not found.',
  'audit.checkpoint_invalid': 'This is not an audit log checkpoint.',
  'amount.invalid':
    'Enter the amount as a whole number of yen up to 9,999,999,999 (e.g. 5,000; full-width digits, commas and 円 are fine; no decimal point, minus sign or other characters).',
  'ca.not_configured': 'Certificates cannot be issued at the moment. Please contact your branch.',
  'certificate.csr_malformed': 'The certificate request (CSR) is not valid.',
  'certificate.csr_too_large': 'The certificate request (CSR) is too large.',
  'certificate.csr_bad_signature': "The certificate request's signature is not valid.",
  'certificate.csr_subject_mismatch': 'The certificate request names another contract or user.',
  'certificate.key_unsupported': 'This key type is not supported (P-256 or RSA of 2048 bits or more).',
  'certificate.malformed': 'The certificate is not valid.',
  'certificate.too_large': 'The certificate is too large.',
  'certificate.rejected': 'This certificate cannot be used (expired, revoked or not issued by this bank).',
  'certificate.not_found': 'Certificate not found.',
  'certificate.not_active': 'This certificate is already revoked.',
  'certificate.renewal_not_due': 'A certificate can be renewed from 30 days before it expires.',
  'certificate.login_method': 'Certificates are only issued to contracts that log in with a certificate.',
  'certificate.code_invalid': 'The certificate pickup code is wrong or was already used.',
  'certificate.code_expired': 'The certificate pickup code has expired; ask for a new one.',
  'account.not_found': 'Account not found.',
  'account.closed': 'This account is closed.',
  'account.frozen': 'This account cannot make payments at the moment. Please contact your branch.',
  'ledger.insufficient_funds': 'The balance is not enough. Please check the available balance.',
  'transfer.value_date_invalid': 'Choose the transfer date from the calendar (e.g. 2026-04-01).',
  'transfer.value_date_past': 'The transfer date is in the past. Choose a date that is offered.',
  'transfer.value_date_not_business_day':
    'The bank is closed on that date. Choose the next business day or later.',
  'transfer.value_date_after_cutoff': "Today's transfers have closed. Choose the next business day or later.",
  'transfer.value_date_beyond_horizon': 'The transfer date is further ahead than transfers can be scheduled.',
  'payee.name_required': 'Enter the payee name.',
  'payee.name_invalid':
    'Enter the payee name in kana (full-width or half-width; hiragana is converted to kana), letters, digits, spaces and ( ) - . only: kanji and other characters cannot be used.',
  'payee.name_too_long':
    'The payee name may have at most 30 half-width characters (ﾞ and ﾟ count as one each).',
  'payee.bank_code_invalid': 'A bank code is 4 digits (e.g. 0001; full-width digits are fine).',
  'payee.branch_code_invalid': 'A branch code is 3 digits (e.g. 001; full-width digits are fine).',
  'payee.bank_not_found': 'No bank has this code. Please check the bank code.',
  'payee.branch_not_found': 'The bank has no branch with this code. Please check the branch code.',
  'payee.account_type_invalid': 'Choose the account type (ordinary, current or savings).',
  'payee.account_number_invalid':
    'An account number is 7 digits (pad a shorter one with leading zeros; full-width digits are fine).',
  'payee.account_not_found': 'No account matches. Please check the branch, type and number.',
  'payee.not_found': 'No such payee.',
  'payee.registered_read_only':
    'A payee registered in writing is changed by the bank on your written request.',
  'transfer.same_day_not_allowed':
    'A same-day transfer to a first-time payee is not possible. Please schedule it for the next business day or later.',
  'transfer.same_account': 'The payer and payee accounts are the same.',
  'transfer.not_found': 'No such transaction.',
  'transfer.not_pending': 'This transaction has already been processed. Please check its status.',
  'transfer.not_cancellable': 'This transaction cannot be cancelled (a scheduled one until the day before).',
  'transfer.expired': 'Too much time has passed since you entered it. Please enter it again.',
  'idempotency.key_required': 'The request was incomplete. Please reload the page and try again.',
  'idempotency.key_invalid': 'The request was incomplete. Please reload the page and try again.',
  'idempotency.key_reused': 'This request was already sent. Please check the transaction status.',
  'limits.exceeded':
    'The amount exceeds your transfer limit. Enter an amount within the limit, or ask your administrator about the limits.',
  'limits.same_day_unregistered_exceeded':
    "Today's limit for same-day transfers to payees not registered in advance is reached. Choose the next business day or later.",
  'limits.invalid':
    'Enter each limit as a whole number of yen, 0 or more (full-width digits and commas are fine).',
  'limits.above_ceiling':
    'A limit cannot be above the contract limit registered with the bank. To raise it, apply at your branch.',
  'limits.per_transfer_above_per_day': 'The per-transfer limit must not be above the daily limit.',
  'limits.sub_limit_above_per_day':
    'The limit for same-day transfers to unregistered payees must not be above the daily limit.',
  'approval.not_allowed': 'You are not authorised to approve or change this transaction.',
  'approval.same_person':
    'The requester, or someone who has already approved it, cannot approve this transaction. Ask another approver.',
  'approval.wrong_order':
    'This transaction needs its approvals in order: the first approver, then the final approver.',
  'approval.expired':
    'The approval deadline has passed and this transaction has expired. Please request it again.',
  'approval.invalid_state':
    'This transaction cannot be changed this way in its current status. Please check its status.',
  'server.internal': 'A system error occurred. Please try again later.',
  'route.not_found': 'Not found.',
  network: 'Could not reach the server. Please check your connection and try again.',
  'crypto.unavailable':
    'This browser cannot provide the cryptography the token needs. Use an up-to-date browser over HTTPS.',
  'password.mismatch': 'The new password and its confirmation do not match.',
  'register.no_user': 'Select at least one user to register the token to.',
  'restore.empty': 'Enter a new login password or a new contract confirmation PIN.',
  unknown: 'An error occurred.',
};

/**
 * Issue 9.7: what was wrong, before the message that says what is accepted, for the codes
 * whose problem (or client check) names it. Used only when every {name} is in the details.
 */
type Detailed = Partial<Record<ErrorCode | ClientCode, string>>;

export const errorDetailsJa: Detailed = {
  'amount.invalid': '入力された金額「{given}」は使えません。',
  'payee.name_invalid': '受取人名の{position}文字目「{character}」は使用できません。',
  'payee.name_too_long': '受取人名が半角{length}文字になります（最大{max}文字）。',
  'payee.bank_code_invalid': '入力された金融機関コードは{length}文字です。',
  'payee.branch_code_invalid': '入力された支店コードは{length}文字です。',
  'payee.account_number_invalid': '入力された口座番号は{length}文字です。',
  'limits.invalid': '入力された限度額「{value}」は使えません。',
  'limits.above_ceiling': '{value}は、ご契約先限度額{ceiling}を超えています。',
  'limits.exceeded': '現在ご指定いただける金額は{remaining}までです（限度額{limit}）。',
  'limits.same_day_unregistered_exceeded': '本日の当日扱いでご指定いただける金額は{remaining}までです。',
};

export const errorDetailsEn: Detailed = {
  'amount.invalid': 'The amount “{given}” cannot be used.',
  'payee.name_invalid': 'Character {position} of the payee name, “{character}”, cannot be used.',
  'payee.name_too_long': 'The payee name is {length} half-width characters (at most {max}).',
  'payee.bank_code_invalid': 'The bank code given has {length} characters.',
  'payee.branch_code_invalid': 'The branch code given has {length} characters.',
  'payee.account_number_invalid': 'The account number given has {length} characters.',
  'limits.invalid': 'The limit “{value}” cannot be used.',
  'limits.above_ceiling': '{value} is above the contract limit of {ceiling}.',
  'limits.exceeded': 'At most {remaining} can be sent now (limit {limit}).',
  'limits.same_day_unregistered_exceeded': 'At most {remaining} can be sent same-day today.',
};

/** Codes whose detail sentence says what is still allowed, so it follows the message. */
export const detailsAfter = new Set(['limits.exceeded', 'limits.same_day_unregistered_exceeded']);

/**
 * request.invalid that core raised for one field of a form (details.field, from identity's
 * policy): the rule of that field instead of the generic message. {length} only where the
 * problem gives it (never for a password or PIN).
 */
export const fieldRulesJa: Record<string, string> = {
  loginId: '利用者IDは半角英数字1～30文字で入力してください（記号・全角文字は使えません）。',
  password:
    'パスワードは半角8～64文字で、英字と数字をそれぞれ1文字以上含めてください（記号も使えます。全角文字・スペースは使えません）。',
  pin: '暗証番号は英数字4～16文字で入力してください（全角の英数字は半角として読みます。記号・スペースは使えません）。',
  name: '名前は1～60文字で入力してください（入力は{length}文字です）。',
};

export const fieldRulesEn: Record<string, string> = {
  loginId: 'A user ID is 1–30 half-width letters or digits (no symbols or full-width characters).',
  password:
    'A password is 8–64 half-width characters with at least one letter and one digit (symbols are fine; no full-width characters or spaces).',
  pin: 'A PIN is 4–16 letters or digits (full-width ones are read as half-width; no symbols or spaces).',
  name: 'A name is 1–60 characters ({length} were given).',
};

/** Codes whose message takes the remaining attempts, when the server gives them. */
export const countsAttempts = new Set([
  'otp.invalid',
  'pin.invalid',
  'card.invalid',
  'auth.invalid_credentials',
]);
