/**
 * 受付番号: the number the completion screen shows and the customer quotes on the phone. The
 * entry date in Japan and eight random digits: readable aloud, unguessable enough that one
 * customer cannot probe another's, and unique by the store's constraint.
 */
import { jstDate } from '../calendar/index.ts';
import { randomDigits } from '../identity/ids.ts';
import type { Random } from '../ports.ts';

export function newReceiptNumber(random: Random, nowMs: number): string {
  return `${jstDate(nowMs).replaceAll('-', '')}-${randomDigits(random, 8)}`;
}
