/**
 * The versioned migrations, in code (one file each), applied in name order by Kysely's
 * Migrator. Never edit a migration that has shipped; add the next one.
 */
import type { Migration, MigrationProvider } from 'kysely';
import type { Kind } from '../schema.ts';
import { foundation } from './0001_foundation.ts';
import { ledger } from './0002_ledger.ts';
import { transfers } from './0003_transfers.ts';
import { limits } from './0004_limits.ts';
import { approvals } from './0005_approvals.ts';
import { auditChains } from './0006_audit_chains.ts';
import { transferLists } from './0007_transfer_lists.ts';
import { otpAlerts } from './0008_otp_alerts.ts';
import { lastLogins } from './0009_last_logins.ts';
import { auditFilters } from './0010_audit_filters.ts';
import { certificates } from './0011_certificates.ts';

export function migrationProvider(kind: Kind): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '0001_foundation': foundation(kind),
    '0002_ledger': ledger(kind),
    '0003_transfers': transfers(kind),
    '0004_limits': limits(kind),
    '0005_approvals': approvals(kind),
    '0006_audit_chains': auditChains(kind),
    '0007_transfer_lists': transferLists(),
    '0008_otp_alerts': otpAlerts(),
    '0009_last_logins': lastLogins(),
    '0010_audit_filters': auditFilters(),
    '0011_certificates': certificates(kind),
  };
  return { getMigrations: async () => migrations };
}
