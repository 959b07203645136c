/**
 * What the token app may learn without any secret (issue 9.10): whether its serial is
 * registered. Nothing else: not to which contract or user, not whether an unknown serial was
 * ever issued (unknown, freshly activated, expired and revoked all answer not registered). A
 * serial is 8 random characters behind a check character (T4) and the route is rate-limited per
 * address, so the answer cannot be used to find registered serials; and a serial alone
 * authorises nothing (R2, T2: a code of its seed is always needed).
 */
import { parseSerial } from '../otp/index.ts';
import { type KinkoDeps, runUseCase } from '../use-case.ts';

export interface TokenPublicStatus {
  registered: boolean;
}

export async function tokenPublicStatus(deps: KinkoDeps, serial: string): Promise<TokenPublicStatus> {
  // T4: malformed or mistyped is serial.malformed / serial.check_failed, before any lookup.
  const parsed = parseSerial(serial);
  return runUseCase(deps, async (tx) => {
    const token = await tx.store.tokens.getBySerial(parsed);
    return { registered: token?.status === 'registered' && token.contractId !== null };
  });
}
