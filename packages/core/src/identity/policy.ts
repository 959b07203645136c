import { KinkoError } from '../errors.ts';

/** DOMAIN §1.2: ご契約先ID is 11 digits. */
export function isContractNumber(s: unknown): s is string {
  return typeof s === 'string' && /^\d{11}$/.test(s);
}

/** DOMAIN §1.2: 利用者ID, 1–30 half-width letters and digits. */
export function assertLoginId(s: unknown): asserts s is string {
  if (typeof s !== 'string' || !/^[0-9A-Za-z]{1,30}$/.test(s)) {
    throw new KinkoError('request.invalid', 'login id must be 1–30 half-width letters or digits', {
      field: 'loginId',
    });
  }
}

/**
 * A1: 8–64 half-width printable characters with at least one letter and one digit (banks reject
 * all-digit and all-letter passwords, DOMAIN §1.2).
 */
export function assertPassword(s: unknown): asserts s is string {
  if (typeof s !== 'string' || !/^[\x21-\x7e]{8,64}$/.test(s) || !/[A-Za-z]/.test(s) || !/\d/.test(s)) {
    throw new KinkoError(
      'request.invalid',
      'password must be 8–64 half-width characters including a letter and a digit',
      { field: 'password' },
    );
  }
}

/**
 * ご契約先確認暗証番号 and 利用者確認暗証番号: 4–16 half-width letters or digits (the server folds
 * full-width ones first, typed-code.ts). Each refusal names its field in details.field (issue
 * 9.7: the screen says that field's rule); never the length of a secret.
 */
export function assertPin(s: unknown, what: string): asserts s is string {
  if (typeof s !== 'string' || !/^[0-9A-Za-z]{4,16}$/.test(s)) {
    throw new KinkoError('request.invalid', `${what} must be 4–16 half-width letters or digits`, {
      field: 'pin',
    });
  }
}

/** A display name: 1–60 characters, no control characters. */
export function normaliseName(s: unknown, what = 'name'): string {
  const name = typeof s === 'string' ? s.trim() : '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (name.length === 0 || [...name].length > 60 || /[\u0000-\u001f\u007f]/.test(name)) {
    throw new KinkoError('request.invalid', `${what} must be 1–60 characters`, {
      field: 'name',
      length: [...name].length,
    });
  }
  return name;
}

/** A secret as typed: a string of sane length (argon2 is never fed megabytes). */
export function isSecretInput(s: unknown): s is string {
  return typeof s === 'string' && s.length > 0 && s.length <= 256;
}
