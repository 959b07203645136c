/** What a step-up is given and what it answers (M2, R4): the shapes transfers, files and bills pass on. */
import { KinkoError } from '../errors.ts';

/** Transaction authentication: the OTP once a token is active, else PIN + one card position (M2, R4). */
export type StepUpProof =
  | { otp: string }
  | { confirmPin: string; cardPosition: CardPosition; cardValue: string };

export const cardPositions = ['ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク'] as const;

export type CardPosition = (typeof cardPositions)[number];

export interface StepUpResult {
  method: 'otp' | 'legacy';
  /** The accepted time step (otp only). */
  step?: number;
}

/** The one check that a proof was given at all: refused as a bad request, counting nothing (A2). */
export function requireProof(proof: unknown): asserts proof is StepUpProof {
  if (proof === null || typeof proof !== 'object') throw new KinkoError('request.invalid', 'proof required');
}
