import type { DirectoryEntry } from '@kinko/core/shared';
import { useEffect, useState } from 'react';
import { Field } from '../../shared/Field.tsx';
import { useT } from '../../shared/i18n.ts';
import { payeeApi } from './api.ts';
import { savedPayeeMessages } from './messages.ts';

/** What the directory says of a code: not asked yet (null), none such ('none'), or the entry. */
export type Lookup = DirectoryEntry | 'none' | null;

/** Waits this long after the last key before asking the server. */
const DEBOUNCE_MS = 200;

/**
 * M8: the names of the bank and branch codes typed so far, from GET /api/v1/banks…; the codes
 * stay what is submitted and the server checks them again at entry.
 */
export function useDirectoryNames(bankCode: string, branchCode: string, onError: (e: unknown) => void) {
  const [bank, setBank] = useState<Lookup>(null);
  const [branch, setBranch] = useState<Lookup>(null);
  const knownBank = bank && bank !== 'none' ? bank.code : null;

  useEffect(() => {
    setBank(null);
    if (!/^\d{4}$/.test(bankCode)) return;
    let live = true;
    payeeApi.banks(bankCode).then(
      (list) => live && setBank(list.find((b) => b.code === bankCode) ?? 'none'),
      (e) => live && onError(e),
    );
    return () => {
      live = false;
    };
  }, [bankCode, onError]);

  useEffect(() => {
    setBranch(null);
    if (!knownBank || !/^\d{3}$/.test(branchCode)) return;
    let live = true;
    payeeApi.branches(knownBank, branchCode).then(
      (list) => live && setBranch(list.find((b) => b.code === branchCode) ?? 'none'),
      (e) => live && onError(e),
    );
    return () => {
      live = false;
    };
  }, [knownBank, branchCode, onError]);

  return { bank, branch };
}

/** The name of a typed code (polite live region), or that the directory has none. */
export function DirectoryName({
  lookup,
  testId,
  notFound,
}: {
  lookup: Lookup;
  testId: string;
  notFound: 'bankNotFound' | 'branchNotFound';
}) {
  const t = useT(savedPayeeMessages);
  return (
    <p
      className="hint block"
      aria-live="polite"
      data-testid={testId}
      data-found={lookup === null ? undefined : String(lookup !== 'none')}
    >
      {lookup === 'none'
        ? t(notFound)
        : lookup
          ? lookup.kana
            ? t('bankFound', { name: lookup.name, kana: lookup.kana })
            : lookup.name
          : ''}
    </p>
  );
}

/** A name search whose answers are buttons that put the code in the code field. */
export function DirectorySearch({
  kind,
  testId,
  search,
  onPick,
  onError,
}: {
  kind: 'bank' | 'branch';
  testId: string;
  search: (q: string) => Promise<DirectoryEntry[]>;
  onPick: (entry: DirectoryEntry) => void;
  onError: (e: unknown) => void;
}) {
  const t = useT(savedPayeeMessages);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<DirectoryEntry[] | null>(null);

  useEffect(() => {
    setFound(null);
    if (q.trim() === '') return;
    let live = true;
    const timer = setTimeout(() => {
      search(q.trim()).then(
        (list) => live && setFound(list),
        (e) => live && onError(e),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, search, onError]);

  return (
    <div className="directory-search">
      <Field
        label={t(kind === 'bank' ? 'bankSearch' : 'branchSearch')}
        hint={t(kind === 'bank' ? 'bankSearchHint' : 'branchSearchHint')}
        testId={testId}
        autoComplete="off"
        maxLength={40}
        value={q}
        onValue={setQ}
      />
      {found &&
        (found.length === 0 ? (
          <p className="hint" data-testid={`${testId}-empty`}>
            {t('noMatch')}
          </p>
        ) : (
          <ul className="payee-list" data-testid={`${testId}-results`}>
            {found.map((e) => (
              <li key={e.code}>
                <button
                  type="button"
                  className="small"
                  data-testid={`${testId}-pick-${e.code}`}
                  onClick={() => {
                    onPick(e);
                    setQ('');
                  }}
                >
                  <span className="mono">{e.code}</span> {e.name} <span className="kana">{e.kana}</span>
                </button>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}
