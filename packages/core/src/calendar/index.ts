/** Business days and value dates (M6). */
export * from './bank-date.ts';
export * from './value-date.ts';
