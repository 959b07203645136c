/**
 * A5: certificates and certificate requests as clients send them: PEM text, base64 DER text or
 * DER bytes. Sizes are bounded before anything is parsed: a P-256 CSR is about 250 bytes, an
 * RSA-4096 one under 1 KiB, so 4 KiB of DER is generous and anything larger is refused unread.
 */
import { KinkoError } from '../errors.ts';

export const MAX_CSR_DER = 4096;
const MAX_CERTIFICATE_DER = 8192;

interface Kind {
  labels: readonly string[];
  maxDer: number;
  malformed: 'certificate.csr_malformed' | 'certificate.malformed';
  tooLarge: 'certificate.csr_too_large' | 'certificate.too_large';
  what: string;
}

const csrKind: Kind = {
  labels: ['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST'],
  maxDer: MAX_CSR_DER,
  malformed: 'certificate.csr_malformed',
  tooLarge: 'certificate.csr_too_large',
  what: 'certificate request',
};

const certificateKind: Kind = {
  labels: ['CERTIFICATE'],
  maxDer: MAX_CERTIFICATE_DER,
  malformed: 'certificate.malformed',
  tooLarge: 'certificate.too_large',
  what: 'certificate',
};

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

function decode(input: unknown, kind: Kind): Uint8Array {
  if (input instanceof Uint8Array) {
    if (input.length > kind.maxDer)
      throw new KinkoError(kind.tooLarge, `the ${kind.what} is over ${kind.maxDer} bytes`);
    if (input.length === 0) throw new KinkoError(kind.malformed, `the ${kind.what} is empty`);
    return input;
  }
  if (typeof input !== 'string') throw new KinkoError(kind.malformed, `the ${kind.what} is missing`);
  // PEM is base64 at 4/3 the size, plus its armour and line breaks.
  if (input.length > kind.maxDer * 2) {
    throw new KinkoError(kind.tooLarge, `the ${kind.what} is over ${kind.maxDer} bytes`);
  }
  let body = input.trim();
  if (body.startsWith('-----BEGIN ')) {
    const m = /^-----BEGIN ([A-Z ]+)-----\r?\n([A-Za-z0-9+/=\r\n]+)-----END \1-----$/.exec(body);
    if (!m || !kind.labels.includes(m[1] ?? '')) {
      throw new KinkoError(kind.malformed, `the ${kind.what} is not one PEM block (BEGIN ${kind.labels[0]})`);
    }
    body = m[2] ?? '';
  }
  body = body.replace(/\s+/g, '');
  if (body.length === 0 || body.length % 4 !== 0 || !base64.test(body)) {
    throw new KinkoError(kind.malformed, `the ${kind.what} is neither PEM nor base64 DER`);
  }
  const der = new Uint8Array(Buffer.from(body, 'base64'));
  if (der.length > kind.maxDer)
    throw new KinkoError(kind.tooLarge, `the ${kind.what} is over ${kind.maxDer} bytes`);
  return der;
}

/** The DER of a PKCS#10 request given as PEM, base64 DER or bytes; refuses oversized input unread. */
export function csrDer(input: unknown): Uint8Array {
  return decode(input, csrKind);
}

/** The DER of an X.509 certificate given as PEM, base64 DER or bytes. */
export function certificateDer(input: unknown): Uint8Array {
  return decode(input, certificateKind);
}

/** A DER value as an ArrayBuffer of exactly its bytes, for @peculiar/x509's constructors. */
export function arrayBufferOf(der: Uint8Array): ArrayBuffer {
  return der.slice().buffer;
}
