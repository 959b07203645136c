/**
 * OTP and token cryptography (SPEC T1–T6, T9). Time and randomness come in as arguments
 * (STYLE habit 2); the one exception is clientActivationKeys, the CLI token's side of T5, whose
 * key pair WebCrypto makes. The browser takes the protocol's constants and the pure steps of
 * the code (otp-format.ts, activation-protocol.ts) through @kinko/core/shared. OCRA (ocra.ts,
 * RFC 6287) is tested but has no caller until transaction authentication (T10) lands.
 */
export { serverActivate } from './activation.ts';
export { clientActivationKeys } from './activation-client.ts';
export { createAesGcmKek } from './kek.ts';
export { isOtpFormat } from './otp-format.ts';
export { otpauthUri } from './otpauth-uri.ts';
export { newSerial, parseSerial, SERIAL_ALPHABET } from './serial.ts';
export { totp } from './totp.ts';
export { TotpVerifier } from './verifier.ts';
