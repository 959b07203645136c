/**
 * L1: what exactly an audit record's MAC covers. The MAC is computed over the record as the
 * database stores it, so that a record read back verifies: every text field is first made
 * storable (storableText), and the encoding is one fixed, unambiguous byte string.
 */
import type { AuditKey, AuditRecord } from '../ports.ts';

/** The version tag at the head of the encoding: a later format gets a new tag, never a change. */
const FORMAT = 'kinko-audit-v2';

/**
 * Text as both databases store it: well-formed UTF-16 (a lone surrogate becomes U+FFFD, which is
 * what the drivers write for it when they encode UTF-8) and no NUL (PostgreSQL's text cannot
 * hold U+0000; it becomes U+FFFD too). The edge refuses such strings (request.invalid); this is
 * the last line, so that no input can make a stored record differ from the one that was MACed
 * (hardening defect 2: a lone surrogate in a login ID broke verification for everyone).
 */
export function storableText(text: string): string {
  if (isStorableText(text)) return text;
  const wellFormed = text.isWellFormed() ? text : text.toWellFormed();
  return wellFormed.includes('\0') ? wellFormed.replaceAll('\0', '\uFFFD') : wellFormed;
}

/** Whether the databases store this text exactly as it is (see storableText). */
export function isStorableText(text: string): boolean {
  return text.isWellFormed() && !text.includes('\0');
}

/**
 * JSON with object keys sorted, so the same facts always give the same text. JSON.stringify
 * escapes lone surrogates and control characters (ES2019 well-formed stringify), so the text
 * is always storable.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) sorted[key] = sortKeys(v);
    }
    return sorted;
  }
  return value;
}

/**
 * The bytes a record's MAC covers: UTF-8 of the JSON array
 *
 *     ["kinko-audit-v2", chain, seq, at, actorType, actorId, contractId, action, subject,
 *      outcome, detail, prevMac]
 *
 * JSON quotes and escapes every string, so no two different records share an encoding; the
 * order is part of the format. Numbers are coerced because a driver may hand back a BIGINT as a
 * string.
 */
function macInput(r: Omit<AuditRecord, 'mac'>): Uint8Array {
  const fields = [
    FORMAT,
    r.chain,
    Number(r.seq),
    Number(r.at),
    r.actorType,
    r.actorId,
    r.contractId,
    r.action,
    r.subject,
    r.outcome,
    r.detail,
    r.prevMac,
  ];
  return Buffer.from(JSON.stringify(fields), 'utf8');
}

export function recordMac(key: AuditKey, r: Omit<AuditRecord, 'mac'>): string {
  return key.mac(macInput(r));
}
