/** The limits room's public face: what the rest of core (and kinko.ts, which wires the use cases) uses of it. */
export { countTransfer, giveBack, precheckLimits } from './counting.ts';
export type { LayerLimits, ProposedLimits } from './policy.ts';
export {
  getLimits,
  type LimitsInput,
  type LimitsView,
  setBankLimits,
  setLimits,
  setUserPrivileges,
  type UserLimitsView,
} from './settings.ts';
