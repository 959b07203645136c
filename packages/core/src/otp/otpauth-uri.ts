import { KinkoError } from '../errors.ts';
import { base32Encode } from './base32.ts';

/**
 * T9: the `otpauth://` URI (Google Authenticator's Key Uri Format) that standard authenticator
 * apps scan, with T1's parameters spelled out even where they are the defaults, since some apps
 * ignore unknown defaults but honour explicit ones:
 *
 *     otpauth://totp/ISSUER:LABEL?secret=BASE32&issuer=ISSUER&algorithm=SHA1&digits=6&period=30
 *
 * Issuer and label are percent-encoded (RFC 3986); the literal ':' separates them, so neither
 * may contain one. The URI holds the seed: show it once, to its holder, never log it (T6).
 */
export function otpauthUri(o: { issuer: string; label: string; seed: Uint8Array }): string {
  for (const [name, value] of [
    ['issuer', o.issuer],
    ['label', o.label],
  ] as const) {
    if (value.length === 0 || value.includes(':')) {
      throw new KinkoError('request.invalid', `otpauth ${name} must be non-empty and contain no ':'`);
    }
  }
  const issuer = encodeURIComponent(o.issuer);
  const label = encodeURIComponent(o.label);
  const secret = base32Encode(o.seed);
  return `otpauth://totp/${issuer}:${label}?secret=${secret}&issuer=${issuer}&algorithm=SHA1&digits=6&period=30`;
}
