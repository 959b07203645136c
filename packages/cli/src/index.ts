export { type Runtime, openRuntime, systemClock, systemRandom } from './runtime.ts';
export { tokenActivate, tokenCode, tokenList } from './commands/token.ts';
