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
  | 'unknown';
type Table = Record<ErrorCode | ClientCode, string>;

export const errorMessagesJa: Table = {
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
  'otp.malformed': 'ワンタイムパスワードは6桁の数字で入力してください。',
  'otp.invalid': 'ワンタイムパスワードが正しくありません。',
  'otp.replayed':
    'このワンタイムパスワードは既に使用されています。トークンに次のワンタイムパスワードが表示されるまでお待ちのうえ、新しいワンタイムパスワードを入力してください。お心当たりがない場合、第三者にワンタイムパスワードを見られた可能性があります。管理者またはお取引店にご連絡ください。',
  'otp.user_suspended':
    'ワンタイムパスワードの入力誤りが規定回数に達したため、利用中止状態です。管理者に利用中止解除を依頼してください。',
  'otp.token_not_active':
    'ワンタイムパスワードの利用登録がされていません。管理者に利用登録を依頼してください。',
  'otp.legacy_card_invalid':
    'ワンタイムパスワード（トークン）の利用を開始しているため、利用者確認暗証番号と利用者ワンタイムパスワードは使用できません。トークンのワンタイムパスワードを入力してください。',
  'card.invalid': '利用者ワンタイムパスワードが正しくありません。',
  'card.not_issued': '利用者ワンタイムパスワードが発行されていません。管理者に発行を依頼してください。',
  'serial.malformed': 'シリアル番号は「SKTS」で始まる12桁の英数字で入力してください。',
  'serial.check_failed':
    'シリアル番号に誤りがあります。トークンの画面下部に表示されているシリアル番号をご確認ください。',
  'token.not_found': '入力されたシリアル番号のトークンは見つかりません。',
  'token.not_registrable': 'このトークンは利用登録できません。',
  'token.expired': 'このトークンは有効期限が切れています。トークンを発行しなおしてください。',
  'token.revoked': 'このトークンは利用停止されています。トークンを発行しなおしてください。',
  'token.usage_mode_mismatch': '利用形態と登録内容が一致しません。利用形態設定をご確認ください。',
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
  internal: 'システムエラーが発生しました。しばらくお待ちのうえ、再度お試しください。',
  not_found: 'お探しの情報は見つかりません。',
  network: '通信エラーが発生しました。通信環境をご確認のうえ、再度お試しください。',
  'crypto.unavailable':
    'この端末（ブラウザ）では暗号機能を利用できません。最新のブラウザで、HTTPS で接続してご利用ください。',
  'password.mismatch': '新しいパスワードと確認用のパスワードが一致しません。',
  'register.no_user': '利用登録する利用者を選択してください。',
  'restore.empty': '新しいログインパスワードまたは新しいご契約先確認暗証番号を入力してください。',
  unknown: 'エラーが発生しました。',
};

export const errorMessagesEn: Table = {
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
  'otp.malformed': 'Enter the one-time password as 6 digits.',
  'otp.invalid': 'The one-time password is not correct.',
  'otp.replayed':
    'This one-time password has already been used. Wait for the token to show the next one and enter that. If you did not use it yourself, someone else may have seen it: please tell your administrator or the bank.',
  'otp.user_suspended':
    'Too many wrong one-time passwords: you are suspended. Please ask your administrator to lift the suspension.',
  'otp.token_not_active': 'No token is registered for you. Please ask your administrator to register one.',
  'otp.legacy_card_invalid':
    'Your token is in use, so the confirmation PIN and the one-time password card no longer apply. Enter the one-time password from your token.',
  'card.invalid': 'The card one-time password is not correct.',
  'card.not_issued': 'No one-time password card has been issued. Please ask your administrator.',
  'serial.malformed': 'Enter the serial number: 12 letters and digits starting with "SKTS".',
  'serial.check_failed':
    'The serial number contains an error. Please check the serial shown at the bottom of the token.',
  'token.not_found': 'No token has this serial number.',
  'token.not_registrable': 'This token cannot be registered.',
  'token.expired': 'This token has expired. Please issue a new token.',
  'token.revoked': 'This token has been revoked. Please issue a new token.',
  'token.usage_mode_mismatch': 'This does not match the token usage mode. Please check the usage mode.',
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
  internal: 'A system error occurred. Please try again later.',
  not_found: 'Not found.',
  network: 'Could not reach the server. Please check your connection and try again.',
  'crypto.unavailable':
    'This browser cannot provide the cryptography the token needs. Use an up-to-date browser over HTTPS.',
  'password.mismatch': 'The new password and its confirmation do not match.',
  'register.no_user': 'Select at least one user to register the token to.',
  'restore.empty': 'Enter a new login password or a new contract confirmation PIN.',
  unknown: 'An error occurred.',
};

/** Codes whose message takes the remaining attempts, when the server gives them. */
export const countsAttempts = new Set([
  'otp.invalid',
  'pin.invalid',
  'card.invalid',
  'auth.invalid_credentials',
]);
