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
};

export function makeConfig(overrides: Partial<BankConfig> = {}): BankConfig {
  return { ...defaultConfig, ...overrides, argon2: { ...defaultConfig.argon2, ...overrides.argon2 } };
}
