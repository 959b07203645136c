/**
 * Schemas of issue 9's back-office audit filters, the usage-mode impact (R3) and the token
 * app's public status call, kept apart from schemas.ts so that file stays one page of the core
 * views.
 */
import { AUDIT_ACTION_CODES, AUDIT_ACTOR_TYPES, USAGE_MODES } from '@kinko/core';
import { z } from 'zod';
import { text } from './text.ts';

const day = (what: string) =>
  text(10)
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day written YYYY-MM-DD')
    .optional()
    .describe(`${what}: a day in Japan, YYYY-MM-DD, inclusive`);

/** B1: the audit log's filters, shared by the listing and its CSV. Core checks the days are real. */
export const auditFilterQuery = {
  from: day('From'),
  to: day('To'),
  action: z.enum(AUDIT_ACTION_CODES).optional().describe('Only this action'),
  actorType: z.enum(AUDIT_ACTOR_TYPES).optional().describe('Only this kind of actor'),
  actorId: text(64).optional().describe('Only this actor (a user or operator id, as the listing gives it)'),
};

export const auditCsvQuery = z.strictObject({
  contractNumber: text().optional().describe("Only this contract's chain"),
  ...auditFilterQuery,
  lang: z.enum(['ja', 'en']).default('ja').describe('Language of the header and labels'),
});

export const auditCsvResponse = {
  description: 'The filtered audit log as CSV, UTF-8 with BOM, newest first',
  content: { 'text/csv': { schema: z.string() } },
} as const;

const UsageModeChange = z.object({
  userId: z.string(),
  loginId: z.string(),
  name: z.string(),
  serialBefore: z.string().nullable(),
  serialAfter: z.string().nullable(),
});

export const UsageModeImpact = z.object({
  from: z.enum(USAGE_MODES),
  to: z.enum(USAGE_MODES),
  released: z
    .array(UsageModeChange)
    .describe('Users whose registered token goes out of force (kept, dormant)'),
  restored: z.array(UsageModeChange).describe('Users whose dormant registration of that mode comes back'),
});

export const usageModeImpactQuery = z.strictObject({ mode: z.enum(USAGE_MODES) });

export const TokenPublicStatus = z.object({
  registered: z.boolean().describe('Registered to a contract; nothing else is told'),
});
