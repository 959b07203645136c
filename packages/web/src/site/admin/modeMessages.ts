import { defineMessages } from '../../shared/i18n.ts';

/** 利用形態設定's warning before a switch (R3, issue 9.3). */
export const modeMessages = defineMessages(
  {
    impactHeading: '変更による影響',
    impactLoading: '変更による影響を確認しています…',
    impactNone: 'この変更で利用登録が無効になる利用者はいません。',
    releasedIntro:
      '利用形態を変更すると、次の利用者のトークン利用登録が無効になります（{count}名）。登録は記録として残り、利用形態を元に戻すと再び有効になります。',
    releasedToShared:
      '全員が同じトークンを使用する利用形態では、ご契約先共通のトークンを「利用登録」するまで、これらの利用者はワンタイムパスワードを利用できません。',
    releasedToIndividual:
      '利用者ごとのトークンを使用する利用形態では、各利用者のトークンを「利用登録」するまで、これらの利用者はワンタイムパスワードを利用できません。',
    restoredIntro: '次の利用者は、以前の利用登録が再び有効になります（{count}名）。',
    user: '利用者名（ログインID）',
    serialNow: '現在のシリアル番号',
    serialAfter: '変更後のシリアル番号',
    none: 'なし',
    confirm: '上記の利用者のトークン利用登録が無効になることを確認しました',
    confirmNeeded: '変更するには、上の確認欄にチェックしてください。',
  },
  {
    impactHeading: 'What this change does',
    impactLoading: 'Checking what this change does…',
    impactNone: "No user's registration goes out of force with this change.",
    releasedIntro:
      "Changing the usage mode takes these users' token registrations out of force ({count}). The registrations are kept and come back if the usage mode is changed back.",
    releasedToShared:
      'With one token for all users, these users cannot use a one-time password until the shared token is registered.',
    releasedToIndividual:
      "With a token per user, these users cannot use a one-time password until each user's token is registered.",
    restoredIntro: "These users' earlier registrations come back into force ({count}).",
    user: 'User (login ID)',
    serialNow: 'Serial now',
    serialAfter: 'Serial after',
    none: 'None',
    confirm: "I have checked that these users' token registrations go out of force",
    confirmNeeded: 'Tick the confirmation above to make the change.',
  },
);
