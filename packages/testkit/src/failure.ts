import { KinkoError } from '@kinko/core';

/** Test helper: resolves to the KinkoError a promise rejects with (fails if it resolves). */
export async function failure(p: Promise<unknown>): Promise<KinkoError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof KinkoError) return e;
    throw e;
  }
  throw new Error('expected a KinkoError');
}
