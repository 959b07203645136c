/** The zengin room's public face: what the rest of core (and kinko.ts, which wires the use cases) uses of it. */
export {
  type DirectoryEntry,
  lookupBank,
  lookupBranch,
  type OwnBankBranches,
  searchBanks,
  searchBranches,
} from './bank-directory.ts';
export { toZenginField } from './chars.ts';
export { normalizePayeeName } from './names.ts';
export { type OutboundItem, outboundCsv, outboundZenginFile } from './outbound-format.ts';
