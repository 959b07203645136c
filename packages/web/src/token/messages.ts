import { defineMessages } from '../shared/i18n.ts';

export const tokenMessages = defineMessages(
  {
    title: 'Kinko ワンタイムパスワード',
    appName: 'ワンタイムパスワード',
    activateHeading: 'ソフトウェアトークンの発行',
    activateIntro:
      'このアプリは、法人インターネットバンキングのお取引で入力するワンタイムパスワードを表示するソフトウェアトークンです。ワンタイムパスワードは30秒ごとに変わる、1回限りの使い捨てパスワードです。',
    step1:
      '「トークンを発行する」を押すと、この端末専用のトークンが発行され、シリアル番号（SKTS～）が表示されます。',
    step2: '画面下部のシリアル番号を、ご契約先の管理者にお伝えください。',
    step3:
      '管理者が「ご契約先管理情報変更」→「利用者情報登録／変更」→「利用登録」で、シリアル番号とワンタイムパスワードを入力して利用登録します。',
    step4: '利用登録後は、お取引の際にこの画面のワンタイムパスワードを入力してください。',
    activateSecurity:
      'トークンの鍵はこの端末の中で作られ、外部に送信されることはありません。機種変更の際は新しい端末で発行しなおし、管理者に再登録を依頼してください。',
    activate: 'トークンを発行する',
    activating: '発行しています…',
    otpLabel: 'ワンタイムパスワード',
    secondsLeft: '残り {n} 秒',
    clockSyncing: '時刻を確認しています…',
    clockSynced: '時刻補正済み',
    clockOffline: 'オフライン（前回の時刻補正を使用しています）',
    serialLabel: 'シリアル番号',
    serialHelp: 'このシリアル番号を管理者にお伝えのうえ、利用登録を依頼してください。',
    registered:
      '管理者による利用登録が完了しています。お取引の際に、この画面のワンタイムパスワードを入力してください。',
    registeredBadge: '利用登録済み',
    delete: 'トークンを削除',
    deleteConfirm:
      'このトークンを削除します。削除すると元に戻せません。再度ご利用になるには、トークンを発行しなおし、管理者に再登録を依頼する必要があります。',
  },
  {
    title: 'Kinko One-Time Password',
    appName: 'One-time password',
    activateHeading: 'Issue a software token',
    activateIntro:
      'This app is a software token: it shows the one-time password you enter for corporate internet banking transactions. The password changes every 30 seconds and can be used only once.',
    step1: 'Press "Issue token": a token for this device is created and its serial number (SKTS…) is shown.',
    step2: 'Give the serial number shown at the bottom of the screen to your administrator.',
    step3:
      'Your administrator registers it (Contract administration → User registration / changes → Register token) with the serial number and a one-time password.',
    step4: 'Once registered, enter the one-time password shown here when you make transactions.',
    activateSecurity:
      'The token key is created on this device and never sent anywhere. If you change phones, issue a new token on the new phone and ask your administrator to register it again.',
    activate: 'Issue token',
    activating: 'Issuing…',
    otpLabel: 'One-time password',
    secondsLeft: '{n} seconds left',
    clockSyncing: 'Checking the time…',
    clockSynced: 'Clock corrected',
    clockOffline: 'Offline (using the last clock correction)',
    serialLabel: 'Serial number',
    serialHelp: 'Give this serial number to your administrator and ask them to register the token.',
    registered:
      'Your administrator has registered this token. Enter the one-time password on this screen when a transaction asks for it.',
    registeredBadge: 'Registered',
    delete: 'Delete token',
    deleteConfirm:
      'This token will be deleted and cannot be restored. To use a token again you must issue a new one and ask your administrator to register it.',
  },
);
