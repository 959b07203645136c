import { KinkoError } from '../errors.ts';
import type { AnonymousActor } from '../identity/actors.ts';
import { isUniqueViolation } from '../identity/errors.ts';
import { newId } from '../identity/ids.ts';
import { normaliseName } from '../identity/policy.ts';
import { newSerial, otpauthUri, serverActivate } from '../otp/index.ts';
import type { JsonWebKeyP256 } from '../otp/jwk.ts';
import { type KinkoDeps, runUseCase } from '../use-case.ts';

/** A fresh random serial colliding with a stored one is rare; a few retries are plenty. */
const SERIAL_ATTEMPTS = 5;

/**
 * T5: activation of the token app. The server picks the serial, agrees the seed with the app by
 * ECDH + HKDF (the seed never crosses the wire) and keeps it sealed under the KEK (T6). The
 * token stays 'activated' until the administrator registers it (R2) or it expires.
 * A malformed public key throws before anything is written.
 */
export async function activateToken(
  deps: KinkoDeps,
  actor: AnonymousActor,
  publicKey: unknown,
): Promise<ActivationResult> {
  for (let attempt = 1; ; attempt++) {
    const serial = newSerial(deps.random);
    const { seed, serverPublicKey } = serverActivate(publicKey, serial, deps.random);
    try {
      const serverTime = await insertToken(deps, actor, serial, seed, 'ecdh');
      return {
        serial,
        serverPublicKey,
        serverTime,
        period: 30,
        digits: 6,
        algorithm: 'SHA1',
      };
    } catch (e) {
      // The salt of the seed is the serial, so a new serial means a new agreement.
      if (!isUniqueViolation(e) || attempt >= SERIAL_ATTEMPTS) throw e;
    } finally {
      seed.fill(0);
    }
  }
}

/**
 * T9: provisioning for standard authenticator apps, off unless the bank turns it on. Here the
 * seed does travel, once, inside the otpauth:// URI shown to its holder.
 */
export async function activateOtpauthToken(
  deps: KinkoDeps,
  actor: AnonymousActor,
  label: string,
): Promise<{ serial: string; uri: string }> {
  if (!deps.config.otpauthEnabled) throw new KinkoError('activation.otpauth_disabled');
  const name = normaliseName(label, 'label');
  for (let attempt = 1; ; attempt++) {
    const serial = newSerial(deps.random);
    const seed = deps.random.bytes(20); // RFC 4226 §4: 160-bit shared secret
    try {
      await insertToken(deps, actor, serial, seed, 'otpauth');
      // The serial goes into the label: the administrator needs it to register the token (R2).
      const uri = otpauthUri({ issuer: deps.config.bankName, label: `${name} ${serial}`, seed });
      return { serial, uri };
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= SERIAL_ATTEMPTS) throw e;
    } finally {
      seed.fill(0);
    }
  }
}

function insertToken(
  deps: KinkoDeps,
  actor: AnonymousActor,
  serial: string,
  seed: Uint8Array,
  method: 'ecdh' | 'otpauth',
): Promise<number> {
  return runUseCase(deps, async (tx) => {
    const id = newId(deps.random);
    await tx.store.tokens.insert({
      id,
      serial,
      // T6: the associated data binds the ciphertext to this row.
      seedCiphertext: deps.kek.seal(seed, `seed:${id}`),
      status: 'activated',
      lastStep: -1,
      drift: 0,
      contractId: null,
      createdAt: tx.now,
      expiresAt: tx.now + deps.config.activationTtlMs,
      registeredAt: null,
      revokedAt: null,
    });
    tx.audit({ actor, action: 'token.activated', subject: serial, detail: { method } });
    return tx.now;
  });
}

/** T5: an activated token not registered within activationTtlMs expires. */
export function expireUnregisteredTokens(deps: KinkoDeps): Promise<number> {
  return runUseCase(deps, async (tx) => {
    const count = await tx.store.tokens.expireUnregistered(tx.now);
    if (count > 0) tx.audit({ actor: { kind: 'system' }, action: 'token.expired', detail: { count } });
    return count;
  });
}

export interface ActivationResult {
  serial: string;
  serverPublicKey: JsonWebKeyP256;
  serverTime: number;
  period: 30;
  digits: 6;
  algorithm: 'SHA1';
}
