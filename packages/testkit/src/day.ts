/** Test helper for L1: a day at the bank, most security events once each, in the contract's and the bank's chains. */
import type { CustomerActor } from '@kinko/core';
import { passwords, pins, type TestBank, wrongCode } from './bank.ts';
import { failure } from './failure.ts';

export async function aDayAtTheBank(bank: TestBank, user1: CustomerActor): Promise<void> {
  const creds = { contractNumber: bank.contractNumber, loginId: 'user1', password: passwords.user };
  await failure(bank.kinko.login(bank.anon, { ...creds, password: 'wrongpass1' }));
  await failure(bank.kinko.login(bank.anon, { ...creds, contractNumber: '99999999999' }));
  const { session } = await bank.kinko.login(bank.anon, creds);
  const token = await bank.activate();
  await failure(
    bank.kinko.createUser(bank.admin, {
      loginId: 'x1',
      name: 'x',
      password: 'passw0rdx',
      contractPin: pins.wrong,
    }),
  );
  await bank.kinko.registerToken(bank.admin, {
    serial: token.serial,
    otp: token.code(),
    contractPin: pins.contract,
    userIds: [user1.userId],
  });
  bank.clock.advance(30_000);
  await bank.kinko.stepUp(user1, { otp: token.code() }, 'transfer');
  await failure(bank.kinko.stepUp(user1, { otp: token.code() }, 'transfer'));
  for (let i = 0; i < bank.deps.config.maxOtpFailures; i++) {
    await failure(bank.kinko.stepUp(user1, { otp: wrongCode(token.code()) }, 'transfer'));
  }
  await bank.kinko.unlockUser(bank.admin, user1.userId, { contractPin: pins.contract });
  const newPhone = await bank.activate();
  await bank.kinko.registerToken(bank.admin, {
    serial: newPhone.serial,
    otp: newPhone.code(),
    contractPin: pins.contract,
    userIds: [user1.userId],
  });
  await bank.kinko.logout(session.sessionToken);
  await bank.kinko.restoreAdministrator(bank.operator, bank.contractNumber, { newContractPin: '8642' });
}
