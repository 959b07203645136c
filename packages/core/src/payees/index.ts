/** The payees room's public face: what the rest of core (and kinko.ts, which wires the use cases) uses of it. */
export { searchBankDirectory, searchBranchDirectory } from './directory-search.ts';
export {
  listPayees,
  listWrittenPayees,
  registerWrittenPayee,
  removeSavedPayee,
  removeWrittenPayee,
  savePayee,
} from './payees.ts';
export { resolveDestination } from './resolve.ts';
export type * from './views.ts';
