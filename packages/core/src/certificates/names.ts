/**
 * A5: the subject of a client certificate names its holder: the bank (O), the contract's
 * ご契約先ID (OU) and the login ID (CN). The server sets it; a request may only say the same.
 */
import type * as x509 from '@peculiar/x509';

export interface Holder {
  contractNumber: string;
  loginId: string;
}

/** The subject DN of a holder's certificate, as @peculiar/x509's JSON name (no escaping to get wrong). */
export function holderName(bankName: string, h: Holder): x509.JsonName {
  return [{ O: [bankName] }, { OU: [h.contractNumber] }, { CN: [h.loginId] }];
}

/** The holder a certificate's subject names, or null when it names none (no single OU and CN). */
export function holderOf(name: x509.Name): Holder | null {
  const ou = name.getField('OU');
  const cn = name.getField('CN');
  if (ou.length !== 1 || cn.length !== 1) return null;
  return { contractNumber: ou[0] ?? '', loginId: cn[0] ?? '' };
}

/**
 * Whether a request's subject may be issued to `h`: it names nobody (an empty subject, or
 * anything without CN and OU), or exactly this contract and login ID. A CN or OU naming anyone
 * else is refused, so nobody can hold a certificate that reads as another user's.
 */
export function subjectFits(name: x509.Name, h: Holder): boolean {
  const ou = name.getField('OU');
  const cn = name.getField('CN');
  return (
    ou.every((v) => v === h.contractNumber) &&
    cn.every((v) => v === h.loginId) &&
    ou.length <= 1 &&
    cn.length <= 1
  );
}
