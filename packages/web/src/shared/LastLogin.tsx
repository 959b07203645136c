import { defineMessages, type Lang, useLang, useT } from './i18n.ts';

const messages = defineMessages(
  { previousLogin: '前回ログイン日時', firstLogin: '初回ログイン' },
  { previousLogin: 'Previous login', firstLogin: 'First login' },
);

const jst = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * 2026年12月2日 10:31 (2 December 2026, 10:31 JST), in Japan time whatever the browser's zone, as
 * Japanese banks show it; built from the parts so that no locale data changes the shape.
 */
export function formatLoginTime(epochMs: number, lang: Lang): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    jst.formatToParts(epochMs).find((p) => p.type === type)?.value ?? '';
  const [y, m, d, hh, mm] = [part('year'), part('month'), part('day'), part('hour'), part('minute')];
  if (lang === 'ja') return `${y}年${m}月${d}日 ${hh}:${mm}`;
  return `${d} ${months[Number(m) - 1] ?? m} ${y}, ${hh}:${mm} JST`;
}

/**
 * 前回ログイン日時 on the home page of both realms: the successful login before this one, so that
 * a customer (or operator) notices a login that was not theirs; 初回ログイン when there is none.
 */
export function LastLogin({ previousAt }: { previousAt: number | null }) {
  const t = useT(messages);
  const lang = useLang();
  return (
    <p className="hint last-login" data-testid="last-login">
      <span>{t('previousLogin')}</span>{' '}
      {previousAt === null ? (
        <span data-testid="last-login-time">{t('firstLogin')}</span>
      ) : (
        <time data-testid="last-login-time" dateTime={new Date(previousAt).toISOString()}>
          {formatLoginTime(previousAt, lang)}
        </time>
      )}
    </p>
  );
}
