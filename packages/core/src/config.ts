/**
 * M7: one generation of the fee table, in force from `effectiveFrom` (a value date, JST) until
 * the next generation. Each pair is [below threshold, from threshold] in integer yen.
 */
export interface FeeTable {
  effectiveFrom: string;
  /** The amount from which the higher fee applies (≥ threshold). ¥30,000 at most banks. */
  threshold: number;
  /** 同一店宛: same bank, same branch. */
  sameBranch: readonly [number, number];
  /** 本支店宛: same bank, another branch. */
  otherBranch: readonly [number, number];
  /** 他行宛: another bank, through the Zengin network. */
  otherBank: readonly [number, number];
}

/** M5b: the operations whose OTP the bank's configuration decides (otpOperations). */
export type OtpOperation =
  | 'transfer.execute' // 振込・振替の実行 (in 'none' mode the requester's submit executes it)
  | 'transfer.submit' // 承認依頼 in an approval mode
  | 'transfer.approve' // 承認 (each step of a double approval)
  | 'transfer.withdraw' // 引戻し
  | 'transfer.return' // 差戻し
  | 'transfer.cancel_approval' // 承認取消
  | 'transfer.cancel_scheduled' // 予約取消
  | 'bill.pay' // Pay-easy
  | 'file.approve' // ファイル伝送: approval
  | 'file.send'; // ファイル伝送: sending

/** M5b's default: execution, cancelling a scheduled transfer, bill payment, file approval and sending, and approval (M5a). */
export const DEFAULT_OTP_OPERATIONS: ReadonlySet<OtpOperation> = new Set<OtpOperation>([
  'transfer.execute',
  'transfer.approve',
  'transfer.cancel_scheduled',
  'bill.pay',
  'file.approve',
  'file.send',
]);

/** Per-bank configuration with SPEC defaults. Values that differ from bank to bank live here. */
export interface BankConfig {
  bankName: string;
  /** T3: accepted steps either side of the current one (0 meets ASVS 5.0 6.5.5). */
  otpWindow: number;
  /** T3: the largest drift, in steps, a token may accumulate. */
  maxDrift: number;
  /** A2: consecutive wrong OTPs before 利用中止. */
  maxOtpFailures: number;
  /** A4: consecutive wrong passwords before the login is locked. */
  maxPasswordFailures: number;
  /** A4: consecutive wrong PINs (contract or user confirmation PIN) before lockout. */
  maxPinFailures: number;
  /** A4: idle session timeout. */
  sessionIdleMs: number;
  /** Absolute session lifetime. */
  sessionMaxMs: number;
  /** T5: an activated token not registered within this time expires. */
  activationTtlMs: number;
  /** T9: allow otpauth:// provisioning for standard authenticator apps. */
  otpauthEnabled: boolean;
  /** Most users a contract may have (DOMAIN §1.2: 99). */
  maxUsersPerContract: number;
  /** argon2id cost (RFC 9106 §4 second recommendation by default; tests lower it). */
  argon2: { memoryCost: number; timeCost: number; parallelism: number };
  /** M8: this bank's 統一金融機関番号 (4 digits, as in zengin-code). */
  ownBankCode: string;
  /** M6: same-day processing closes at this JST time, 'HH:MM'. */
  sameDayCutoff: string;
  /** M6: the latest value date, in business days after today (DOMAIN §1.8). */
  scheduleHorizonBusinessDays: number;
  /** M7: fee table generations; the one in force on the value date applies. */
  feeTables: readonly FeeTable[];
  /**
   * M5: the bank's ceiling (契約限度額) for a contract the operator has not set one for, in
   * integer yen: per transfer, per day, and the daily sub-limit for same-day transfers to
   * unregistered payees (null: only perDay binds).
   */
  /**
   * M5a: how long a request waits for approval (承認期限) after submission; null: until the end
   * of its value date (JST). Never later than the end of the value date.
   */
  approvalTtlMs: number | null;
  /** M5b: the operations that ask for the OTP (approval-otp.ts; DEFAULT_OTP_OPERATIONS). */
  otpOperations: readonly OtpOperation[];
  /** A5: a client certificate is valid this long from its issue (DOMAIN §1.2: 1 year). */
  certificateValidityMs: number;
  /** A5: a 取得 code must be used within this time of its issue (DOMAIN §1.2: 80 days). */
  certificateCodeTtlMs: number;
  /** A5: renewal opens this long before a certificate's expiry (DOMAIN §1.2: 30 days). */
  certificateRenewalWindowMs: number;
  /** A5: a published CRL's nextUpdate, this long after its thisUpdate. */
  crlValidityMs: number;
  bankLimitCeiling: {
    perTransfer: number;
    perDay: number;
    sameDayUnregisteredPerDay: number | null;
  };
}

export const defaultConfig: BankConfig = {
  bankName: 'Kinko Shinkin Bank',
  otpWindow: 1,
  maxDrift: 2,
  maxOtpFailures: 5,
  maxPasswordFailures: 6,
  maxPinFailures: 5,
  sessionIdleMs: 10 * 60_000,
  sessionMaxMs: 8 * 60 * 60_000,
  activationTtlMs: 24 * 60 * 60_000,
  otpauthEnabled: false,
  maxUsersPerContract: 99,
  argon2: { memoryCost: 19_456, timeCost: 2, parallelism: 1 },
  // 熊本第一信用金庫, the bank of the source notice (seed/notice-ja.md); a real shinkin code so
  // that its branches resolve in the zengin-code data.
  ownBankCode: '1952',
  sameDayCutoff: '15:00',
  scheduleHorizonBusinessDays: 15,
  // DOMAIN §1.8: Arai shinkin's 法人IB fees (同店 free, 本支店 110/220, 他行 275/440, ¥30,000).
  feeTables: [
    {
      effectiveFrom: '2000-01-01',
      threshold: 30_000,
      sameBranch: [0, 0],
      otherBranch: [110, 220],
      otherBank: [275, 440],
    },
  ],
  approvalTtlMs: null,
  otpOperations: [...DEFAULT_OTP_OPERATIONS],
  certificateValidityMs: 365 * 24 * 60 * 60_000,
  certificateCodeTtlMs: 80 * 24 * 60 * 60_000,
  certificateRenewalWindowMs: 30 * 24 * 60 * 60_000,
  crlValidityMs: 24 * 60 * 60_000,
  // DOMAIN §1.6: a shinkin's usual ceiling; the sub-limit keeps a stolen session from emptying
  // the day's limit to an account the customer never registered.
  bankLimitCeiling: { perTransfer: 10_000_000, perDay: 30_000_000, sameDayUnregisteredPerDay: 1_000_000 },
};

export function makeConfig(overrides: Partial<BankConfig> = {}): BankConfig {
  return {
    ...defaultConfig,
    ...overrides,
    argon2: { ...defaultConfig.argon2, ...overrides.argon2 },
    bankLimitCeiling: { ...defaultConfig.bankLimitCeiling, ...overrides.bankLimitCeiling },
  };
}
