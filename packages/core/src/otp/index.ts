/**
 * OTP and token cryptography (SPEC T1–T6, T9, T10). Time and randomness come in as arguments
 * (STYLE habit 2); the one exception is clientActivationKeys, the browser's side of T5, whose
 * key pair WebCrypto makes. activation-client.ts and activation-protocol.ts import nothing
 * from node:, so the web app imports them by path.
 */
export { hkdfSeed, serverActivate } from './activation.ts';
export { type ClientActivationKeys, clientActivationKeys } from './activation-client.ts';
export { SEED_BYTES, SEED_INFO } from './activation-protocol.ts';
export { base32Encode } from './base32.ts';
export { type HmacAlgorithm, hotp } from './hotp.ts';
export { createAesGcmKek } from './kek.ts';
export { type OcraInput, OcraVerifier, ocra, TRANSACTION_SUITE } from './ocra.ts';
export { type OcraSuite, parseOcraSuite } from './ocra-suite.ts';
export { isOtpFormat } from './otp-format.ts';
export { otpauthUri } from './otpauth-uri.ts';
export { parseP256PublicJwk } from './public-jwk.ts';
export { newSerial, parseSerial, SERIAL_ALPHABET, SERIAL_PREFIX } from './serial.ts';
export { TOTP_PERIOD_SECONDS, timeStep, totp } from './totp.ts';
export { TotpVerifier } from './verifier.ts';
export type { VerifyOptions, VerifyOutcome } from './window-match.ts';
