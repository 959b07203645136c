import { UniqueViolation } from '../ports.ts';

/** The store signals a duplicate with UniqueViolation, or at least an error whose code is 'unique'. */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof UniqueViolation || (e as { code?: unknown } | null)?.code === 'unique';
}
