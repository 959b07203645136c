/**
 * B1: the audit log as CSV, with the listing's filters (issue 9.6). UTF-8 with a BOM, which is
 * what Excel in Japan opens as UTF-8; CRLF line ends (RFC 4180). Read a page at a time and
 * written as it is read, so a year of the bank's log is never one string in memory; the first
 * page is read before any byte is sent, so a bad filter is a problem, not a broken download.
 */
import { csvField } from '../csv.ts';
import type { OperatorActor } from '../identity/actors.ts';
import type { KinkoDeps } from '../use-case.ts';
import {
  AUDIT_OUTCOME_LABELS,
  AUDIT_ROLE_LABELS,
  auditActionLabel,
  auditDetailLabel,
  auditDetailValue,
} from './actions.ts';
import type { AuditQuery } from './query.ts';
import { AUDIT_PAGE, type AuditView, readAudit } from './view.ts';

export type AuditLang = 'ja' | 'en';

const HEADER = {
  ja: [
    '日時',
    '操作',
    '操作コード',
    '結果',
    '操作者',
    '役割',
    'ログインID',
    '契約者番号',
    '対象',
    '詳細',
    'チェーン',
    '連番',
  ],
  en: [
    'Time',
    'Action',
    'Action code',
    'Outcome',
    'Actor',
    'Role',
    'Login ID',
    'Contract',
    'Subject',
    'Details',
    'Chain',
    'Seq',
  ],
} as const;

/** Japan time, YYYY/MM/DD HH:MM:SS (Excel reads it as a date and time). */
function jstText(at: number): string {
  const iso = new Date(at + 9 * 3_600_000).toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '/')} ${iso.slice(11, 19)}`;
}

function row(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

function auditCsvRow(r: AuditView, lang: AuditLang): string {
  const details = Object.entries(r.detail)
    .map(([k, v]) => `${auditDetailLabel(k, lang)}: ${auditDetailValue(v, r.names)}`)
    .join('; ');
  const outcome =
    r.outcome === 'success' || r.outcome === 'failure' ? AUDIT_OUTCOME_LABELS[r.outcome][lang] : r.outcome;
  return row([
    jstText(r.at),
    auditActionLabel(r.action, lang),
    r.action,
    outcome,
    r.actorName ?? r.actorId ?? '',
    AUDIT_ROLE_LABELS[r.actorRole][lang],
    r.actorLoginId ?? '',
    r.contractNumber ?? '',
    r.subject ?? '',
    details,
    r.chain,
    String(r.seq),
  ]);
}

export async function auditCsv(
  deps: KinkoDeps,
  actor: OperatorActor,
  query: Omit<AuditQuery, 'cursor' | 'limit'> & { lang?: AuditLang },
  pageSize = AUDIT_PAGE.max,
): Promise<AuditCsv> {
  const lang: AuditLang = query?.lang === 'en' ? 'en' : 'ja';
  const { lang: _lang, ...filters } = query ?? {};
  const first = await readAudit(deps, actor, { ...filters, limit: pageSize });
  const encoder = new TextEncoder();
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield UTF8_BOM;
    let page = first;
    yield encoder.encode(row(HEADER[lang]) + page.items.map((r) => auditCsvRow(r, lang)).join(''));
    while (page.nextCursor !== null) {
      page = await readAudit(deps, actor, { ...filters, limit: pageSize, cursor: page.nextCursor });
      if (page.items.length > 0) yield encoder.encode(page.items.map((r) => auditCsvRow(r, lang)).join(''));
    }
  }
  const range = [filters.from, filters.to].filter((d) => d !== undefined).join('_');
  return {
    filename: `audit${range ? `-${range}` : ''}.csv`,
    contentType: 'text/csv; charset=utf-8',
    chunks: chunks(),
  };
}

const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

export interface AuditCsv {
  filename: string;
  contentType: string;
  chunks: AsyncIterable<Uint8Array>;
}
