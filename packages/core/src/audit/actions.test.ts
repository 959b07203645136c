import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPROVAL_ACTIONS } from '../approvals/states.ts';
import { AUDIT_ACTION_CODES, AUDIT_ACTIONS, auditActionLabel, isAuditAction } from './actions.ts';

const coreSrc = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every action literal core passes to tx.audit or appends itself (`action: '…'`). */
function emittedActions(): Set<string> {
  const found = new Set<string>();
  for (const file of sources(coreSrc)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\baction: '([a-z_.]+)'/g)) found.add(m[1] as string);
  }
  // approvals write `approval.${action}` for each state-machine action (transfers/approval.ts).
  for (const a of APPROVAL_ACTIONS) found.add(`approval.${a}`);
  return found;
}

describe('B1: every audit action core writes has a label (issue 9.6)', () => {
  it('each action core emits is in AUDIT_ACTIONS, so the back office names it', () => {
    const emitted = emittedActions();
    expect(emitted.size).toBeGreaterThan(40);
    const unlabelled = [...emitted].filter((a) => !isAuditAction(a));
    expect(unlabelled, 'add these to audit/actions.ts with ja and en labels').toEqual([]);
  });

  it('each label has Japanese and English, and the Japanese is Japanese', () => {
    for (const code of AUDIT_ACTION_CODES) {
      const { ja, en } = AUDIT_ACTIONS[code];
      expect(ja.trim(), code).not.toBe('');
      expect(en.trim(), code).not.toBe('');
      expect(ja, code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(en, code).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('a code of no label (an older record) reads as itself', () => {
    expect(auditActionLabel('login.success', 'ja')).toBe('ログイン');
    expect(auditActionLabel('login.success', 'en')).toBe('Login');
    expect(auditActionLabel('old.thing', 'ja')).toBe('old.thing');
  });
});
