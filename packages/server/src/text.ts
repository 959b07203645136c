/** The string primitives of every request schema (STYLE habit 6), in a module of their own so
 * that every schema module can use them. */
import { typedCode } from '@kinko/core';
import { z } from 'zod';

/**
 * Text a client may send: well-formed Unicode (no lone surrogate, which JSON.parse lets through
 * from "\ud800" and which the database would store as U+FFFD while the audit hash covers the
 * original) and no U+0000 (PostgreSQL text cannot hold it). With the u flag a surrogate pair is
 * one code point outside the class, so 𠮷 and emoji pass. The pattern is in the OpenAPI
 * document too, where openapi.test.ts checks every request string carries it.
 */
export const wellFormedText = /^[^\0\uD800-\uDFFF]*$/u;

/**
 * The one string primitive of every request schema (body, querystring, params, headers): never
 * a bare z.string(). `max` counts UTF-16 code units, as the router's maxParamLength does.
 */
export function text(max = 256) {
  return z.string().max(max).regex(wellFormedText, 'must be well-formed Unicode without U+0000 (NUL)');
}

/** A password the user types: text, as typed (a password may hold spaces and hyphens); core checks it. */
export const secret = text(256);

/**
 * A code the user types (issue 9.1): an OTP, PIN, card value, bank, branch, account or contract
 * number, or a serial. Read as a Japanese IME in 全角 or a paste gives it, in this one place for
 * every request: full-width letters and digits become ASCII, spaces and hyphens go (core's
 * typedCode, which the web applies on input too); core then checks its format, so anything
 * else is still refused with that field's code.
 */
export function code(max = 256) {
  return text(max).transform(typedCode);
}

/** A secret code (OTP, PIN, card value): read as `code`, never logged or returned. */
export const secretCode = code(256);

/**
 * The longest path parameter, in UTF-16 code units after percent-decoding: the router's
 * maxParamLength (app.ts) and every params schema's maxLength, so the document and the router
 * agree; a longer one is 400 request.invalid either way.
 */
export const maxPathParamLength = 100;
export const pathParam = () => text(maxPathParamLength);
