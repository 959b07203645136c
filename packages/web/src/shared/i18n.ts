/**
 * Japanese first, English on request. The choice is kept in localStorage and shared by the
 * three apps (same origin). Each app defines its own table with defineMessages; the English
 * table must have every Japanese key (checked by the compiler).
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';

export type Lang = 'ja' | 'en';
export type Vars = Record<string, string | number>;

const storageKey = 'kinko.lang';
const listeners = new Set<() => void>();

function readStored(): Lang {
  try {
    return globalThis.localStorage?.getItem(storageKey) === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
}

let current: Lang = readStored();

function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLang(): Lang {
  const lang = useSyncExternalStore(subscribe, getLang, getLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return lang;
}

/** Replaces {name} with vars.name. */
export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

export interface Messages<K extends string> {
  ja: Record<K, string>;
  en: Record<K, string>;
}

export function defineMessages<const J extends Record<string, string>>(
  ja: J,
  en: Record<keyof J, string>,
): Messages<keyof J & string> {
  return { ja, en } as Messages<keyof J & string>;
}

export type Translate<K extends string> = (key: K, vars?: Vars) => string;

export function useT<K extends string>(messages: Messages<K>): Translate<K> {
  const lang = useLang();
  return useCallback((key: K, vars?: Vars) => format(messages[lang][key], vars), [lang, messages]);
}

/** Sets document.title in the current language. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}

export const common = defineMessages(
  {
    langToggle: 'English',
    langToggleLabel: 'Switch to English',
    ok: 'OK',
    cancel: 'キャンセル',
    back: '戻る',
    logout: 'ログアウト',
    loading: '読み込み中…',
    close: '閉じる',
    yes: 'はい',
    no: 'いいえ',
    none: '-',
    contractPin: 'ご契約先確認暗証番号',
    contractPinHelp:
      'この操作にはご契約先確認暗証番号の認証が必要です。ご契約先確認暗証番号を入力してから OK を押してください。',
    remaining: '（残り{n}回）',
    detailPrefix: '詳細',
  },
  {
    langToggle: '日本語',
    langToggleLabel: '日本語に切り替える',
    ok: 'OK',
    cancel: 'Cancel',
    back: 'Back',
    logout: 'Log out',
    loading: 'Loading…',
    close: 'Close',
    yes: 'Yes',
    no: 'No',
    none: '-',
    contractPin: 'Contract confirmation PIN',
    contractPinHelp: 'This operation requires the contract confirmation PIN. Enter it and press OK.',
    remaining: ' ({n} attempts left)',
    detailPrefix: 'Details',
  },
);
