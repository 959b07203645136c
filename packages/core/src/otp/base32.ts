/** RFC 4648 §6 base32, as the Key Uri Format's `secret` parameter uses it (upper case, no '='). */
const RFC4648_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Encodes bytes as RFC 4648 base32 without padding (the otpauth:// convention). */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff; // at most 12 live bits: 4 left over + 8 new
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += RFC4648_ALPHABET[(buffer >>> bits) & 31];
    }
  }
  if (bits > 0) out += RFC4648_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}
