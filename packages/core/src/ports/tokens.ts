export const TOKEN_STATUSES = ['activated', 'registered', 'revoked', 'expired'] as const;
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

export interface TokenRecord {
  id: string;
  serial: string;
  /** Seed sealed by the Kek with associated data `seed:<tokenId>` (T6). */
  seedCiphertext: Uint8Array;
  status: TokenStatus;
  /** Highest accepted time step; -1 before any (T2). */
  lastStep: number;
  /** Observed drift in steps, bounded (T3). */
  drift: number;
  contractId: string | null;
  createdAt: number;
  /** An activated token not registered by then expires (T5). */
  expiresAt: number;
  registeredAt: number | null;
  revokedAt: number | null;
}

export interface TokensStore {
  insert(t: TokenRecord): Promise<void>; // duplicate serial → Error with code 'unique'
  get(id: string): Promise<TokenRecord | null>;
  getBySerial(serial: string): Promise<TokenRecord | null>;
  update(
    id: string,
    patch: Partial<Pick<TokenRecord, 'status' | 'contractId' | 'registeredAt' | 'revokedAt' | 'expiresAt'>>,
  ): Promise<void>;
  /**
   * T2, the heart of one-time use: a single conditional UPDATE
   * `SET last_step = step, drift = drift WHERE id = ? AND last_step < step AND status IN
   * ('activated','registered')`. Returns true iff this call moved last_step forward. Exact
   * under any number of concurrent callers in any number of processes.
   */
  consumeStep(id: string, step: number, drift: number): Promise<boolean>;
  /** Marks activated tokens whose expiresAt <= now as expired; returns how many. */
  expireUnregistered(now: number): Promise<number>;
  listByContract(contractId: string): Promise<TokenRecord[]>;
}

/**
 * T2: a reused OTP, as an alert for the token's holder(s) and the contract's administrator,
 * written in the transaction that audits the replay (otp.replayed).
 */
export interface OtpAlertRecord {
  id: string;
  contractId: string;
  serial: string;
  /** The user whose request carried the reused code. */
  userId: string;
  /** What the code was for (the step-up's purpose, e.g. transfer.confirm). */
  operation: string;
  at: number;
}

export interface OtpAlertsStore {
  /** The alert and one unacknowledged row per recipient (user ids, distinct). */
  insert(alert: OtpAlertRecord, recipientIds: readonly string[]): Promise<void>;
  /**
   * The alerts this user is a recipient of and has not acknowledged, newest first (by at, then
   * id), at most limit. Served by the recipients' (user_id, acknowledged_at) index: it reads
   * this user's open rows only, however many alerts the contract has had.
   */
  listOpen(userId: string, limit: number): Promise<OtpAlertRecord[]>;
  /** The alert as one recipient sees it, or null when this user is not one of its recipients. */
  getForRecipient(
    alertId: string,
    userId: string,
  ): Promise<{ alert: OtpAlertRecord; acknowledgedAt: number | null } | null>;
  /**
   * One recipient's acknowledgement, conditional on it being open: true iff this call made it
   * (so of concurrent acknowledgements one is recorded). The other recipients' rows stay open.
   */
  acknowledge(alertId: string, userId: string, at: number): Promise<boolean>;
}
