import { common, setLang, useLang } from './i18n.ts';

/** 「English」 while in Japanese, 「日本語」 while in English. */
export function LangToggle() {
  const lang = useLang();
  const next = lang === 'ja' ? 'en' : 'ja';
  return (
    <button
      type="button"
      className="lang-toggle"
      data-testid="lang-toggle"
      lang={next}
      aria-label={common[lang].langToggleLabel}
      onClick={() => setLang(next)}
    >
      {common[lang].langToggle}
    </button>
  );
}
