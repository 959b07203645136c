/**
 * What core needs from the outside (STYLE habit 1 and 2). Core never calls Date.now(),
 * crypto.randomBytes or a database driver directly: the server, the CLI and the tests
 * hand it these.
 */

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export interface Random {
  /** Cryptographically strong random bytes. */
  bytes(n: number): Uint8Array;
}

/**
 * The key-encryption key for seeds and legacy cards at rest (T6). AES-256-GCM; the associated
 * data binds a ciphertext to the row it belongs to, so it cannot be moved to another row.
 */
export interface Kek {
  seal(plaintext: Uint8Array, associatedData: string): Uint8Array;
  open(ciphertext: Uint8Array, associatedData: string): Uint8Array;
}
