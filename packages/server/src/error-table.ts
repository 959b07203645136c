/**
 * docs/http-api.md's table of error codes, generated from core's ERROR_CODES (status by the server's statusOf)
 * and the server's default details, so the document cannot say 400 where the server answers
 * 422. `npm run docs:errors` rewrites it between the markers; error-table.test.ts fails when the
 * committed table differs. Run as a script: `tsx packages/server/src/error-table.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ERROR_CODES } from '@kinko/core';
import { defaultDetails } from './plugins/problem-details.ts';
import { statusOf } from './plugins/problem-status.ts';

export const docPath = new URL('../../../docs/http-api.md', import.meta.url);
const begin = '<!-- error-codes:begin (npm run docs:errors) -->';
const end = '<!-- error-codes:end -->';

/** Display width as Markdown formatters count it: East Asian wide characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

export function errorTable(): string {
  const rows = ERROR_CODES.map((code) => [
    `\`${code}\``,
    String(statusOf(code)),
    defaultDetails[code].replaceAll('|', '\\|'),
  ]);
  const header = ['code', 'status', 'detail (when the problem carries no more specific one)'];
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - width(c))).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** `markdown` with the text between the markers replaced by the generated table. */
export function withErrorTable(markdown: string): string {
  const from = markdown.indexOf(begin);
  const to = markdown.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/http-api.md has no ${begin} … ${end} markers`);
  return `${markdown.slice(0, from + begin.length)}\n\n${errorTable()}\n\n${markdown.slice(to)}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const before = readFileSync(docPath, 'utf8');
  const after = withErrorTable(before);
  writeFileSync(docPath, after);
  console.log(
    before === after ? 'docs/http-api.md: error table unchanged' : 'docs/http-api.md: error table rewritten',
  );
}
