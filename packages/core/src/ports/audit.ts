/**
 * The audit log (L1): one MAC-chained sequence of records per contract, and one for the bank's
 * own acts and for events of no contract (BANK_CHAIN). Each chain has its own head, so no row is
 * written by every audited transaction of the bank (SPEC §5), and two contracts' transactions
 * never wait for each other's audit writes.
 */

/** The chain of records that belong to no contract: operators' own acts, unknown logins, jobs. */
export const BANK_CHAIN = 'bank';

/** 64 hex zeros: the prevMac of a chain's first record, and the mac of an empty chain's head. */
export const GENESIS_MAC = '0'.repeat(64);

export interface AuditRecord {
  /** The contract's id, or BANK_CHAIN (= contractId ?? BANK_CHAIN). */
  chain: string;
  /** 1, 2, 3 … within the chain. */
  seq: number;
  at: number;
  actorType: 'user' | 'operator' | 'system' | 'anonymous';
  actorId: string | null;
  contractId: string | null;
  action: string; // e.g. 'login.success', 'otp.replayed', 'token.registered'
  subject: string | null; // e.g. a serial or user id
  outcome: 'success' | 'failure';
  /** Non-secret facts as canonical JSON text. */
  detail: string;
  /** Hex: the mac of the chain's previous record (GENESIS_MAC for seq 1). */
  prevMac: string;
  /** Hex: HMAC-SHA-256 under the audit key over the record's canonical encoding (audit/record.ts). */
  mac: string;
}

/** Where a chain stands: its last record's seq and mac (seq 0 and GENESIS_MAC when empty). */
export interface AuditHead {
  chain: string;
  seq: number;
  mac: string;
  /** The time of the last record (0 when empty). */
  at: number;
}

/** A record as read back: with the id that orders the bank-wide listing (write order). */
type StoredAuditRecord = AuditRecord & { id: number };

/** A record of the log before L1 was keyed and split (one global SHA-256 chain, migration 0006). */
export interface LegacyAuditRecord extends Omit<AuditRecord, 'chain' | 'prevMac' | 'mac'> {
  prevHash: string;
  hash: string;
}

/** The back office's audit filters (B1): every one optional, all of them together. */
export interface AuditListQuery {
  chain?: string;
  beforeId?: number;
  limit: number;
  fromAt?: number;
  toAt?: number;
  action?: string;
  actorType?: AuditRecord['actorType'];
  actorId?: string;
}

export interface AuditStore {
  /**
   * Locks the heads of these chains for the rest of the transaction, creating a missing one at
   * seq 0 (PostgreSQL: INSERT … ON CONFLICT DO NOTHING, then SELECT … FOR UPDATE; SQLite's
   * single writer already serialises), in the order given: callers sort the chains, so that two
   * transactions touching the same chains lock them in the same order. Must be called inside
   * `transaction`.
   */
  lockHeads(chains: readonly string[]): Promise<AuditHead[]>;
  /**
   * Inserts the records, which continue their chains' heads and one another (consecutive seq
   * per chain, each prevMac the previous mac), and moves each chain's head to its last record,
   * conditionally on the head still being where the records start. Must follow lockHeads for
   * the same chains in the same transaction.
   */
  append(records: readonly AuditRecord[]): Promise<void>;
  /** One chain's head, or null when the chain has never been written. */
  head(chain: string): Promise<AuditHead | null>;
  /** Every head, in chain order, a page at a time (afterChain exclusive). */
  heads(opts: { afterChain?: string; limit: number }): Promise<AuditHead[]>;
  /** One chain's records in seq order, from afterSeq (exclusive), at most limit. */
  chainRecords(chain: string, opts: { afterSeq?: number; limit: number }): Promise<AuditRecord[]>;
  /**
   * Records newest first (by id), of every chain or of one, before the id given, at most limit;
   * optionally only those with `at` in [fromAt, toAt), of one action, of one actor type or actor.
   */
  list(opts: AuditListQuery): Promise<StoredAuditRecord[]>;
  /** Chains that have records but no head (a head row deleted behind the store's back). */
  headlessChains(limit: number): Promise<string[]>;

  /** The log as migration 0006 left it, until migrateLegacyAudit re-chains it under the key. */
  legacy: {
    /** The old global head, or null when there is nothing left to migrate. */
    head(): Promise<{ seq: number; hash: string } | null>;
    page(opts: { afterSeq?: number; limit: number }): Promise<LegacyAuditRecord[]>;
    /** Deletes the migrated legacy records and the old head. Inside `transaction`. */
    clear(): Promise<void>;
  };
}

/**
 * The bank's audit key (L1), given by configuration like the KEK and never stored in the
 * database. It MACs every record, so that a database administrator cannot recompute a changed
 * chain, and signs checkpoints of the heads that the bank keeps elsewhere.
 */
export interface AuditKey {
  /** A public fingerprint of the key (hex), printed in checkpoints and kept beside the log. */
  readonly id: string;
  /** HMAC-SHA-256 under the key's MAC subkey, hex. */
  mac(data: Uint8Array): string;
  /** An Ed25519 signature under the key's signing subkey, base64url. */
  sign(data: Uint8Array): string;
  /** The signing subkey's public key (SPKI DER, base64url): checkpoints verify with it alone. */
  readonly publicKey: string;
}
