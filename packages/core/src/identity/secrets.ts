import { type Algorithm, hash, verify } from '@node-rs/argon2';
import type { BankConfig } from '../config.ts';
import type { Random } from '../ports.ts';

/** @node-rs/argon2's Algorithm.Argon2id; its const enum cannot be read under isolatedModules. */
const ARGON2ID = 2 as Algorithm;

/**
 * A1: passwords and PINs are hashed with argon2id at the bank's configured cost. The salt comes
 * from the injected Random (STYLE habit 2), not from the library's own generator.
 */
export function hashSecret(deps: { config: BankConfig; random: Random }, secret: string): Promise<string> {
  const { memoryCost, timeCost, parallelism } = deps.config.argon2;
  return hash(secret, {
    algorithm: ARGON2ID,
    memoryCost,
    timeCost,
    parallelism,
    salt: deps.random.bytes(16),
  });
}

/** The cost is read from the stored hash, so hashes made under an older configuration still verify. */
export async function verifySecret(stored: string, secret: string): Promise<boolean> {
  try {
    return await verify(stored, secret);
  } catch {
    return false; // a malformed stored hash never authenticates
  }
}

const dummyHashes = new WeakMap<BankConfig, Promise<string>>();

/**
 * A1/A4: for an unknown contract or login id, spend the same argon2 work as a real check, so the
 * answer time does not tell an attacker which ids exist. Always false.
 */
export async function verifyAgainstDummy(
  deps: { config: BankConfig; random: Random },
  secret: string,
): Promise<false> {
  let dummy = dummyHashes.get(deps.config);
  if (!dummy) {
    dummy = hashSecret(deps, Buffer.from(deps.random.bytes(16)).toString('hex'));
    dummyHashes.set(deps.config, dummy);
  }
  await verifySecret(await dummy, secret);
  return false;
}
