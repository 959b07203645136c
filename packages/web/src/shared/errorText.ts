import { ApiError } from './api.ts';
import {
  countsAttempts,
  detailsAfter,
  errorDetailsEn,
  errorDetailsJa,
  errorMessagesEn,
  errorMessagesJa,
  fieldRulesEn,
  fieldRulesJa,
} from './errorMessages.ts';
import { formatYen } from './format.ts';
import { common, format, type Lang } from './i18n.ts';

export interface ErrorText {
  code: string;
  message: string;
  /** Field-level reasons of request.invalid, as the server gave them. */
  items: string[];
}

/** The code of any thrown value: an ApiError's code, or a client-side code. */
function errorCode(error: unknown): string {
  if (error instanceof ApiError) return error.code;
  if (error instanceof Error && error.message === 'crypto.unavailable') return 'crypto.unavailable';
  return 'unknown';
}

/**
 * Issue 9.7: the sentence that names what was wrong (the character, the length given), when the
 * details carry every value its template asks for; '' otherwise.
 */
/** Details that are integer yen, shown as the screens show amounts (¥1,000,000). */
const yenDetails = new Set(['value', 'ceiling', 'limit', 'remaining', 'used']);

function filled(template: string | undefined, details: Record<string, unknown>): string {
  if (!template) return '';
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  const vars: Record<string, string | number> = {};
  for (const name of names) {
    const v = details[name];
    if (typeof v !== 'string' && typeof v !== 'number') return '';
    vars[name] = yenDetails.has(name) && Number.isSafeInteger(v) ? formatYen(v as number) : v;
  }
  return format(template, vars);
}

/** The message with the sentence of what was wrong before it (or, for a limit, after it). */
function withDetails(message: string, code: string, details: Record<string, unknown>, lang: Lang): string {
  const table = lang === 'ja' ? errorDetailsJa : errorDetailsEn;
  const said = filled(table[code as keyof typeof table], details);
  if (!said) return message;
  const gap = lang === 'ja' ? '' : ' ';
  return detailsAfter.has(code) ? `${message}${gap}${said}` : `${said}${gap}${message}`;
}

/** The rule of the one field core refused (request.invalid with details.field), or ''. */
function fieldRule(code: string, details: Record<string, unknown>, lang: Lang): string {
  if (code !== 'request.invalid' || typeof details.field !== 'string') return '';
  const rules = lang === 'ja' ? fieldRulesJa : fieldRulesEn;
  return filled(rules[details.field], details);
}

export function errorText(error: unknown, lang: Lang): ErrorText {
  const table: Record<string, string> = lang === 'ja' ? errorMessagesJa : errorMessagesEn;
  const code = errorCode(error);
  let message = table[code];
  if (message === undefined) {
    // A code this build does not know yet: the server's own words are better than nothing.
    message = (error instanceof ApiError && error.detail) || table.unknown || code;
  }
  const items: string[] = [];
  if (error instanceof ApiError) {
    message = fieldRule(code, error.details, lang) || withDetails(message, code, error.details, lang);
    const remaining = error.details.remainingAttempts;
    if (typeof remaining === 'number' && countsAttempts.has(code)) {
      message += format(common[lang].remaining, { n: remaining });
    }
    const errors = error.details.errors;
    if (Array.isArray(errors)) {
      for (const item of errors) {
        if (item && typeof item === 'object') {
          const { path, message: why } = item as { path?: unknown; message?: unknown };
          items.push([path, why].filter((s) => typeof s === 'string' && s).join(': '));
        }
      }
    }
  }
  return { code, message, items };
}
