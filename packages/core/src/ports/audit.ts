export interface AuditRecord {
  seq: number;
  at: number;
  actorType: 'user' | 'operator' | 'system' | 'anonymous';
  actorId: string | null;
  contractId: string | null;
  action: string; // e.g. 'login.success', 'otp.replayed', 'token.registered'
  subject: string | null; // e.g. a serial or user id
  outcome: 'success' | 'failure';
  /** Non-secret facts as JSON text. */
  detail: string;
  prevHash: string; // hex
  hash: string; // hex, SHA-256 over prevHash and the canonical record (L1)
}

export type AuditInput = Omit<AuditRecord, 'seq' | 'prevHash' | 'hash' | 'detail'> & {
  detail?: Record<string, unknown>;
};

export interface AuditStore {
  /**
   * Locks the chain head for the rest of the transaction (SELECT … FOR UPDATE on PostgreSQL;
   * SQLite's single writer already serialises) and returns the last seq and hash
   * (seq 0 and 64 zeros for an empty log). Must be called inside `transaction`.
   */
  lockHead(): Promise<{ seq: number; hash: string }>;
  /**
   * Inserts the records, which continue the chain from the head and one another (consecutive
   * seq, each prevHash the previous hash), and moves the head to the last: one business
   * transaction's records in one statement and one head update. Must follow lockHead in the
   * same transaction.
   */
  append(records: readonly AuditRecord[]): Promise<void>;
  /** Records in seq order, from `afterSeq` (exclusive), at most `limit`. */
  list(opts: {
    afterSeq?: number;
    limit: number;
    contractId?: string;
    descending?: boolean;
  }): Promise<AuditRecord[]>;
  head(): Promise<{ seq: number; hash: string }>;
}
