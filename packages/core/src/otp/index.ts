/**
 * OTP and token cryptography (SPEC T1–T6, T9, T10). Time and randomness come in as arguments
 * (STYLE habit 2); the one exception is clientActivationKeys, the browser's side of T5, whose
 * key pair WebCrypto makes. activation-client.ts and activation-protocol.ts import nothing
 * from node:, so the web app imports them by path.
 */
export { serverActivate } from './activation.ts';
export { clientActivationKeys } from './activation-client.ts';
export { createAesGcmKek } from './kek.ts';
export { isOtpFormat } from './otp-format.ts';
export { otpauthUri } from './otpauth-uri.ts';
export { newSerial, parseSerial, SERIAL_ALPHABET } from './serial.ts';
export { totp } from './totp.ts';
export { TotpVerifier } from './verifier.ts';
