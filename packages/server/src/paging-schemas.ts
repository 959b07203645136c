/**
 * The paging parameters of the lists that grow with a customer's history (GET /transfers,
 * GET …/statement): `limit` with its default and maximum (core's, so the document states what
 * core does) and the opaque `cursor`, the `nextCursor` of the page before. Core decodes and
 * checks the cursor (a malformed one is 400 request.invalid naming the cursor).
 */
import type { PageLimits } from '@kinko/core';
import { z } from 'zod';
import { text } from './text.ts';

export function pageQuery(limits: PageLimits, items: string) {
  return {
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(limits.max)
      .default(limits.default)
      .describe(`${items} per page: 1 to ${limits.max}, default ${limits.default}`),
    cursor: text(512)
      .optional()
      .describe('Opaque: the nextCursor of the page before; absent for the first page'),
  };
}

export const nextCursor = z
  .string()
  .nullable()
  .describe('Pass as cursor for the next page; null when this page is the last');
