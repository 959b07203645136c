/**
 * RFC 4180 quoting, and no formulas: a field that starts with = + - @ (a payee name or a login
 * ID is typed by someone else) is prefixed with ' so that Excel shows it as text (OWASP CSV
 * injection). Shared by every CSV core writes (M9 statements, the B1 audit log).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
