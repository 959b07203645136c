/** T5: the public key each side of the activation sends, as a JSON Web Key (RFC 7517) on P-256. */

export interface JsonWebKeyP256 {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}
