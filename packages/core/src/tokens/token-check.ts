import { KinkoError } from '../errors.ts';
import type { CustomerActor } from '../identity/actors.ts';
import { requireCustomer } from '../identity/authz.ts';
import { type KinkoDeps, Rejection, runUseCase } from '../use-case.ts';
import { isActive, loadEffectiveToken } from './effective.ts';
import type { StepUpResult } from './proof.ts';
import { stepUpIn } from './step-up.ts';

/** The purpose a トークン動作確認 gives the step-up, and the action of its own audit record. */
const TOKEN_CHECK = 'token.check';

/**
 * トークン動作確認 (issue 9 item 5): the user checks, of their own choice, that their token's
 * codes are accepted. It is a step-up like any other (the code is used up, a wrong one counts
 * towards 利用中止, A2, T2), authorising nothing; besides the step-up's own records it is
 * audited as `token.check` with its result, so that it is never read as an operation's step-up.
 * Only with an active token: the legacy card has nothing to check.
 */
export function checkToken(deps: KinkoDeps, actor: CustomerActor, otp: string): Promise<StepUpResult> {
  return runUseCase(deps, async (tx) => {
    const { user, contract } = await requireCustomer(tx, actor);
    const token = await loadEffectiveToken(tx.store, contract, user);
    if (!user.suspended && !isActive(token)) {
      throw new KinkoError(
        'otp.token_not_active',
        'トークン動作確認 needs a registered token: ask your administrator to register yours first.',
      );
    }
    const result = await stepUpIn(tx, actor, { otp }, TOKEN_CHECK);
    const refused = result instanceof Rejection;
    tx.audit({
      actor,
      action: TOKEN_CHECK,
      outcome: refused ? 'failure' : 'success',
      subject: token?.serial ?? user.id,
      detail: { result: refused ? result.error.code : 'accepted' },
    });
    return result;
  });
}
