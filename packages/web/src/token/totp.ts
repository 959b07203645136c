/**
 * TOTP in the browser (SPEC T1): RFC 6238 over RFC 4226 HOTP with HMAC-SHA1, 30-second steps
 * from the Unix epoch, 6 digits. The key is a non-extractable WebCrypto HMAC key (T5).
 */

export const periodMs = 30_000;

/** RFC 6238 §4.2: T = floor((now - T0) / X), T0 = 0. */
export function counterAt(epochMs: number): number {
  return Math.floor(epochMs / periodMs);
}

/** Seconds left in the current step: 30 … 1. */
export function secondsLeft(epochMs: number): number {
  return 30 - Math.floor((epochMs % periodMs) / 1000);
}

/** RFC 4226 §5.1: the counter as an 8-byte big-endian value. */
export function counterBytes(counter: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(8);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, Math.floor(counter / 2 ** 32));
  view.setUint32(4, counter >>> 0);
  return bytes;
}

/** RFC 4226 §5.3: dynamic truncation of the HMAC to a zero-padded decimal code. */
export function truncate(mac: Uint8Array, digits = 6): string {
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const b = (i: number) => mac[offset + i] ?? 0;
  const binary = ((b(0) & 0x7f) << 24) | (b(1) << 16) | (b(2) << 8) | b(3);
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export async function hotp(key: CryptoKey, counter: number, digits = 6): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', key, counterBytes(counter));
  return truncate(new Uint8Array(mac), digits);
}

export function totp(key: CryptoKey, epochMs: number, digits = 6): Promise<string> {
  return hotp(key, counterAt(epochMs), digits);
}
