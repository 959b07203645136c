import { describe, expect, it } from 'vitest';
import { KinkoError } from '../errors.ts';
import { assertSameDayAllowed, type SameDayFacts, sameDayRefusal } from './same-day-rule.ts';

const base: SameDayFacts = {
  valueDate: '2025-01-07',
  today: '2025-01-07',
  standing: 'first_time',
  loginMethod: 'certificate',
  tokenActive: true,
  latest: '2025-01-29',
};

function refusal(f: Partial<SameDayFacts>): KinkoError {
  try {
    assertSameDayAllowed({ ...base, ...f });
  } catch (e) {
    if (e instanceof KinkoError) return e;
    throw e;
  }
  throw new Error('allowed');
}

describe('M4: the same-day rule for first-time payees (一見先)', () => {
  it('M4: same-day to a first-time payee is allowed on 電子証明書方式 with an active token', () => {
    expect(sameDayRefusal(base)).toBeNull();
  });

  it('M4: same-day to a first-time payee is refused on ID・パスワード方式, with the next business day offered', () => {
    const e = refusal({ loginMethod: 'id_password' });
    expect(e.code).toBe('transfer.same_day_not_allowed');
    expect(e.details).toMatchObject({ reason: 'login_method_id_password', nextPossible: '2025-01-08' });
  });

  it('M4: same-day to a first-time payee is refused on 電子証明書方式 without an active token', () => {
    const e = refusal({ tokenActive: false });
    expect(e.details).toMatchObject({ reason: 'token_not_active', nextPossible: '2025-01-08' });
  });

  it('M4: the date offered skips the weekend (Friday → Monday)', () => {
    const e = refusal({ valueDate: '2025-01-10', today: '2025-01-10', loginMethod: 'id_password' });
    expect(e.details).toMatchObject({ nextPossible: '2025-01-14' }); // 2025-01-13 is 成人の日
  });

  it.each(['registered', 'own_account'] as const)(
    'M4: same-day to a %s payee is allowed on ID・パスワード方式 without a token',
    (standing) => {
      expect(
        sameDayRefusal({ ...base, standing, loginMethod: 'id_password', tokenActive: false }),
      ).toBeNull();
    },
  );

  it('M4: a payee typed and paid before is not registered in writing: no same-day without certificate and token', () => {
    const paid = { ...base, standing: 'paid_before' as const };
    expect(sameDayRefusal({ ...paid, loginMethod: 'id_password', tokenActive: true })).toBe(
      'login_method_id_password',
    );
    expect(sameDayRefusal({ ...paid, loginMethod: 'certificate', tokenActive: false })).toBe(
      'token_not_active',
    );
    expect(sameDayRefusal({ ...paid, loginMethod: 'certificate', tokenActive: true })).toBeNull();
  });

  it('M4: a first-time payee may always be scheduled for a later business day', () => {
    expect(
      sameDayRefusal({ ...base, valueDate: '2025-01-08', loginMethod: 'id_password', tokenActive: false }),
    ).toBeNull();
  });
});
