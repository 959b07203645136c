export { tokenActivate, tokenCode, tokenList } from './commands/token.ts';
export { openRuntime, type Runtime, systemClock, systemRandom } from './runtime.ts';
