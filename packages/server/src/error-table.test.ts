import { readFileSync } from 'node:fs';
import { ERROR_CODES, type ErrorCode, isErrorCode } from '@kinko/core';
import { describe, expect, it } from 'vitest';
import { docPath, errorTable, withErrorTable } from './error-table.ts';
import { statusOf } from './plugins/problem-status.ts';

const doc = readFileSync(docPath, 'utf8');

/**
 * The statuses prose gives codes, in the two ways docs/http-api.md writes them: `409 code`
 * before it, or a list of codes and then "(409" after them, where `_past` after
 * `transfer.value_date_invalid` is short for `transfer.value_date_past`.
 */
function* statusesSaid(prose: string): Generator<{ said: number; code: ErrorCode }> {
  for (const m of prose.matchAll(/\b([1-5]\d\d)\s+`?([a-z_]+(?:\.[a-z_]+)?)`?/g))
    if (isErrorCode(m[2])) yield { said: Number(m[1]), code: m[2] };
  let from = 0;
  for (const m of prose.matchAll(/\((\d{3})\b|[:;.]\s|\n\n/g)) {
    if (m[1] === undefined) {
      from = (m.index ?? 0) + m[0].length;
      continue;
    }
    let last = '';
    for (const t of prose.slice(from, m.index).matchAll(/`([a-z_.]+)`/g)) {
      const token = t[1] ?? '';
      const code = token.startsWith('_') && last ? last.replace(/_[a-z]+$/, '') + token : token;
      if (isErrorCode(code)) {
        yield { said: Number(m[1]), code };
        last = code;
      }
    }
    from = (m.index ?? 0) + m[0].length;
  }
}

describe('docs/http-api.md says the statuses the server answers', () => {
  it('its error table is the one generated from ERROR_CODES and statusOf (npm run docs:errors rewrites it)', () => {
    expect(doc).toBe(withErrorTable(doc));
  });

  it('the table has every code once, with its status', () => {
    const rows = errorTable()
      .split('\n')
      .slice(2)
      .map((r) => r.split('|').map((c) => c.trim().replaceAll('`', '')));
    expect(rows.map((r) => r[1])).toEqual([...ERROR_CODES]);
    for (const r of rows) expect(Number(r[2])).toBe(statusOf(r[1] as ErrorCode));
  });

  it('every status its prose gives a code agrees with statusOf (422 payee.bank_not_found, not 400)', () => {
    const prose = doc.slice(0, doc.indexOf('<!-- error-codes:begin'));
    const pairs = [...statusesSaid(prose)];
    expect(pairs.length).toBeGreaterThan(40);
    const wrong = pairs.filter((p) => statusOf(p.code) !== p.said).map((p) => `${p.said} ${p.code}`);
    expect(wrong).toEqual([]);
  });
});
